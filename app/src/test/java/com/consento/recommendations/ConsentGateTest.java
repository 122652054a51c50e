package com.consento.recommendations;

import static org.assertj.core.api.Assertions.assertThat;

import com.consento.decisions.Decision;
import com.consento.decisions.Reason;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ConsentGateTest {
    private static final Decision GRANTED = new Decision(true, Reason.GRANTED, 7);
    private static final Decision NOT_REQUIRED = new Decision(true, Reason.NOT_REQUIRED, 0);

    private static Decision denied(Reason reason) {
        return new Decision(false, reason, 0);
    }

    @Test
    @DisplayName("PIPL-24b personalised only when personalisation and purchase history both allow")
    void personalised_only_when_both_allow() {
        assertThat(ConsentGate.evaluate(false, GRANTED, GRANTED))
                .isEqualTo(new ConsentGate.Verdict(true, "GRANTED"));
        assertThat(ConsentGate.evaluate(false, GRANTED, NOT_REQUIRED).personalised()).isTrue();
        assertThat(ConsentGate.evaluate(false, GRANTED, denied(Reason.NO_CONSENT)))
                .isEqualTo(new ConsentGate.Verdict(false, "NO_CONSENT"));
        assertThat(ConsentGate.evaluate(false, denied(Reason.NO_CONSENT), GRANTED))
                .isEqualTo(new ConsentGate.Verdict(false, "NO_CONSENT"));
    }

    @Test
    @DisplayName("PIPL-24b the reason is personalisation's own when it denies, e.g. WITHDRAWN, MINOR_NEEDS_GUARDIAN")
    void reason_is_personalisations_first() {
        assertThat(ConsentGate.evaluate(false, denied(Reason.WITHDRAWN), denied(Reason.NO_CONSENT)).reason())
                .isEqualTo("WITHDRAWN");
        assertThat(ConsentGate.evaluate(false, denied(Reason.MINOR_NEEDS_GUARDIAN), GRANTED).reason())
                .isEqualTo("MINOR_NEEDS_GUARDIAN");
        assertThat(ConsentGate.evaluate(false, denied(Reason.UNKNOWN_SUBJECT), denied(Reason.UNKNOWN_SUBJECT)).reason())
                .isEqualTo("UNKNOWN_SUBJECT");
        assertThat(ConsentGate.evaluate(false, GRANTED, denied(Reason.EXPIRED)).reason()).isEqualTo("EXPIRED");
    }

    @Test
    @DisplayName("PIPL-24b asking for the non-personalised list wins over any consent: OPTED_OUT")
    void opt_out_wins() {
        assertThat(ConsentGate.evaluate(true, GRANTED, GRANTED)).isEqualTo(new ConsentGate.Verdict(false, "OPTED_OUT"));
        assertThat(ConsentGate.evaluate(true, denied(Reason.WITHDRAWN), GRANTED).reason()).isEqualTo("OPTED_OUT");
    }

    @Test
    @DisplayName("NDSR-22d browsing counts only when its own decision allows")
    void browsing_needs_its_own_decision() {
        assertThat(ConsentGate.browsingCounts(GRANTED)).isTrue();
        assertThat(ConsentGate.browsingCounts(denied(Reason.NO_CONSENT))).isFalse();
        assertThat(ConsentGate.browsingCounts(denied(Reason.WITHDRAWN))).isFalse();
    }
}
