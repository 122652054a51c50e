package com.consento.preferencecentre;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LineDiffTest {

    @Test
    @DisplayName("PIPL-17b the changes between two notice versions are the added and removed lines, in order")
    void changes_are_added_and_removed_lines_in_order() {
        String before = "我们收集：手机号\n我们使用：营销\n保存 3 年";
        String after = "我们收集：手机号、位置\n我们使用：营销\n保存 3 年\n新增：跨境传输";
        assertThat(LineDiff.changes(before, after)).containsExactly(
                new LineDiff.Line(LineDiff.Kind.REMOVED, "我们收集：手机号"),
                new LineDiff.Line(LineDiff.Kind.ADDED, "我们收集：手机号、位置"),
                new LineDiff.Line(LineDiff.Kind.ADDED, "新增：跨境传输"));
    }

    @Test
    void identical_texts_have_no_changes_and_blank_lines_do_not_count() {
        assertThat(LineDiff.changes("a\nb", "a\n\nb\n")).isEmpty();
        assertThat(LineDiff.diff("a\nb", "a\nb")).extracting(LineDiff.Line::kind)
                .containsExactly(LineDiff.Kind.SAME, LineDiff.Kind.SAME);
    }

    @Test
    void empty_or_missing_texts_diff_as_all_added_or_all_removed() {
        assertThat(LineDiff.changes(null, "x\ny")).extracting(LineDiff.Line::kind)
                .containsExactly(LineDiff.Kind.ADDED, LineDiff.Kind.ADDED);
        assertThat(LineDiff.changes("x", "")).containsExactly(new LineDiff.Line(LineDiff.Kind.REMOVED, "x"));
        assertThat(LineDiff.changes(null, null)).isEqualTo(List.of());
    }
}
