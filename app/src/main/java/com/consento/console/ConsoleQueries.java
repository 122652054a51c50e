package com.consento.console;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The console's read model: every aggregate and listing the pages need, as SQL over the ledger's tables
 * ({@code consent_state}, {@code consent_event}) and {@code subject}. Pages are leaves and may read tables;
 * all such reads are here, and none returns anything personal beyond pseudonymous subject ids.
 */
@Repository("consoleQueries")
class ConsoleQueries {
    static final long DAY = 86_400_000L;
    private final JdbcClient jdbc;

    ConsoleQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How many consent keys stand at each latest action, per purpose, channel and notice sequence. */
    record StateCount(String purpose, String channel, String action, long noticeSeq, long n) {
    }

    List<StateCount> stateCounts() {
        return jdbc.sql("SELECT purpose, channel, action, notice_seq, COUNT(*) AS n FROM consent_state "
                + "GROUP BY purpose, channel, action, notice_seq").query(StateCount.class).list();
    }

    /** Events captured per day (days counted from the epoch in the given zone offset) and action. */
    record DayCount(long day, String action, long n) {
    }

    List<DayCount> eventsPerDay(long fromMillis, long zoneOffsetMillis) {
        String day = "(captured_at + " + zoneOffsetMillis + ") / " + DAY;
        // recorded_at is indexed; an event is recorded at most minutes before its capture time
        return jdbc.sql("SELECT " + day + " AS day, action, COUNT(*) AS n FROM consent_event "
                        + "WHERE recorded_at >= ? AND captured_at >= ? GROUP BY " + day + ", action")
                .params(fromMillis - DAY, fromMillis).query(DayCount.class).list();
    }

    /** Current grants by the touchpoint where they were given. */
    Map<String, Long> grantsByTouchpoint() {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("SELECT e.touchpoint, COUNT(*) FROM consent_state s JOIN consent_event e ON e.id = s.event_id "
                + "WHERE s.action = 'GRANT' GROUP BY e.touchpoint").query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    /** Current grants per purpose. */
    Map<String, Long> grantsByPurpose() {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("SELECT purpose, COUNT(*) FROM consent_state WHERE action = 'GRANT' GROUP BY purpose").query(rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        });
        return counts;
    }

    /** Grants now standing for any of these purposes: what a material notice covering them outdates. */
    long grantsFor(Collection<String> purposes) {
        if (purposes.isEmpty()) {
            return 0;
        }
        String marks = String.join(",", purposes.stream().map(p -> "?").toList());
        return jdbc.sql("SELECT COUNT(*) FROM consent_state WHERE action = 'GRANT' AND purpose IN (" + marks + ")")
                .params(List.copyOf(purposes)).query(Long.class).single();
    }

    long activeSubjects() {
        return jdbc.sql("SELECT COUNT(*) FROM subject WHERE status = 'ACTIVE'").query(Long.class).single();
    }

    long events() {
        return jdbc.sql("SELECT COUNT(*) FROM consent_event").query(Long.class).single();
    }

    /** A ledger row without anything sealed: no actor, no evidence. */
    record EventRow(long id, int part, long seq, String subjectId, String purpose, String channel, String action,
                    String noticeVersion, String touchpoint, long capturedAt, long recordedAt, String actorType,
                    String hash) {
    }

    List<EventRow> recentEvents(int limit) {
        return jdbc.sql("SELECT id, part, seq, subject_id, purpose, channel, action, notice_version, touchpoint, "
                        + "captured_at, recorded_at, actor_type, hash FROM consent_event "
                        + "ORDER BY recorded_at DESC, id DESC LIMIT ?")
                .param(limit).query(EventRow.class).list();
    }
}
