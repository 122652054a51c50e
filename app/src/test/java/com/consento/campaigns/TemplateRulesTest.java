package com.consento.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import com.consento.shared.Problems;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TemplateRulesTest {

    private static Problems check(String channel, String text) {
        Problems p = new Problems();
        TemplateRules.check(channel, text, p);
        return p;
    }

    @Test
    @DisplayName("CPL-29 SMS-18 an SMS with the sender signature and 回复TD退订 passes")
    void compliant_sms() {
        assertThat(check("sms", "【示例零售】生日快乐！全场9折，回复TD退订").isEmpty()).isTrue();
    }

    @Test
    @DisplayName("CPL-29 SMS-18 an SMS without an opt-out is refused")
    void sms_without_opt_out() {
        assertThat(check("sms", "【示例零售】生日快乐！全场9折").list()).singleElement()
                .satisfies(p -> assertThat(p.detail()).contains("opt out"));
    }

    @Test
    @DisplayName("CPL-29 a message without the sender's signature is refused")
    void without_signature() {
        assertThat(check("sms", "生日快乐！回复TD退订").list()).singleElement()
                .satisfies(p -> assertThat(p.detail()).contains("sender"));
    }

    @Test
    @DisplayName("CPL-29 RFC-8058 an e-mail needs the {unsubscribe} link")
    void email_needs_unsubscribe_link() {
        assertThat(check("email", "【Brand】Happy birthday! Reply TD to stop").isEmpty()).isFalse();
        assertThat(check("email", "【Brand】Happy birthday! Unsubscribe: {unsubscribe}").isEmpty()).isTrue();
    }

    @Test
    @DisplayName("PIPL-24a a per-person placeholder (such as a personal price) is refused")
    void no_per_person_fields() {
        assertThat(check("sms", "【示例零售】您的专属价{price}元，回复TD退订").list()).singleElement()
                .satisfies(p -> assertThat(p.detail()).contains("PIPL-24a"));
    }
}
