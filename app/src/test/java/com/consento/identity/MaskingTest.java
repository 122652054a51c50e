package com.consento.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    @DisplayName("PIPL-51 a phone keeps its country code, first three and last four digits")
    void a_phone_keeps_country_code_first_three_and_last_four_digits() {
        assertThat(Masking.mask(IdentifierType.PHONE, "+8613912345678")).isEqualTo("+86 139****5678");
    }

    @Test
    @DisplayName("PIPL-51 an e-mail keeps its first letter and its domain")
    void an_email_keeps_first_letter_and_domain() {
        assertThat(Masking.mask(IdentifierType.EMAIL, "alice@example.com")).isEqualTo("a***@example.com");
    }

    @Test
    @DisplayName("PIPL-51 an identifier's string form is masked, so logging it leaks nothing")
    void an_identifiers_string_form_is_masked() {
        Identifier phone = new Identifier(IdentifierType.PHONE, "+8613912345678");

        assertThat(phone.toString()).isEqualTo("phone:+86 139****5678").doesNotContain("13912345678");
        assertThat(phone.masked()).isEqualTo("+86 139****5678");
    }

    @Test
    @DisplayName("PIPL-51 other identifiers keep two characters at each end; short ones are hidden whole")
    void other_identifiers_keep_two_characters_at_each_end() {
        assertThat(Masking.mask(IdentifierType.MEMBER, "M000123456")).isEqualTo("M0****56");
        assertThat(Masking.mask(IdentifierType.MEMBER, "M123")).isEqualTo("****");
        assertThat(Masking.mask(IdentifierType.DEVICE, "")).isEmpty();
        assertThat(Masking.mask(IdentifierType.DEVICE, null)).isEmpty();
    }

    @Test
    @DisplayName("PIPL-51 a foreign or short phone and a malformed e-mail are still masked")
    void odd_values_are_still_masked() {
        assertThat(Masking.mask(IdentifierType.PHONE, "+447911123456")).isEqualTo("+44 791****3456");
        assertThat(Masking.mask(IdentifierType.PHONE, "+8612345")).isEqualTo("+86 ****");
        assertThat(Masking.mask(IdentifierType.EMAIL, "@example.com")).isEqualTo("***");
    }
}
