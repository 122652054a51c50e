package com.consento.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TextMaskingTest {

    @Test
    @DisplayName("PIPL-51 a phone number or e-mail quoted in an audit reason is stored masked")
    void phone_and_email_in_free_text_are_masked() {
        assertThat(TextMasking.mask("customer 13912345678 called about a@example.com"))
                .isEqualTo("customer 139****5678 called about a***@example.com");
        assertThat(TextMasking.mask("caller +86 139 1234 5678, ticket T-42")).doesNotContain("1234")
                .contains("5678").contains("T-42");
        assertThat(TextMasking.mask("member 00447700900123")).doesNotContain("7700900");
    }

    @Test
    @DisplayName("text without identifiers is kept as written")
    void plain_text_is_kept() {
        assertThat(TextMasking.mask("verifying identity for ticket 4711")).isEqualTo("verifying identity for ticket 4711");
        assertThat(TextMasking.mask(null)).isNull();
    }
}
