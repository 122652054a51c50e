package com.consento.preferencecentre;

import com.consento.preferences.Topic;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns the preferences form's fields into the API's shape, and back for showing what was typed. */
final class SettingsForm {
    private SettingsForm() {
    }

    /** "shoes, bags、watches" → ["shoes", "bags", "watches"]: commas (half- and full-width), 、 ; or new lines. */
    static List<String> list(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("[,，、;；\\n\\r]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** A whole number, or the text as typed so the rules can say what is wrong with it; null when empty. */
    static Object number(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return text;
        }
    }

    static Map<String, Object> quietHours(String start, String end) {
        boolean noStart = start == null || start.isBlank();
        boolean noEnd = end == null || end.isBlank();
        if (noStart && noEnd) {
            return null;
        }
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("start", noStart ? null : start.strip());
        q.put("end", noEnd ? null : end.strip());
        return q;
    }

    /** The first field of a JSON Pointer: "/quietHours/start" → "quietHours". */
    static String field(String pointer) {
        if (pointer == null || pointer.length() < 2) {
            return "";
        }
        int next = pointer.indexOf('/', 1);
        return next < 0 ? pointer.substring(1) : pointer.substring(1, next);
    }

    static PageModel.PreferencesForm echo(List<String> topics, String categories, String brands, String maxPerWeek,
                                          String quietStart, String quietEnd, String language, Texts t) {
        List<PageModel.TopicBox> boxes = new ArrayList<>();
        for (Topic topic : Topic.values()) {
            boxes.add(new PageModel.TopicBox("topic-" + topic.code(), topic.code(), t.get("pc.topic." + topic.code()),
                    topics != null && topics.contains(topic.code())));
        }
        return new PageModel.PreferencesForm(boxes, nz(categories), nz(brands), nz(maxPerWeek), nz(quietStart),
                nz(quietEnd), nz(language), null);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
