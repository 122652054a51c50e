package com.consento.preferences;

import com.consento.shared.Problems;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads preferences as sent ({@code PUT /api/v1/subjects/{id}/preferences}, the page's form) and reports every
 * problem with a JSON Pointer. Plain Java: the same rules hold whoever sends them.
 */
final class PreferenceRules {
    static final int MAX_ENTRIES = 20;
    static final int MAX_LENGTH = 50;
    static final int MIN_PER_WEEK = 1;
    static final int MAX_PER_WEEK = 50;
    static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");
    private static final Set<String> FIELDS = Set.of("topics", "categories", "brands", "maxMessagesPerWeek",
            "quietHours", "language");
    /** Read-only fields of the GET answer; a client may send back what it read. */
    private static final Set<String> ECHOED = Set.of("subjectId", "updatedAt");

    private PreferenceRules() {
    }

    /** The preferences in {@code body}, or null with every problem added to {@code problems}. */
    static Preferences parse(Map<String, Object> body, Problems problems) {
        if (body == null) {
            problems.add("", "send a JSON object such as {\"topics\": [\"new_arrivals\"], \"maxMessagesPerWeek\": 3}");
            return null;
        }
        for (String field : body.keySet()) {
            problems.require(FIELDS.contains(field) || ECHOED.contains(field), "/" + field,
                    "unknown field '" + field + "'; preferences are " + String.join(", ", sorted(FIELDS)));
        }
        Set<Topic> topics = topics(body.get("topics"), problems);
        List<String> categories = names(body.get("categories"), "/categories", problems);
        List<String> brands = names(body.get("brands"), "/brands", problems);
        Integer perWeek = perWeek(body.get("maxMessagesPerWeek"), problems);
        Preferences.QuietHours quiet = quietHours(body.get("quietHours"), problems);
        String language = language(body.get("language"), problems);
        return problems.isEmpty() ? Preferences.of(topics, categories, brands, perWeek, quiet, language) : null;
    }

    private static Set<Topic> topics(Object raw, Problems problems) {
        Set<Topic> topics = EnumSet.noneOf(Topic.class);
        if (raw == null) {
            return topics;
        }
        if (!(raw instanceof List<?> list)) {
            problems.add("/topics", "topics is a list such as [\"new_arrivals\", \"birthday\"]");
            return topics;
        }
        for (int i = 0; i < list.size(); i++) {
            Topic t = list.get(i) instanceof String s ? Topic.ofCode(s) : null;
            if (t == null) {
                problems.add("/topics/" + i, "unknown topic '" + list.get(i) + "': new_arrivals, promotions, "
                        + "birthday or loyalty");
            } else {
                topics.add(t);
            }
        }
        return topics;
    }

    private static List<String> names(Object raw, String pointer, Problems problems) {
        List<String> names = new ArrayList<>();
        if (raw == null) {
            return names;
        }
        if (!(raw instanceof List<?> list)) {
            problems.add(pointer, pointer.substring(1) + " is a list of names such as [\"shoes\", \"bags\"]");
            return names;
        }
        if (list.size() > MAX_ENTRIES) {
            problems.add(pointer, "at most " + MAX_ENTRIES + " entries; this list has " + list.size());
            return names;
        }
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            String name = item instanceof String s ? s.strip() : null;
            if (name == null || name.isEmpty()) {
                problems.add(pointer + "/" + i, "each entry is a non-empty text");
            } else if (name.length() > MAX_LENGTH) {
                problems.add(pointer + "/" + i, "each entry is at most " + MAX_LENGTH + " characters");
            } else if (name.chars().anyMatch(Character::isISOControl)) {
                problems.add(pointer + "/" + i, "entries may not contain control characters");
            } else if (seen.add(name.toLowerCase(Locale.ROOT))) {
                names.add(name);
            }
        }
        return names;
    }

    private static Integer perWeek(Object raw, Problems problems) {
        if (raw == null) {
            return null;
        }
        long value;
        if (raw instanceof Integer || raw instanceof Long || raw instanceof Short) {
            value = ((Number) raw).longValue();
        } else if (raw instanceof java.math.BigInteger big && big.bitLength() < 63) {
            value = big.longValue();
        } else {
            problems.add("/maxMessagesPerWeek", "maxMessagesPerWeek is a whole number from " + MIN_PER_WEEK + " to "
                    + MAX_PER_WEEK + ", or null for no personal limit");
            return null;
        }
        if (value < MIN_PER_WEEK || value > MAX_PER_WEEK) {
            problems.add("/maxMessagesPerWeek", "maxMessagesPerWeek must be from " + MIN_PER_WEEK + " to "
                    + MAX_PER_WEEK + " (to receive none, withdraw the marketing consent instead)");
            return null;
        }
        return (int) value;
    }

    private static Preferences.QuietHours quietHours(Object raw, Problems problems) {
        if (raw == null) {
            return null;
        }
        if (!(raw instanceof Map<?, ?> map)) {
            problems.add("/quietHours", "quietHours is {\"start\": \"22:00\", \"end\": \"08:00\"} or null");
            return null;
        }
        LocalTime start = time(map.get("start"), "/quietHours/start", problems);
        LocalTime end = time(map.get("end"), "/quietHours/end", problems);
        for (Object key : map.keySet()) {
            problems.require("start".equals(key) || "end".equals(key), "/quietHours/" + key,
                    "quietHours has only start and end");
        }
        if (start != null && end != null) {
            problems.require(!start.equals(end), "/quietHours/end", "quiet hours end at another time than they start");
            return new Preferences.QuietHours(start, end);
        }
        return null;
    }

    private static LocalTime time(Object raw, String pointer, Problems problems) {
        if (!(raw instanceof String s) || !TIME.matcher(s.strip()).matches()) {
            problems.add(pointer, "a local time as HH:mm, e.g. 22:00");
            return null;
        }
        try {
            return LocalTime.parse(s.strip(), HH_MM);
        } catch (DateTimeParseException e) {
            problems.add(pointer, "a local time as HH:mm, e.g. 22:00");
            return null;
        }
    }

    private static String language(Object raw, Problems problems) {
        if (raw == null) {
            return null;
        }
        String lang = raw instanceof String s ? normaliseLanguage(s) : null;
        if (lang == null) {
            problems.add("/language", "language is zh-CN or en");
        }
        return lang;
    }

    /** {@code zh-CN} or {@code en} for the spellings people use, or null. */
    static String normaliseLanguage(String s) {
        String l = s.strip().replace('_', '-').toLowerCase(Locale.ROOT);
        return switch (l) {
            case "zh-cn", "zh", "zh-hans", "zh-hans-cn" -> "zh-CN";
            case "en", "en-us", "en-gb" -> "en";
            default -> null;
        };
    }

    /** The wire form: the same shape {@link #parse} reads. */
    static Map<String, Object> toMap(Preferences p) {
        Map<String, Object> doc = new java.util.LinkedHashMap<>();
        doc.put("topics", p.topics().stream().map(Topic::code).toList());
        doc.put("categories", p.categories());
        doc.put("brands", p.brands());
        doc.put("maxMessagesPerWeek", p.maxMessagesPerWeek());
        doc.put("quietHours", p.quietHours() == null ? null
                : Map.of("start", p.quietHours().start().format(HH_MM), "end", p.quietHours().end().format(HH_MM)));
        doc.put("language", p.language());
        return doc;
    }

    private static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }
}
