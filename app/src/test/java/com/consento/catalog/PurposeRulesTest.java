package com.consento.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.consento.shared.Channel;
import com.consento.shared.FieldProblem;
import com.consento.shared.Problems;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whether a purpose definition may be saved (PIPL-13a, PIPL-19, PIPL-23, PIPL-29, PIPL-39, PIPL-55, SEP-0). */
class PurposeRulesTest {

    /** A purpose every field of which is right; tests change one thing. */
    private static final class Def {
        String code = "marketing";
        Map<String, String> name = Map.of("zh-CN", "营销信息", "en", "Marketing messages");
        LegalBasis basis = LegalBasis.CONSENT;
        Set<Channel> channels = Set.of(Channel.SMS);
        boolean separate;
        boolean sensitive;
        boolean crossBorder;
        boolean automated;
        int validityDays = 365;
        int retentionDays = 1095;
        List<String> recipients = List.of();
        String piaId;
        String transferMechanism;

        Def code(String c) {
            code = c;
            return this;
        }

        Def separate(String pia) {
            separate = true;
            piaId = pia;
            return this;
        }

        Purpose build() {
            return new Purpose(code, name, Map.of(), basis, channels, separate, sensitive, crossBorder, automated,
                    validityDays, retentionDays, List.of("phone"), recipients, piaId, transferMechanism);
        }
    }

    private static List<String> problems(Def def) {
        Problems problems = new Problems();
        PurposeRules.check(def.build(), problems);
        return problems.list().stream().map(FieldProblem::pointer).toList();
    }

    private static List<FieldProblem> details(Def def) {
        Problems problems = new Problems();
        PurposeRules.check(def.build(), problems);
        return problems.list();
    }

    @Test
    @DisplayName("a complete consent purpose has no problem")
    void a_complete_purpose_has_no_problem() {
        assertThat(problems(new Def())).isEmpty();
    }

    @Test
    @DisplayName("PIPL-13a a purpose without a legal basis is rejected at /legalBasis")
    void a_purpose_without_legal_basis_is_rejected() {
        Def def = new Def();
        def.basis = null;

        assertThat(problems(def)).containsExactly("/legalBasis");
        assertThat(details(def).get(0).detail()).contains("PIPL-13a");
    }

    @Test
    @DisplayName("PIPL-13a every legal basis of the law is accepted, and only CONSENT is consent-gated")
    void every_legal_basis_is_accepted() {
        for (LegalBasis basis : LegalBasis.values()) {
            Def def = new Def();
            def.basis = basis;
            assertThat(problems(def)).as(basis.name()).isEmpty();
            assertThat(def.build().consentGated()).as(basis.name()).isEqualTo(basis == LegalBasis.CONSENT);
        }
    }

    @ParameterizedTest(name = "share/ads purpose \"{0}\" without separateConsent and piaId → problems")
    @ValueSource(strings = {"share.brandx", "ads.wechat", "ads.douyin"})
    @DisplayName("PIPL-23 PIPL-55 SEP-0 providing data to another handler needs separate consent and a PIA")
    void third_party_provision_needs_separate_consent_and_a_pia(String code) {
        Def def = new Def().code(code);
        def.channels = Set.of();
        def.recipients = List.of("Brand X Ltd");

        assertThat(problems(def)).containsExactlyInAnyOrder("/separateConsent", "/piaId");
        assertThat(problems(def.separate("PIA-2026-01"))).isEmpty();
    }

    @Test
    @DisplayName("PIPL-23 a share.* purpose names its recipient")
    void a_share_purpose_names_its_recipient() {
        Def def = new Def().code("share.brandx").separate("PIA-2026-01");
        def.channels = Set.of();

        assertThat(problems(def)).containsExactly("/recipients");
    }

    @Test
    @DisplayName("PIPL-23 any purpose with recipients provides to a third party and needs separate consent")
    void recipients_make_a_purpose_third_party_provision() {
        Def def = new Def().code("loyalty_partner");
        def.recipients = List.of("Airline Miles Co");

        assertThat(problems(def)).containsExactlyInAnyOrder("/separateConsent", "/piaId");
    }

    @Test
    @DisplayName("PIPL-29 PIPL-55 SEP-0 a sensitive purpose needs separate consent and a PIA")
    void a_sensitive_purpose_needs_separate_consent_and_a_pia() {
        Def def = new Def().code("location");
        def.sensitive = true;

        assertThat(problems(def)).containsExactlyInAnyOrder("/separateConsent", "/piaId");
        Def withConsentOnly = new Def().code("location");
        withConsentOnly.sensitive = true;
        withConsentOnly.separate = true;
        assertThat(problems(withConsentOnly)).containsExactly("/piaId");
        Def blankPia = new Def().code("location").separate("  ");
        blankPia.sensitive = true;
        assertThat(problems(blankPia)).containsExactly("/piaId");
    }

    @Test
    @DisplayName("PIPL-39 PIPL-55 SEP-0 a cross-border purpose needs separate consent, a PIA and a transfer mechanism")
    void a_cross_border_purpose_needs_separate_consent_pia_and_mechanism() {
        Def def = new Def().code("cross_border");
        def.crossBorder = true;

        assertThat(problems(def)).containsExactlyInAnyOrder("/separateConsent", "/piaId", "/transferMechanism");
        def.separate("PIA-2026-02");
        def.transferMechanism = "STANDARD_CONTRACT";
        assertThat(problems(def)).isEmpty();
    }

    @Test
    @DisplayName("PIPL-55 a purpose driving automated decisions needs separate consent and a PIA")
    void automated_decisions_need_separate_consent_and_a_pia() {
        Def def = new Def().code("credit_scoring");
        def.automated = true;

        assertThat(problems(def)).containsExactlyInAnyOrder("/separateConsent", "/piaId");
    }

    @Test
    @DisplayName("an ordinary purpose needs neither separate consent nor a PIA")
    void an_ordinary_purpose_needs_no_pia() {
        Def def = new Def().code("personalization");
        def.channels = Set.of();

        assertThat(def.build().needsSeparateConsent()).isFalse();
        assertThat(problems(def)).isEmpty();
    }

    @Test
    @DisplayName("PIPL-19 every purpose has a retention period")
    void every_purpose_has_a_retention_period() {
        Def def = new Def();
        def.retentionDays = 0;

        assertThat(problems(def)).containsExactly("/retentionDays");
    }

    @Test
    @DisplayName("validity is 0 (no expiry) or more days")
    void validity_is_zero_or_more() {
        Def never = new Def();
        never.validityDays = 0;
        Def negative = new Def();
        negative.validityDays = -1;

        assertThat(problems(never)).isEmpty();
        assertThat(problems(negative)).containsExactly("/validityDays");
    }

    @Test
    @DisplayName("a purpose needs a name in which no translation is blank")
    void a_purpose_needs_a_name() {
        Def none = new Def();
        none.name = Map.of();
        Def blank = new Def();
        blank.name = Map.of("zh-CN", "营销", "en", " ");

        assertThat(problems(none)).containsExactly("/name");
        assertThat(problems(blank)).containsExactly("/name");
    }

    @ParameterizedTest(name = "code \"{0}\" is rejected")
    @ValueSource(strings = {"Marketing", "1marketing", "marketing-sms", "share.", "share.a.b", "a b", ""})
    @DisplayName("purpose codes are lower-case words, optionally with one .recipient")
    void malformed_codes_are_rejected(String code) {
        assertThat(problems(new Def().code(code))).contains("/code");
    }

    @Test
    @DisplayName("a code of 65 characters is too long; 64 is fine")
    void code_length_is_bounded() {
        assertThat(problems(new Def().code("m".repeat(64)))).isEmpty();
        assertThat(problems(new Def().code("m".repeat(65)))).containsExactly("/code");
    }

    @Test
    @DisplayName("a purpose with many faults reports every one of them at once")
    void every_fault_is_reported_at_once() {
        Def def = new Def().code("ads.wechat");
        def.basis = null;
        def.name = Map.of();
        def.retentionDays = 0;
        def.validityDays = -5;

        assertThat(problems(def)).containsExactlyInAnyOrder("/legalBasis", "/name", "/validityDays",
                "/retentionDays", "/separateConsent", "/piaId");
    }
}
