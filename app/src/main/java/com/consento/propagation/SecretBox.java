package com.consento.propagation;

import com.consento.identity.KeyVault;
import java.util.HexFormat;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Webhook secrets at rest: AES-256-GCM under a key derived from the installation's lookup key
 * (HMAC-SHA256 of a fixed label), so every node of a cluster, sharing the keys, can sign deliveries.
 */
@Component
class SecretBox {
    private final SecretKey key;

    SecretBox(KeyVault vault) {
        this.key = new SecretKeySpec(HexFormat.of().parseHex(vault.lookupHash("consento.webhook-secret", "v1")),
                "AES");
    }

    String seal(String secret) {
        return KeyVault.encrypt(key, secret);
    }

    String open(String sealed) {
        return KeyVault.decrypt(key, sealed);
    }
}
