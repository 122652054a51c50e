package com.consento.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ControlGroupTest {

    @Test
    @DisplayName("the control group is the same on every run for a seed and near the asked share")
    void deterministic_and_proportional() {
        int held = 0;
        for (int i = 0; i < 20_000; i++) {
            String id = "sub_" + Integer.toString(i, 36) + "_abcdef12";
            boolean control = ControlGroup.isControl(99, id, BigDecimal.TEN);
            assertThat(ControlGroup.isControl(99, id, BigDecimal.TEN)).isEqualTo(control);
            held += control ? 1 : 0;
        }
        assertThat(held).isBetween(1_800, 2_200);
        assertThat(ControlGroup.isControl(99, "sub_1_x", BigDecimal.ZERO)).isFalse();
    }
}
