package com.consento.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SiteKeysTest {

    @Test
    @DisplayName("origins are normalised as browsers send them; anything else is no origin")
    void origins() {
        assertThat(SiteKeys.normaliseOrigin("https://Shop.Example.cn")).isEqualTo("https://shop.example.cn");
        assertThat(SiteKeys.normaliseOrigin("https://shop.example.cn:443/")).isEqualTo("https://shop.example.cn");
        assertThat(SiteKeys.normaliseOrigin("http://127.0.0.1:8080")).isEqualTo("http://127.0.0.1:8080");
        assertThat(SiteKeys.normaliseOrigin("http://shop.example.cn:80")).isEqualTo("http://shop.example.cn");
        for (String bad : new String[] {null, "", "*", "null", "shop.example.cn", "ftp://x.cn", "https://x.cn/path",
                "https://x.cn?q=1", "https://u:p@x.cn", "javascript:alert(1)", "https://"}) {
            assertThat(SiteKeys.normaliseOrigin(bad)).as(bad).isNull();
        }
        SiteKeys.SiteKey key = new SiteKeys.SiteKey("k", true, false, Set.of("https://shop.example.cn"));
        assertThat(key.allows("https://SHOP.example.cn")).isTrue();
        assertThat(key.allows("https://evil.example.cn")).isFalse();
        assertThat(key.allows(null)).isFalse();
    }
}
