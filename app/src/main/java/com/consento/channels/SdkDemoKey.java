package com.consento.channels;

import com.consento.identity.KeyVault;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The demo site's key for {@code /sdk/demo}, only in demo mode ({@code CONSENTO_DEMO=true}). It is derived from
 * the installation's lookup key (the same on every node and every start) and held in memory only, so turning demo
 * mode off leaves no usable demo key behind.
 */
@Component
class SdkDemoKey {
    private final String key;

    SdkDemoKey(@Value("${consento.demo:false}") boolean demo, KeyVault vault, SiteKeys keys) {
        if (demo) {
            key = "csk_demo_" + vault.lookupHash("sdk-demo-site-key", "v1").substring(0, 32);
            keys.registerTransientSiteKey("demo site (/sdk/demo)", key, List.of());
        } else {
            key = null;
        }
    }

    Optional<String> key() {
        return Optional.ofNullable(key);
    }
}
