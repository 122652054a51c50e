package com.consento.preferences;

import java.time.Instant;
import java.time.LocalTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.Collections;

/**
 * A person's preferences (not legal consent: they only narrow what consent allows).
 *
 * @param topics             the topics wanted; empty = no topic chosen, so every topic is welcome
 * @param categories         favourite product categories, in the person's order
 * @param brands             favourite brands, in the person's order
 * @param maxMessagesPerWeek at most this many marketing messages a week; null = no personal cap
 * @param quietHours         local times without messages; null = none
 * @param language           language of messages, {@code zh-CN} or {@code en}; null = not chosen
 * @param updatedAt          when the person last saved them; null = never (the defaults)
 */
public record Preferences(Set<Topic> topics, List<String> categories, List<String> brands, Integer maxMessagesPerWeek,
                          QuietHours quietHours, String language, Instant updatedAt) {

    public static final List<String> LANGUAGES = List.of("zh-CN", "en");

    public Preferences {
        topics = topics == null || topics.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(topics));
        categories = categories == null ? List.of() : List.copyOf(categories);
        brands = brands == null ? List.of() : List.copyOf(brands);
    }

    /** What a person who never chose anything has: every topic welcome, no cap, no quiet hours. */
    public static Preferences defaults() {
        return new Preferences(Set.of(), List.of(), List.of(), null, null, null, null);
    }

    public static Preferences of(Collection<Topic> topics, List<String> categories, List<String> brands,
                                 Integer maxMessagesPerWeek, QuietHours quietHours, String language) {
        return new Preferences(topics == null ? Set.of() : Set.copyOf(topics), categories, brands, maxMessagesPerWeek,
                quietHours, language, null);
    }

    /** Whether a message about this topic is welcome (every topic is, until the person picks some). */
    public boolean wants(Topic topic) {
        return topics.isEmpty() || topics.contains(topic);
    }

    /** Whether this local time falls within the quiet hours. */
    public boolean quietAt(LocalTime time) {
        return quietHours != null && quietHours.covers(time);
    }

    public Preferences savedAt(Instant at) {
        return new Preferences(topics, categories, brands, maxMessagesPerWeek, quietHours, language, at);
    }

    /**
     * Local times during which no message is sent, from {@code start} (inclusive) to {@code end} (exclusive);
     * a start after the end spans midnight (22:00–08:00).
     */
    public record QuietHours(LocalTime start, LocalTime end) {

        public boolean covers(LocalTime t) {
            if (start.isBefore(end)) {
                return !t.isBefore(start) && t.isBefore(end);
            }
            return !t.isBefore(start) || t.isBefore(end);
        }
    }
}
