package com.consento.platform;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * First-start credentials: the admin API key ({@code CONSENTO_ADMIN_KEY}) is registered; when none is set
 * and no admin key exists yet, one is generated and shown once in the start-up banner.
 */
@Component
class Bootstrap {
    private final String generatedKey;

    Bootstrap(ApiKeyService keys, @Value("${consento.admin-key:}") String adminKey) {
        if (adminKey != null && !adminKey.isBlank()) {
            keys.register("bootstrap admin (CONSENTO_ADMIN_KEY)", adminKey.trim(), List.of("admin"));
            generatedKey = null;
        } else if (!keys.hasAdminKey()) {
            byte[] secret = new byte[24];
            new SecureRandom().nextBytes(secret);
            generatedKey = "csk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
            keys.register("bootstrap admin (generated)", generatedKey, List.of("admin"));
        } else {
            generatedKey = null;
        }
    }

    /** The admin key generated at this start, to be shown once; null when none was generated. */
    String generatedKey() {
        return generatedKey;
    }
}
