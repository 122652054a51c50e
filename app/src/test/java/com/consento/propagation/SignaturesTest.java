package com.consento.propagation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SignaturesTest {

    @Test
    @DisplayName("the signature is sha256= and the hex HMAC-SHA256 of the raw body under the secret (RFC 4231 case 2)")
    void signature_is_hex_hmac_sha256_of_the_raw_body() {
        assertThat(Signatures.sign("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }
}
