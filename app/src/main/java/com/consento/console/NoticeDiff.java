package com.consento.console;

import com.consento.catalog.Notice;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What changed between two notice versions, field by field (PIPL-17b), and whether the change looks material
 * (PIPL-14b: a new purpose, a new data category or other processing methods).
 */
final class NoticeDiff {
    private NoticeDiff() {
    }

    /** {@code field} names the message key {@code console.notice.field.<field>}. */
    record FieldChange(String field, boolean changed, List<LineDiff.Line> lines) {
    }

    /** Signals that a change is material; each names the message key {@code console.notice.material.<kind>}. */
    record MaterialSignal(String kind, List<String> items) {
    }

    static List<FieldChange> compare(Notice before, Notice after) {
        List<FieldChange> changes = new ArrayList<>();
        text(changes, "title", before == null ? null : before.title(), after.title());
        text(changes, "body", before == null ? null : before.body(), after.body());
        text(changes, "url", before == null ? null : before.url(), after.url());
        text(changes, "handlerName", before == null || before.handler() == null ? null : before.handler().name(),
                after.handler() == null ? null : after.handler().name());
        text(changes, "handlerContact", before == null || before.handler() == null ? null : before.handler().contact(),
                after.handler() == null ? null : after.handler().contact());
        text(changes, "officerContact", before == null ? null : before.officerContact(), after.officerContact());
        items(changes, "purposes", before == null ? List.of() : before.purposes(), after.purposes());
        text(changes, "methods", before == null ? null : before.methods(), after.methods());
        items(changes, "dataCategories", before == null ? List.of() : before.dataCategories(), after.dataCategories());
        text(changes, "retention", before == null ? null : before.retention(), after.retention());
        text(changes, "rights", before == null ? null : before.rights(), after.rights());
        text(changes, "locale", before == null ? null : before.locale(), after.locale());
        return changes;
    }

    static List<MaterialSignal> materialSignals(Notice before, Notice after) {
        List<MaterialSignal> signals = new ArrayList<>();
        if (before == null) {
            return signals;
        }
        List<String> newPurposes = after.purposes().stream().filter(p -> !before.purposes().contains(p)).toList();
        if (!newPurposes.isEmpty()) {
            signals.add(new MaterialSignal("purposes", newPurposes));
        }
        List<String> newCategories = after.dataCategories().stream()
                .filter(c -> !before.dataCategories().contains(c)).toList();
        if (!newCategories.isEmpty()) {
            signals.add(new MaterialSignal("dataCategories", newCategories));
        }
        if (!Objects.equals(norm(before.methods()), norm(after.methods()))) {
            signals.add(new MaterialSignal("methods", List.of()));
        }
        return signals;
    }

    private static void text(List<FieldChange> out, String field, String before, String after) {
        List<LineDiff.Line> lines = LineDiff.diff(LineDiff.lines(norm(before)), LineDiff.lines(norm(after)));
        out.add(new FieldChange(field, lines.stream().anyMatch(LineDiff.Line::changed), lines));
    }

    private static void items(List<FieldChange> out, String field, List<String> before, List<String> after) {
        List<LineDiff.Line> lines = new ArrayList<>();
        for (String b : before) {
            lines.add(new LineDiff.Line(after.contains(b) ? " " : "-", b));
        }
        for (String a : after) {
            if (!before.contains(a)) {
                lines.add(new LineDiff.Line("+", a));
            }
        }
        out.add(new FieldChange(field, lines.stream().anyMatch(LineDiff.Line::changed), lines));
    }

    private static String norm(String s) {
        return s == null ? "" : s.strip();
    }
}
