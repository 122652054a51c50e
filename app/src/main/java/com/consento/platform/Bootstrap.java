package com.consento.platform;

import com.consento.access.StaffUsers;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * First-start credentials: the admin API key ({@code CONSENTO_ADMIN_KEY}) is registered; when none is set
 * and no admin key exists yet, one is generated and shown once in the start-up banner. Likewise the console
 * user {@code admin} ({@code CONSENTO_ADMIN_PASSWORD}).
 */
@Component
class Bootstrap {
    private final String generatedKey;
    private final String generatedPassword;

    Bootstrap(ApiKeyService keys, @Value("${consento.admin-key:}") String adminKey, StaffUsers staff,
              @Value("${consento.admin-password:}") String adminPassword) {
        generatedPassword = staff.bootstrapAdmin(adminPassword);
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

    /** The console password of {@code admin} generated at this start, to be shown once; null when none was. */
    String generatedPassword() {
        return generatedPassword;
    }
}
