package com.consento.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.consento.catalog.Notice;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NoticeDiffTest {

    private static Notice notice(String body, List<String> purposes, List<String> categories, String methods) {
        return new Notice("v", 1, "zh-CN", "隐私政策", body, null, new Notice.Handler("示例零售", "privacy@example.cn"),
                "dpo@example.cn", purposes, methods, categories, "3 年", "在隐私设置中", false, null, Instant.EPOCH, "x");
    }

    @Test
    @DisplayName("PIPL-17b the line diff keeps common lines and marks removed and added ones")
    void line_diff_marks_changes() {
        List<LineDiff.Line> d = LineDiff.diff(List.of("a", "b", "c"), List.of("a", "c", "d"));
        assertThat(d).extracting(l -> l.op() + l.text()).containsExactly(" a", "-b", " c", "+d");
        assertThat(LineDiff.diff(List.of(), List.of("x"))).extracting(LineDiff.Line::op).containsExactly("+");
    }

    @Test
    @DisplayName("PIPL-17b a notice diff names the changed fields and folds the unchanged ones")
    void notice_diff_names_changed_fields() {
        Notice before = notice("第一段\n第二段", List.of("marketing"), List.of("phone"), "收集、使用");
        Notice after = notice("第一段\n第二段（修订）", List.of("marketing", "personalization"), List.of("phone"), "收集、使用");
        List<NoticeDiff.FieldChange> changes = NoticeDiff.compare(before, after);
        assertThat(changes.stream().filter(NoticeDiff.FieldChange::changed).map(NoticeDiff.FieldChange::field))
                .containsExactly("body", "purposes");
        NoticeDiff.FieldChange purposes = changes.stream().filter(c -> c.field().equals("purposes")).findFirst()
                .orElseThrow();
        assertThat(purposes.lines()).extracting(l -> l.op() + l.text()).containsExactly(" marketing", "+personalization");
    }

    @Test
    @DisplayName("PIPL-14b a new purpose, a new data category or other methods signal a material change")
    void material_signals() {
        Notice before = notice("x", List.of("marketing"), List.of("phone"), "收集");
        assertThat(NoticeDiff.materialSignals(before, notice("y", List.of("marketing"), List.of("phone"), "收集")))
                .isEmpty();
        assertThat(NoticeDiff.materialSignals(before, notice("x", List.of("marketing", "location"),
                List.of("phone", "precise_location"), "收集、共享")))
                .extracting(NoticeDiff.MaterialSignal::kind).containsExactly("purposes", "dataCategories", "methods");
        assertThat(NoticeDiff.materialSignals(null, before)).isEmpty();
    }
}
