package com.consento.audiences;

/**
 * Preferences that are not legal consent (topics, quiet hours), asked per person before a message. The
 * preferences capability plugs in an implementation; until then {@link #NONE} excludes nobody.
 */
public interface PreferenceGate {

    PreferenceGate NONE = (subjectId, channel, topic, at) -> null;

    /**
     * Why this person must not get a message on this channel and topic at {@code at} (e.g. {@code TOPIC_OPTED_OUT},
     * {@code QUIET_HOURS}), or null when nothing stands against it.
     */
    String excludes(String subjectId, String channel, String topic, long at);
}
