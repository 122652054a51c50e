package com.consento.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** PIPL-51: logs never contain raw phone numbers or e-mails, whatever the code around them logs. */
class MaskingConverterTest {

    @ParameterizedTest(name = "\"{0}\" → \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "subject +8613912345678 withdrew | subject +86139****5678 withdrew",
            "SMS from 13800138000: TD | SMS from 138****8000: TD",
            "caller +86 138-0013-8000 | caller +86 138****8000",
            "tel 138 0013 8000 end | tel 138****8000 end",
            "phone:+8613800138000 | phone:+86138****8000"})
    @DisplayName("PIPL-51 phone numbers inside free text are masked")
    void phone_numbers_in_free_text_are_masked(String message, String masked) {
        assertThat(MaskingConverter.mask(message)).isEqualTo(masked);
    }

    @ParameterizedTest(name = "\"{0}\" → \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "unsubscribe alice@example.com now | unsubscribe a***@example.com now",
            "to Zhang.San+promo@mail.example.cn | to Z***@mail.example.cn",
            "QQ 123456789@qq.com bounced | QQ 1***@qq.com bounced"})
    @DisplayName("PIPL-51 e-mail addresses inside free text are masked")
    void emails_in_free_text_are_masked(String message, String masked) {
        assertThat(MaskingConverter.mask(message)).isEqualTo(masked);
    }

    @Test
    @DisplayName("PIPL-51 several identifiers in one message are all masked")
    void several_identifiers_in_one_message_are_all_masked() {
        String masked = MaskingConverter.mask("merge 13800138000 and alice@example.com into +8613912345678");

        assertThat(masked).isEqualTo("merge 138****8000 and a***@example.com into +86139****5678");
        assertThat(masked).doesNotContain("13800138000", "alice@", "13912345678");
    }

    @Test
    @DisplayName("PIPL-51 an international number written with 00 is masked too")
    void a_number_written_with_00_is_masked() {
        // IdentifierNormaliser accepts "008613800138000" as the same person as +8613800138000, so channels send it.
        assertThat(MaskingConverter.mask("lookup 008613800138000 failed")).doesNotContain("13800138000");
    }

    @Test
    @DisplayName("ids, amounts, timestamps and short numbers are left alone")
    void other_numbers_are_left_alone() {
        String message = "event 4711 for sub_2a_0f3c9e1b at 2026-11-30T01:00:00Z: 3 keys, order 20261130, ¥1999";

        assertThat(MaskingConverter.mask(message)).isEqualTo(message);
        assertThat(MaskingConverter.mask(null)).isNull();
        assertThat(MaskingConverter.mask("")).isEmpty();
    }
}
