package com.consento.identity;

import com.consento.shared.InChunks;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Subjects and identifiers as rows. Nothing here is readable without the keys. */
@Repository
class IdentityStore {
    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate batchTemplate;

    IdentityStore(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate batchTemplate) {
        this.jdbc = jdbc;
        this.batchTemplate = batchTemplate;
    }

    record SubjectRow(String id, long idx, String status, String mergedInto, String dataKey, String profileEnc,
                      Long adultFrom) {
    }

    record IdentifierRow(String lookupHmac, String subjectId, String type, String valueEnc) {
    }

    /** Reserves {@code n} consecutive subject indexes; the row lock keeps cluster nodes from colliding. */
    long reserveIndexes(int n) {
        jdbc.sql("UPDATE counter SET value = value + ? WHERE name = 'subject'").param(n).update();
        return jdbc.sql("SELECT value FROM counter WHERE name = 'subject'").query(Long.class).single() - n;
    }

    void insertSubject(String id, long idx, String dataKey, String profileEnc, Long adultFrom, long now) {
        jdbc.sql("INSERT INTO subject (id, idx, status, data_key, profile_enc, adult_from, created_at, updated_at) "
                        + "VALUES (?, ?, 'ACTIVE', ?, ?, ?, ?, ?)")
                .params(id, idx, dataKey, profileEnc, adultFrom, now, now).update();
    }

    void insertIdentifier(String hmac, String subjectId, String type, String valueEnc, long now) {
        jdbc.sql("INSERT INTO identifier (lookup_hmac, subject_id, type, value_enc, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(hmac, subjectId, type, valueEnc, now).update();
    }

    /** The owners of many lookup hashes in one round trip per 500. */
    java.util.Map<String, String> subjectsByHmac(java.util.Collection<String> hmacs) {
        java.util.Map<String, String> owners = new java.util.HashMap<>();
        InChunks.forEach(hmacs, (in, chunk) -> jdbc.sql("SELECT lookup_hmac, subject_id FROM identifier "
                + "WHERE lookup_hmac IN (" + in + ")").params(chunk).query(rs -> {
                    owners.put(rs.getString(1), rs.getString(2));
                }));
        return owners;
    }

    /** The wrapped data keys of many subjects (absent: unknown; null value: erased), one round trip per 500. */
    java.util.Map<String, String> dataKeys(java.util.Collection<String> subjectIds) {
        java.util.Map<String, String> keys = new java.util.HashMap<>();
        InChunks.forEach(subjectIds, (in, chunk) -> jdbc.sql("SELECT id, data_key FROM subject WHERE id IN (" + in
                + ")").params(chunk).query(rs -> {
                    keys.put(rs.getString(1), rs.getString(2));
                }));
        return keys;
    }

    record NewSubject(String id, long idx, String wrappedKey) {
    }

    // Typed setters: Spring's Object[] batches look up each value's SQL type, which shows in ingest profiles.
    void insertSubjects(List<NewSubject> rows, long now) {
        if (!rows.isEmpty()) {
            batchTemplate.batchUpdate("INSERT INTO subject (id, idx, status, data_key, profile_enc, adult_from, "
                    + "created_at, updated_at) VALUES (?, ?, 'ACTIVE', ?, NULL, NULL, ?, ?)", rows, rows.size(),
                    (ps, r) -> {
                        ps.setString(1, r.id());
                        ps.setLong(2, r.idx());
                        ps.setString(3, r.wrappedKey());
                        ps.setLong(4, now);
                        ps.setLong(5, now);
                    });
        }
    }

    void insertIdentifiers(List<SubjectBatch.Link> rows, long now) {
        if (!rows.isEmpty()) {
            batchTemplate.batchUpdate("INSERT INTO identifier (lookup_hmac, subject_id, type, value_enc, created_at) "
                    + "VALUES (?, ?, ?, ?, ?)", rows, rows.size(), (ps, r) -> {
                        ps.setString(1, r.lookupHash());
                        ps.setString(2, r.subject());
                        ps.setString(3, r.type());
                        ps.setString(4, r.valueEnc());
                        ps.setLong(5, now);
                    });
        }
    }

    Optional<String> subjectByHmac(String hmac) {
        return jdbc.sql("SELECT subject_id FROM identifier WHERE lookup_hmac = ?").param(hmac)
                .query(String.class).optional();
    }

    Optional<SubjectRow> subject(String id) {
        return jdbc.sql("SELECT id, idx, status, merged_into, data_key, profile_enc, adult_from FROM subject WHERE id = ?")
                .param(id).query(SubjectRow.class).optional();
    }

    List<IdentifierRow> identifiers(String subjectId) {
        return jdbc.sql("SELECT lookup_hmac, subject_id, type, value_enc FROM identifier WHERE subject_id = ?")
                .param(subjectId).query(IdentifierRow.class).list();
    }

    void updateProfile(String id, String profileEnc, Long adultFrom, long now) {
        jdbc.sql("UPDATE subject SET profile_enc = ?, adult_from = ?, updated_at = ? WHERE id = ?")
                .params(profileEnc, adultFrom, now, id).update();
    }

    List<String> mergedInto(String survivorId) {
        return jdbc.sql("SELECT id FROM subject WHERE merged_into = ?").param(survivorId).query(String.class).list();
    }

    void moveIdentifier(String hmac, String toSubject, String valueEnc) {
        jdbc.sql("UPDATE identifier SET subject_id = ?, value_enc = ? WHERE lookup_hmac = ?")
                .params(toSubject, valueEnc, hmac).update();
    }

    void markMerged(String mergedId, String survivorId, long now) {
        jdbc.sql("UPDATE subject SET status = 'MERGED', merged_into = ?, updated_at = ? WHERE id = ?")
                .params(survivorId, now, mergedId).update();
    }

    void deleteIdentifier(String hmac) {
        jdbc.sql("DELETE FROM identifier WHERE lookup_hmac = ?").param(hmac).update();
    }

    void erase(String id, long now) {
        jdbc.sql("DELETE FROM identifier WHERE subject_id = ?").param(id).update();
        jdbc.sql("UPDATE subject SET status = 'ERASED', data_key = NULL, profile_enc = NULL, adult_from = NULL, "
                + "updated_at = ? WHERE id = ?").params(now, id).update();
    }

    /**
     * Streams every subject and identifier into the directory at start-up, the identifiers on a second thread
     * (and a second connection): at 10 M subjects each stream takes tens of seconds of one core.
     */
    void loadInto(SubjectDirectory directory) {
        var identifiers = java.util.concurrent.CompletableFuture.runAsync(() ->
                // the owner's index is in its id: no join with subject, one B-tree lookup less per row
                jdbc.sql("SELECT lookup_hmac, subject_id FROM identifier").query(rs -> {
                    long index = SubjectIds.parseTrusted(rs.getString(2));
                    if (index >= 0 && index <= Integer.MAX_VALUE) {
                        directory.link(rs.getString(1), (int) index);
                    }
                }), runnable -> new Thread(runnable, "directory-identifiers").start());
        jdbc.sql("SELECT idx, status, adult_from FROM subject").query(rs -> {
            Long adult = rs.getObject(3) == null ? null : rs.getLong(3);
            directory.put((int) rs.getLong(1), statusCode(rs.getString(2)),
                    adult == null ? SubjectDirectory.NO_MINOR : adult.intValue());
        });
        jdbc.sql("SELECT m.idx, s.idx FROM subject m JOIN subject s ON s.id = m.merged_into WHERE m.status = 'MERGED'")
                .query(rs -> {
                    directory.merge((int) rs.getLong(1), (int) rs.getLong(2));
                });
        identifiers.join();
    }

    static byte statusCode(String status) {
        return switch (status) {
            case "ACTIVE" -> SubjectDirectory.ACTIVE;
            case "ERASED" -> SubjectDirectory.ERASED;
            case "MERGED" -> SubjectDirectory.MERGED;
            default -> SubjectDirectory.UNKNOWN;
        };
    }
}
