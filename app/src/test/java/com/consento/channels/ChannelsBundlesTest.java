package com.consento.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ChannelsBundlesTest {

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ChannelsBundlesTest.class.getResourceAsStream("/i18n/" + name + ".properties")) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    @DisplayName("the channels bundles (default zh-CN, zh_CN, en) hold the same keys, none empty; the default is zh-CN")
    void bundles_in_sync() throws IOException {
        Properties base = bundle("channels");
        Properties zh = bundle("channels_zh_CN");
        Properties en = bundle("channels_en");
        assertThat(zh.stringPropertyNames()).isEqualTo(base.stringPropertyNames());
        assertThat(en.stringPropertyNames()).isEqualTo(base.stringPropertyNames());
        for (Properties p : new Properties[] {base, zh, en}) {
            p.stringPropertyNames().forEach(k -> assertThat(p.getProperty(k)).as(k).isNotBlank());
        }
        assertThat(base).isEqualTo(zh);
        assertThat(base.getProperty("channels.lang")).isEqualTo("zh-CN");
        assertThat(en.getProperty("channels.lang")).isEqualTo("en");
    }

    @Test
    @DisplayName("every message the channels templates use exists")
    void templates_use_known_keys() throws IOException {
        Set<String> keys = bundle("channels").stringPropertyNames();
        Set<String> used = new TreeSet<>();
        Pattern message = Pattern.compile("#\\{(channels\\.[\\w.]+)");
        Pattern dynamic = Pattern.compile("'(channels\\.[\\w.]+\\.)'");
        for (String template : new String[] {"unsubscribe.html", "sdk-demo.html"}) {
            String text = Files.readString(Path.of("src/main/resources/templates/channels", template));
            Matcher m = message.matcher(text);
            while (m.find()) {
                used.add(m.group(1));
            }
            Matcher d = dynamic.matcher(text);
            while (d.find()) {
                String prefix = d.group(1);
                assertThat(keys).anyMatch(k -> k.startsWith(prefix));
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(keys).containsAll(used);
        for (String channel : new String[] {"sms", "email", "push", "wechat", "phone", "mail", "in_app"}) {
            assertThat(keys).contains("channels.channel." + channel);
        }
    }
}
