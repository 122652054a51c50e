package com.consento.preferences;

import static org.assertj.core.api.Assertions.assertThat;

import com.consento.shared.FieldProblem;
import com.consento.shared.Problems;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PreferenceRulesTest {

    private static Map<String, Object> body(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void valid_preferences_are_read_and_normalised() {
        Problems problems = new Problems();
        Preferences p = PreferenceRules.parse(body("topics", List.of("birthday", "new_arrivals", "birthday"),
                "categories", List.of(" shoes ", "Shoes", "bags"), "brands", List.of("Acme"),
                "maxMessagesPerWeek", 3, "quietHours", Map.of("start", "22:00", "end", "08:00"),
                "language", "zh_CN"), problems);
        assertThat(problems.list()).isEmpty();
        assertThat(p.topics()).containsExactly(Topic.NEW_ARRIVALS, Topic.BIRTHDAY);
        assertThat(p.categories()).containsExactly("shoes", "bags");
        assertThat(p.maxMessagesPerWeek()).isEqualTo(3);
        assertThat(p.quietHours()).isEqualTo(new Preferences.QuietHours(LocalTime.of(22, 0), LocalTime.of(8, 0)));
        assertThat(p.language()).isEqualTo("zh-CN");
    }

    @Test
    void every_problem_is_reported_with_its_pointer() {
        Problems problems = new Problems();
        Preferences p = PreferenceRules.parse(body("topics", List.of("news", "birthday"), "categories", "shoes",
                "maxMessagesPerWeek", 0, "quietHours", Map.of("start", "25:00", "end", "08:00"), "language", "fr",
                "colour", "red"), problems);
        assertThat(p).isNull();
        assertThat(problems.list()).extracting(FieldProblem::pointer).containsExactlyInAnyOrder("/topics/0",
                "/categories", "/maxMessagesPerWeek", "/quietHours/start", "/language", "/colour");
    }

    @Test
    void numbers_must_be_whole_and_within_range() {
        for (Object bad : List.of(2.5, "3", -1, 51, true)) {
            Problems problems = new Problems();
            PreferenceRules.parse(body("maxMessagesPerWeek", bad), problems);
            assertThat(problems.list()).as("%s", bad).extracting(FieldProblem::pointer)
                    .containsExactly("/maxMessagesPerWeek");
        }
    }

    @Test
    void quiet_hours_need_both_ends_and_two_different_times() {
        Problems problems = new Problems();
        PreferenceRules.parse(body("quietHours", Map.of("start", "22:00")), problems);
        assertThat(problems.list()).extracting(FieldProblem::pointer).containsExactly("/quietHours/end");
        problems = new Problems();
        PreferenceRules.parse(body("quietHours", Map.of("start", "22:00", "end", "22:00")), problems);
        assertThat(problems.list()).extracting(FieldProblem::pointer).containsExactly("/quietHours/end");
    }

    @Test
    void what_a_get_returned_may_be_sent_back() {
        Problems problems = new Problems();
        PreferenceRules.parse(body("subjectId", "sub_x", "updatedAt", "2026-11-30T01:00:00Z", "topics", List.of()),
                problems);
        assertThat(problems.list()).isEmpty();
    }

    @Test
    void lists_are_bounded() {
        Problems problems = new Problems();
        PreferenceRules.parse(body("brands", java.util.Collections.nCopies(21, "x"),
                "categories", List.of("x".repeat(51))), problems);
        assertThat(problems.list()).extracting(FieldProblem::pointer).containsExactlyInAnyOrder("/brands", "/categories/0");
    }

    @Test
    void quiet_hours_spanning_midnight_cover_the_night() {
        Preferences.QuietHours night = new Preferences.QuietHours(LocalTime.of(22, 0), LocalTime.of(8, 0));
        assertThat(night.covers(LocalTime.of(23, 30))).isTrue();
        assertThat(night.covers(LocalTime.of(7, 59))).isTrue();
        assertThat(night.covers(LocalTime.of(8, 0))).isFalse();
        assertThat(night.covers(LocalTime.of(12, 0))).isFalse();
        Preferences.QuietHours lunch = new Preferences.QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 0));
        assertThat(lunch.covers(LocalTime.of(12, 30))).isTrue();
        assertThat(lunch.covers(LocalTime.of(13, 0))).isFalse();
    }

    @Test
    void every_topic_is_welcome_until_the_person_picks_some() {
        assertThat(Preferences.defaults().wants(Topic.PROMOTIONS)).isTrue();
        Preferences picked = Preferences.of(List.of(Topic.BIRTHDAY), List.of(), List.of(), null, null, null);
        assertThat(picked.wants(Topic.BIRTHDAY)).isTrue();
        assertThat(picked.wants(Topic.PROMOTIONS)).isFalse();
    }
}
