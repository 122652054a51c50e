package com.consento.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Staff users and the access audit log as rows (V6__access.sql). Audit rows are inserted, never changed. */
@Repository
class AccessStore {
    private static final String STAFF_COLUMNS = "username, display_name, password_hash, roles, enabled, created_at, "
            + "created_by";
    private static final String AUDIT_COLUMNS = "id, occurred_at, staff, action, allowed, masked_identifier, "
            + "subject_id, reason, detail";
    private final JdbcClient jdbc;

    AccessStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record StaffRow(String username, String displayName, String passwordHash, String roles, boolean enabled,
                    long createdAt, String createdBy) {
    }

    record AuditRow(String id, long occurredAt, String staff, String action, boolean allowed, String maskedIdentifier,
                    String subjectId, String reason, String detail) {
    }

    Optional<StaffRow> staff(String username) {
        return jdbc.sql("SELECT " + STAFF_COLUMNS + " FROM staff_user WHERE username = ?").param(username)
                .query(StaffRow.class).optional();
    }

    List<StaffRow> allStaff() {
        return jdbc.sql("SELECT " + STAFF_COLUMNS + " FROM staff_user ORDER BY username").query(StaffRow.class).list();
    }

    boolean anyStaffWithRole(String role) {
        return jdbc.sql("SELECT roles FROM staff_user WHERE enabled = ?").param(true).query(String.class).list()
                .stream().anyMatch(r -> List.of(r.split(",")).contains(role));
    }

    void insertStaff(StaffRow row, long now) {
        jdbc.sql("INSERT INTO staff_user (" + STAFF_COLUMNS + ", updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(row.username(), row.displayName(), row.passwordHash(), row.roles(), row.enabled(),
                        row.createdAt(), row.createdBy(), now)
                .update();
    }

    void updatePassword(String username, String passwordHash, long now) {
        jdbc.sql("UPDATE staff_user SET password_hash = ?, updated_at = ? WHERE username = ?")
                .params(passwordHash, now, username).update();
    }

    void updateEnabled(String username, boolean enabled, long now) {
        jdbc.sql("UPDATE staff_user SET enabled = ?, updated_at = ? WHERE username = ?")
                .params(enabled, now, username).update();
    }

    void insertAudit(AuditRow row) {
        jdbc.sql("INSERT INTO access_audit (" + AUDIT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(row.id(), row.occurredAt(), row.staff(), row.action(), row.allowed(), row.maskedIdentifier(),
                        row.subjectId(), row.reason(), row.detail())
                .update();
    }

    List<AuditRow> audit(AuditFilter f) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (f.staff() != null) {
            where.append(" AND staff = ?");
            params.add(f.staff());
        }
        if (f.action() != null) {
            where.append(" AND action = ?");
            params.add(f.action());
        }
        if (f.subjectId() != null) {
            where.append(" AND subject_id = ?");
            params.add(f.subjectId());
        }
        if (f.from() != null) {
            where.append(" AND occurred_at >= ?");
            params.add(f.from().toEpochMilli());
        }
        if (f.to() != null) {
            where.append(" AND occurred_at < ?");
            params.add(f.to().toEpochMilli());
        }
        if (f.deniedOnly()) {
            where.append(" AND allowed = ?");
            params.add(false);
        }
        params.add(f.limit());
        return jdbc.sql("SELECT " + AUDIT_COLUMNS + " FROM access_audit" + where
                        + " ORDER BY occurred_at DESC, id DESC LIMIT ?")
                .params(params).query(AuditRow.class).list();
    }

    List<String> auditActions() {
        return jdbc.sql("SELECT DISTINCT action FROM access_audit ORDER BY action").query(String.class).list();
    }
}
