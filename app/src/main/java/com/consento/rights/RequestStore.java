package com.consento.rights;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rights requests as rows; the person's own words are stored sealed with their key. */
@Repository
class RequestStore {
    private static final String COLUMNS = "id, subject_id, type, status, details_enc, assignee, resolution, created_at, "
            + "due_at, closed_at";
    private final JdbcClient jdbc;

    RequestStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A row with the details still sealed. */
    record Row(String id, String subjectId, RequestType type, RequestStatus status, String detailsEnc, String assignee,
               String resolution, long createdAt, long dueAt, Long closedAt) {
    }

    void insert(Row r) {
        jdbc.sql("INSERT INTO rights_request (" + COLUMNS + ", updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)")
                .params(r.id(), r.subjectId(), r.type().name(), r.status().name(), r.detailsEnc(), r.assignee(),
                        r.resolution(), r.createdAt(), r.dueAt(), r.closedAt(), r.createdAt())
                .update();
    }

    void update(String id, RequestStatus status, String assignee, String resolution, Long closedAt, long now) {
        jdbc.sql("UPDATE rights_request SET status = ?, assignee = ?, resolution = ?, closed_at = ?, updated_at = ? "
                        + "WHERE id = ?")
                .params(status.name(), assignee, resolution, closedAt, now, id).update();
    }

    Optional<Row> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM rights_request WHERE id = ?").param(id)
                .query(RequestStore::row).optional();
    }

    List<Row> list(RequestStatus status, boolean overdueOnly, long now, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM rights_request WHERE 1 = 1");
        if (status != null) {
            sql.append(" AND status = '").append(status.name()).append('\'');
        }
        if (overdueOnly) {
            sql.append(" AND status IN ('RECEIVED', 'IN_PROGRESS') AND due_at < ").append(now);
        }
        sql.append(" ORDER BY due_at LIMIT ").append(limit);
        return jdbc.sql(sql.toString()).query(RequestStore::row).list();
    }

    List<Row> ofSubject(String subjectId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM rights_request WHERE subject_id = ? ORDER BY created_at")
                .param(subjectId).query(RequestStore::row).list();
    }

    long countOpenDueBefore(long instant) {
        return jdbc.sql("SELECT COUNT(*) FROM rights_request WHERE status IN ('RECEIVED', 'IN_PROGRESS') AND due_at < ?")
                .param(instant).query(Long.class).single();
    }

    long countOpen() {
        return jdbc.sql("SELECT COUNT(*) FROM rights_request WHERE status IN ('RECEIVED', 'IN_PROGRESS')")
                .query(Long.class).single();
    }

    List<Row> createdBetween(long from, long to) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM rights_request WHERE created_at >= ? AND created_at < ? "
                + "ORDER BY created_at").params(from, to).query(RequestStore::row).list();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        long closed = rs.getLong(10);
        return new Row(rs.getString(1), rs.getString(2), RequestType.valueOf(rs.getString(3)),
                RequestStatus.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7),
                rs.getLong(8), rs.getLong(9), rs.wasNull() ? null : closed);
    }

    static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
