package com.consento.preferences;

import static org.assertj.core.api.Assertions.assertThat;

import com.consento.catalog.LegalBasis;
import com.consento.catalog.Notice;
import com.consento.catalog.Purpose;
import com.consento.ledger.ConsentStatus;
import com.consento.shared.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PromptRuleTest {
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final Duration COOLDOWN = Duration.ofHours(48);
    private static final Purpose MARKETING = purpose("marketing", LegalBasis.CONSENT, Set.of(Channel.SMS, Channel.EMAIL));
    private static final Purpose PERSONALIZATION = purpose("personalization", LegalBasis.CONSENT, Set.of());
    private static final Purpose ORDERS = purpose("order_fulfilment", LegalBasis.CONTRACT, Set.of());
    private static final Notice NOTICE = new Notice("v1", 1, "zh-CN", "隐私政策", "…", null, null, "dpo@example.cn",
            List.of("marketing", "personalization", "order_fulfilment"), "…", List.of("phone"), "…", "…", true,
            NOW.minus(Duration.ofDays(30)), NOW.minus(Duration.ofDays(30)), "sha");
    private static final Function<String, Optional<Notice>> NOTICES =
            code -> NOTICE.covers(code) ? Optional.of(NOTICE) : Optional.empty();

    private final Map<String, PromptRule.KeyState> states = new HashMap<>();

    private static Purpose purpose(String code, LegalBasis basis, Set<Channel> channels) {
        return new Purpose(code, Map.of("zh-CN", code), Map.of(), basis, channels, false, false, false, false, 365, 365,
                List.of("phone"), List.of(), null, null);
    }

    private void state(String purpose, String channel, ConsentStatus status, Instant since) {
        states.put(PromptRule.key(purpose, channel), new PromptRule.KeyState(status, since));
    }

    private List<Prompt> prompts(String feature, Purpose... purposes) {
        return PromptRule.prompts(List.of(purposes), NOTICES, states, NOW, COOLDOWN, feature);
    }

    @Test
    @DisplayName("NDSR-22e a key never asked is offered, per channel, with reason NEVER_ASKED and the notice to show")
    void never_asked_keys_are_offered_per_channel_with_the_current_notice() {
        assertThat(prompts(null, MARKETING, PERSONALIZATION)).containsExactly(
                new Prompt("marketing", "email", PromptReason.NEVER_ASKED, "v1"),
                new Prompt("marketing", "sms", PromptReason.NEVER_ASKED, "v1"),
                new Prompt("personalization", null, PromptReason.NEVER_ASKED, "v1"));
    }

    @Test
    @DisplayName("a granted key is not offered")
    void granted_key_is_not_offered() {
        state("personalization", null, ConsentStatus.GRANTED, NOW.minus(Duration.ofDays(3)));
        assertThat(prompts(null, PERSONALIZATION)).isEmpty();
    }

    @Test
    @DisplayName("an expired grant is offered with reason EXPIRED")
    void expired_grant_is_offered_again() {
        state("personalization", null, ConsentStatus.EXPIRED, NOW.minus(Duration.ofDays(400)));
        assertThat(prompts(null, PERSONALIZATION))
                .containsExactly(new Prompt("personalization", null, PromptReason.EXPIRED, "v1"));
    }

    @Test
    @DisplayName("PIPL-14b a grant outdated by a material notice is offered with reason NOTICE_OUTDATED")
    void outdated_grant_is_offered_again() {
        state("personalization", null, ConsentStatus.NOTICE_OUTDATED, NOW.minus(Duration.ofDays(40)));
        assertThat(prompts(null, PERSONALIZATION))
                .containsExactly(new Prompt("personalization", null, PromptReason.NOTICE_OUTDATED, "v1"));
    }

    @Test
    @DisplayName("NDSR-22e a denied purpose is not offered again within the cooldown")
    void denied_purpose_is_held_back_within_the_cooldown() {
        state("personalization", null, ConsentStatus.DENIED, NOW.minus(Duration.ofHours(47)));
        assertThat(prompts(null, PERSONALIZATION)).isEmpty();
    }

    @Test
    @DisplayName("NDSR-22e a withdrawn purpose is not offered again within the cooldown")
    void withdrawn_purpose_is_held_back_within_the_cooldown() {
        state("personalization", null, ConsentStatus.WITHDRAWN, NOW.minus(Duration.ofMinutes(1)));
        assertThat(prompts(null, PERSONALIZATION)).isEmpty();
    }

    @Test
    @DisplayName("NDSR-22e refusing one channel holds back the whole purpose, its never-asked channels too")
    void refusing_one_channel_holds_back_the_whole_purpose() {
        state("marketing", "sms", ConsentStatus.DENIED, NOW.minus(Duration.ofHours(1)));
        assertThat(prompts(null, MARKETING, PERSONALIZATION)).extracting(Prompt::purpose)
                .containsExactly("personalization");
    }

    @Test
    @DisplayName("NDSR-22e the cooldown ends 48 h after the refusal; then the key may be asked again, with its reason")
    void cooldown_ends_after_48_hours() {
        state("personalization", null, ConsentStatus.DENIED, NOW.minus(COOLDOWN));
        assertThat(prompts(null, PERSONALIZATION))
                .containsExactly(new Prompt("personalization", null, PromptReason.DENIED, "v1"));
        state("personalization", null, ConsentStatus.WITHDRAWN, NOW.minus(COOLDOWN).minusMillis(1));
        assertThat(prompts(null, PERSONALIZATION))
                .containsExactly(new Prompt("personalization", null, PromptReason.WITHDRAWN, "v1"));
    }

    @Test
    @DisplayName("NDSR-22e opening the feature oneself lifts the cooldown for that purpose only")
    void opening_the_feature_lifts_the_cooldown_for_that_purpose_only() {
        state("marketing", "sms", ConsentStatus.WITHDRAWN, NOW.minus(Duration.ofHours(1)));
        state("personalization", null, ConsentStatus.DENIED, NOW.minus(Duration.ofHours(1)));
        assertThat(prompts("personalization", MARKETING, PERSONALIZATION))
                .containsExactly(new Prompt("personalization", null, PromptReason.DENIED, "v1"));
        assertThat(prompts("marketing", MARKETING, PERSONALIZATION)).containsExactly(
                new Prompt("marketing", "email", PromptReason.NEVER_ASKED, "v1"),
                new Prompt("marketing", "sms", PromptReason.WITHDRAWN, "v1"));
    }

    @Test
    @DisplayName("PIPL-13a purposes on another legal basis are never prompted")
    void purposes_on_another_legal_basis_are_never_prompted() {
        assertThat(prompts(null, ORDERS)).isEmpty();
    }

    @Test
    @DisplayName("PIPL-17a a purpose no published notice lists cannot be asked for")
    void purpose_without_a_notice_is_not_prompted() {
        Purpose unnoticed = purpose("location", LegalBasis.CONSENT, Set.of());
        assertThat(prompts(null, unnoticed)).isEmpty();
    }

    @Test
    @DisplayName("the cooldown is configurable")
    void the_cooldown_is_configurable() {
        state("personalization", null, ConsentStatus.DENIED, NOW.minus(Duration.ofHours(2)));
        assertThat(PromptRule.prompts(List.of(PERSONALIZATION), NOTICES, states, NOW, Duration.ofHours(1), null))
                .hasSize(1);
        assertThat(PromptRule.prompts(List.of(PERSONALIZATION), NOTICES, states, NOW, Duration.ofHours(3), null))
                .isEmpty();
    }
}
