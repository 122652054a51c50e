package com.consento.rights;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WorkingCalendarTest {
    private final WorkingCalendar calendar = WorkingCalendar.parse(new InputStreamReader(
            getClass().getResourceAsStream("/rights/cn-calendar.txt"), StandardCharsets.UTF_8));

    @Test
    @DisplayName("PIPL-50 15 working days skip the Spring Festival and count its adjusted Saturdays")
    void due_date_skips_spring_festival_and_counts_adjusted_saturdays() {
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 2, 10), 15)).isEqualTo(LocalDate.of(2026, 3, 9));
    }

    @Test
    @DisplayName("an ordinary fortnight: 15 working days are three weeks later")
    void ordinary_weeks() {
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 11, 30), 15)).isEqualTo(LocalDate.of(2026, 12, 21));
    }

    @Test
    @DisplayName("National Day week is not counted; the adjusted Saturday is")
    void national_day() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 5))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 11))).isFalse();
    }

    @Test
    @DisplayName("a year the file does not cover is reported as not covered and counts weekdays")
    void uncovered_year() {
        assertThat(calendar.covers(2026)).isTrue();
        assertThat(calendar.covers(2031)).isFalse();
        assertThat(calendar.addWorkingDays(LocalDate.of(2031, 3, 3), 5)).isEqualTo(LocalDate.of(2031, 3, 10));
    }
}
