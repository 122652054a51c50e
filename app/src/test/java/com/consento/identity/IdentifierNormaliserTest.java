package com.consento.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class IdentifierNormaliserTest {

    @ParameterizedTest(name = "\"{0}\" normalises to +8613800138000")
    @ValueSource(strings = {"13800138000", "+86 138-0013-8000", "008613800138000", "+8613800138000",
            " 138 0013 8000 "})
    @DisplayName("every way of writing a Chinese mobile number is the same person")
    void every_way_of_writing_a_chinese_mobile_is_the_same_person(String raw) {
        Identifier id = IdentifierNormaliser.normalise(IdentifierType.PHONE, raw);

        assertThat(id).isEqualTo(new Identifier(IdentifierType.PHONE, "+8613800138000"));
    }

    @Test
    @DisplayName("an e-mail address is lower-cased and trimmed")
    void an_email_is_lower_cased() {
        assertThat(IdentifierNormaliser.normalise(IdentifierType.EMAIL, "  Alice@Example.COM ").value())
                .isEqualTo("alice@example.com");
    }

    @ParameterizedTest(name = "phone \"{0}\" is rejected")
    @ValueSource(strings = {"12345", "1380013800", "138001380001234", "not a phone", "+86 000 0000 0000"})
    @DisplayName("an invalid phone number is rejected")
    void an_invalid_phone_is_rejected(String raw) {
        assertThatIllegalArgumentException().isThrownBy(() -> IdentifierNormaliser.normalise(IdentifierType.PHONE, raw));
    }

    @ParameterizedTest(name = "e-mail \"{0}\" is rejected")
    @ValueSource(strings = {"alice", "alice@", "alice@example", "a b@example.com", "a@b@example.com"})
    @DisplayName("an invalid e-mail address is rejected")
    void an_invalid_email_is_rejected(String raw) {
        assertThatIllegalArgumentException().isThrownBy(() -> IdentifierNormaliser.normalise(IdentifierType.EMAIL, raw));
    }

    @Test
    @DisplayName("an empty or over-long value is rejected for every type")
    void an_empty_or_over_long_value_is_rejected() {
        for (IdentifierType type : IdentifierType.values()) {
            assertThatIllegalArgumentException().isThrownBy(() -> IdentifierNormaliser.normalise(type, "  "));
            assertThatIllegalArgumentException().isThrownBy(() -> IdentifierNormaliser.normalise(type, null));
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> IdentifierNormaliser.normalise(type, "x".repeat(257)));
        }
    }

    @Test
    @DisplayName("other identifiers are trimmed, kept as sent, and may not hold control characters")
    void other_identifiers_are_trimmed_and_kept() {
        assertThat(IdentifierNormaliser.normalise(IdentifierType.WECHAT_OPENID, " oAbC123 ").value()).isEqualTo("oAbC123");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> IdentifierNormaliser.normalise(IdentifierType.MEMBER, "m1\u0000"));
    }

    @Test
    @DisplayName("identifier type codes are read in any case")
    void identifier_type_codes_are_read_in_any_case() {
        assertThat(IdentifierType.ofCode("WeChat_OpenId")).isEqualTo(IdentifierType.WECHAT_OPENID);
        assertThat(IdentifierType.ofCode("fax")).isNull();
        assertThat(IdentifierType.ofCode(null)).isNull();
    }

    @Test
    void the_fast_path_for_e164_chinese_mobiles_accepts_and_rejects_exactly_what_libphonenumber_does() {
        var phones = com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance();
        java.util.Random random = new java.util.Random(86);
        int valid = 0;
        for (int n = 0; n < 20_000; n++) {
            String raw = "+861" + String.format("%010d", Math.floorMod(random.nextLong(), 10_000_000_000L));
            assertThat(IdentifierNormaliser.isChineseMobileInE164(raw)).isTrue();
            String expected;
            try {
                var number = phones.parse(raw, "CN");
                expected = phones.isValidNumber(number)
                        ? phones.format(number, com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat.E164)
                        : null;
            } catch (com.google.i18n.phonenumbers.NumberParseException e) {
                expected = null;
            }
            String actual;
            try {
                actual = IdentifierNormaliser.normalise(IdentifierType.PHONE, raw).value();
            } catch (IllegalArgumentException e) {
                actual = null;
            }
            assertThat(actual).as(raw).isEqualTo(expected);
            valid += expected == null ? 0 : 1;
        }
        assertThat(valid).as("the sample holds both valid and invalid numbers").isBetween(1_000, 19_000);
        assertThat(IdentifierNormaliser.isChineseMobileInE164("+86 13800138000")).isFalse();
        assertThat(IdentifierNormaliser.isChineseMobileInE164("+86１3800138000")).isFalse();
    }
}
