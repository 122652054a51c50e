package com.consento.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The ordering rule (DESIGN.md "State") and point-in-time replay built on it. */
class ConsentOrderTest {
    private static final long MIN = 60_000L;
    private static final long T0 = Instant.parse("2026-11-30T01:00:00Z").toEpochMilli();
    private static final StateReplay.Key SMS_MARKETING = new StateReplay.Key("marketing", "sms");

    private static RecordedEvent event(long id, Action action, long capturedAt, long recordedAt) {
        return event(id, "marketing", "sms", action, capturedAt, recordedAt);
    }

    private static RecordedEvent event(long id, String purpose, String channel, Action action, long capturedAt,
                                       long recordedAt) {
        return new RecordedEvent(id, 0, id, "sub_1_abc", purpose, channel, action, "v1", Touchpoint.WEB, capturedAt,
                recordedAt, "SUBJECT", null, null, HashChain.GENESIS, null);
    }

    /** The winner of the key after folding the events in the given arrival order. */
    private static RecordedEvent fold(RecordedEvent... arrivalOrder) {
        RecordedEvent state = null;
        for (RecordedEvent e : arrivalOrder) {
            if (ConsentOrder.supersedes(e, state)) {
                state = e;
            }
        }
        return state;
    }

    @Test
    @DisplayName("PIPL-15b withdrawal captured later wins over a grant received later")
    void withdrawal_captured_later_wins_over_grant_received_later() {
        RecordedEvent withdrawal = event(1, Action.WITHDRAW, T0 + 10 * MIN, T0 + 10 * MIN);
        RecordedEvent grant = event(2, Action.GRANT, T0, T0 + 60 * MIN);

        assertThat(fold(withdrawal, grant)).isSameAs(withdrawal);
        assertThat(fold(grant, withdrawal)).isSameAs(withdrawal);
    }

    @Test
    @DisplayName("a later capture wins regardless of recordedAt, for every pair of actions")
    void later_capture_wins_regardless_of_recorded_at() {
        for (Action earlier : Action.values()) {
            for (Action later : Action.values()) {
                RecordedEvent first = event(1, earlier, T0, T0 + 90 * MIN);
                RecordedEvent second = event(2, later, T0 + 1, T0);

                assertThat(ConsentOrder.supersedes(second, first)).as("%s then %s", earlier, later).isTrue();
                assertThat(ConsentOrder.supersedes(first, second)).as("%s then %s", earlier, later).isFalse();
            }
        }
    }

    @Test
    @DisplayName("PIPL-15b an offline POS batch: a grant captured before a withdrawal never revives consent")
    void a_late_grant_captured_before_a_withdrawal_never_revives_consent() {
        // The shopper withdrew online at 10:05; the store's offline till uploads her 10:00 grant at 18:00.
        RecordedEvent onlineWithdrawal = event(10, Action.WITHDRAW, T0 + 5 * MIN, T0 + 5 * MIN);
        RecordedEvent posGrant = event(11, Action.GRANT, T0, T0 + 8 * 60 * MIN);

        assertThat(fold(onlineWithdrawal, posGrant)).isSameAs(onlineWithdrawal);
        assertThat(StateReplay.winners(List.of(onlineWithdrawal, posGrant), T0 + 24 * 60 * MIN))
                .containsExactly(Map.entry(SMS_MARKETING, onlineWithdrawal));
    }

    @Test
    @DisplayName("at equal capturedAt WITHDRAW and DENY win over GRANT whatever the recording order")
    void at_equal_capture_negative_actions_win_over_grant() {
        for (Action negative : new Action[] {Action.WITHDRAW, Action.DENY, Action.EXPIRE}) {
            RecordedEvent grantRecordedFirst = event(1, Action.GRANT, T0, T0);
            RecordedEvent negativeRecordedLater = event(2, negative, T0, T0 + MIN);
            RecordedEvent negativeRecordedFirst = event(3, negative, T0, T0);
            RecordedEvent grantRecordedLater = event(4, Action.GRANT, T0, T0 + MIN);

            assertThat(fold(grantRecordedFirst, negativeRecordedLater)).as(negative.name()).isSameAs(negativeRecordedLater);
            assertThat(fold(negativeRecordedLater, grantRecordedFirst)).as(negative.name()).isSameAs(negativeRecordedLater);
            assertThat(fold(negativeRecordedFirst, grantRecordedLater)).as(negative.name()).isSameAs(negativeRecordedFirst);
            assertThat(fold(grantRecordedLater, negativeRecordedFirst)).as(negative.name()).isSameAs(negativeRecordedFirst);
        }
    }

    @Test
    @DisplayName("at equal capturedAt and equal kind, the later recorded event wins, then the higher id")
    void at_equal_capture_the_later_recorded_wins_then_the_higher_id() {
        RecordedEvent denyFirst = event(1, Action.DENY, T0, T0);
        RecordedEvent withdrawLater = event(2, Action.WITHDRAW, T0, T0 + MIN);
        RecordedEvent sameTimeLowerId = event(7, Action.GRANT, T0, T0);
        RecordedEvent sameTimeHigherId = event(8, Action.GRANT, T0, T0);

        assertThat(fold(withdrawLater, denyFirst)).isSameAs(withdrawLater);
        assertThat(fold(sameTimeHigherId, sameTimeLowerId)).isSameAs(sameTimeHigherId);
        assertThat(ConsentOrder.supersedes(sameTimeLowerId, sameTimeLowerId)).as("an event does not replace itself")
                .isFalse();
    }

    @Test
    @DisplayName("the order is a total order: sorting any arrival order gives the same sequence")
    void the_order_is_the_same_for_any_arrival_order() {
        List<RecordedEvent> events = new ArrayList<>(List.of(
                event(1, Action.GRANT, T0, T0 + 3 * MIN),
                event(2, Action.WITHDRAW, T0, T0 + MIN),
                event(3, Action.GRANT, T0 + MIN, T0),
                event(4, Action.DENY, T0 + 2 * MIN, T0 + 2 * MIN),
                event(5, Action.GRANT, T0 + 2 * MIN, T0 + 9 * MIN)));
        List<RecordedEvent> expected = List.of(events.get(0), events.get(1), events.get(2), events.get(4),
                events.get(3));
        for (int seed = 0; seed < 20; seed++) {
            Collections.shuffle(events, new java.util.Random(seed));
            List<RecordedEvent> sorted = new ArrayList<>(events);
            sorted.sort(ConsentOrder.ORDER);
            assertThat(sorted).isEqualTo(expected);
            assertThat(fold(events.toArray(RecordedEvent[]::new))).isSameAs(expected.get(4));
        }
    }

    @Test
    @DisplayName("?at= replay ignores events captured after T even if recorded before T")
    void replay_at_t_ignores_events_captured_after_t_even_if_recorded_before() {
        long t = T0 + 30 * MIN;
        RecordedEvent grant = event(1, Action.GRANT, T0, T0);
        // a device whose clock runs ahead: captured 2 minutes after T, recorded before T
        RecordedEvent aheadOfT = event(2, Action.WITHDRAW, t + 2 * MIN, t - MIN);

        assertThat(StateReplay.winners(List.of(grant, aheadOfT), t)).containsExactly(Map.entry(SMS_MARKETING, grant));
        assertThat(StateReplay.winners(List.of(grant, aheadOfT), t + 2 * MIN))
                .containsExactly(Map.entry(SMS_MARKETING, aheadOfT));
    }

    @Test
    @DisplayName("?at= replay includes events captured exactly at T, and recorded after T")
    void replay_at_t_includes_events_captured_at_t_whenever_recorded() {
        long t = T0 + 30 * MIN;
        RecordedEvent grant = event(1, Action.GRANT, T0, T0);
        RecordedEvent lateWithdrawal = event(2, Action.WITHDRAW, t, t + 5 * 60 * MIN);

        assertThat(StateReplay.winners(List.of(grant, lateWithdrawal), t))
                .containsExactly(Map.entry(SMS_MARKETING, lateWithdrawal));
        assertThat(StateReplay.winners(List.of(grant, lateWithdrawal), t - 1))
                .containsExactly(Map.entry(SMS_MARKETING, grant));
    }

    @Test
    @DisplayName("replay keeps one winner per purpose and channel; keys before their first capture are absent")
    void replay_keeps_one_winner_per_key() {
        RecordedEvent smsGrant = event(1, "marketing", "sms", Action.GRANT, T0, T0);
        RecordedEvent emailDeny = event(2, "marketing", "email", Action.DENY, T0, T0);
        RecordedEvent personalization = event(3, "personalization", "", Action.GRANT, T0 + MIN, T0 + MIN);
        RecordedEvent smsWithdraw = event(4, "marketing", "sms", Action.WITHDRAW, T0 + 2 * MIN, T0 + 2 * MIN);
        List<RecordedEvent> all = List.of(smsGrant, emailDeny, personalization, smsWithdraw);

        assertThat(StateReplay.winners(all, T0 + 2 * MIN)).containsOnly(
                Map.entry(SMS_MARKETING, smsWithdraw),
                Map.entry(new StateReplay.Key("marketing", "email"), emailDeny),
                Map.entry(new StateReplay.Key("personalization", ""), personalization));
        assertThat(StateReplay.winners(all, T0)).containsOnlyKeys(SMS_MARKETING,
                new StateReplay.Key("marketing", "email"));
        assertThat(StateReplay.winners(all, T0 - 1)).isEmpty();
    }

    @Test
    @DisplayName("the state table's fold uses the same rule as replay")
    void the_state_table_fold_agrees_with_the_order() {
        RecordedEvent withdrawal = event(1, Action.WITHDRAW, T0 + 5 * MIN, T0 + 5 * MIN);
        RecordedEvent lateGrant = event(2, Action.GRANT, T0, T0 + 60 * MIN);
        RecordedEvent sameInstantGrant = event(3, Action.GRANT, T0 + 5 * MIN, T0 + 61 * MIN);

        assertThat(StateRow.of(lateGrant, 1).supersedes(StateRow.of(withdrawal, 1))).isFalse();
        assertThat(StateRow.of(sameInstantGrant, 1).supersedes(StateRow.of(withdrawal, 1))).isFalse();
        assertThat(StateRow.of(withdrawal, 1).supersedes(StateRow.of(lateGrant, 1))).isTrue();
        assertThat(StateRow.of(withdrawal, 1).supersedes(null)).isTrue();
    }
}
