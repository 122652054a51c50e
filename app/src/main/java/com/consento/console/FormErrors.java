package com.consento.console;

import com.consento.shared.FieldProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;

/**
 * Validation problems shown inline, next to the field they are about. A problem's JSON Pointer names the field
 * ({@code /handler/name} → {@code handlerName}, {@code /channels/2} → {@code channels}); the message is the
 * console's own for that field when it has one ({@code <prefix>.<field>}), else the rule's own words.
 */
final class FormErrors {
    private final Map<String, List<String>> byField = new LinkedHashMap<>();

    void add(String field, String message) {
        List<String> list = byField.computeIfAbsent(field, f -> new ArrayList<>());
        if (!list.contains(message)) {
            list.add(message);
        }
    }

    void addAll(List<FieldProblem> problems, String prefix, MessageSource messages, Locale locale) {
        for (FieldProblem p : problems) {
            String field = field(p.pointer());
            add(field, messages.getMessage(prefix + "." + field, null, p.detail(), locale));
        }
    }

    boolean isEmpty() {
        return byField.isEmpty();
    }

    Map<String, List<String>> map() {
        return byField;
    }

    static String field(String pointer) {
        if (pointer == null || pointer.isBlank() || "/".equals(pointer)) {
            return "form";
        }
        String[] parts = pointer.substring(pointer.startsWith("/") ? 1 : 0).split("/");
        StringBuilder field = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].chars().allMatch(Character::isDigit)) {
                break;
            }
            field.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return field.toString();
    }
}
