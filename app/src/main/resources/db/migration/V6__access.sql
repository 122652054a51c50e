-- Console staff users and the access audit log (PIPL-51, MIN-34). Times are epoch milliseconds; ids are
-- assigned by the application, as in V1.

-- Passwords only as BCrypt hashes; roles is a comma-separated list of ADMIN, DPO, MARKETER, AUDITOR, SUPPORT.
CREATE TABLE staff_user (
    username       VARCHAR(64)  PRIMARY KEY,
    display_name   VARCHAR(200),
    password_hash  VARCHAR(100) NOT NULL,
    roles          VARCHAR(200) NOT NULL,
    enabled        BOOLEAN      NOT NULL,
    created_at     BIGINT       NOT NULL,
    created_by     VARCHAR(64),
    updated_at     BIGINT       NOT NULL
);

-- Append-only: every staff search, view, reveal and export of personal data, identifiers masked.
CREATE TABLE access_audit (
    id                 VARCHAR(40)  PRIMARY KEY,
    occurred_at        BIGINT       NOT NULL,
    staff              VARCHAR(64)  NOT NULL,
    action             VARCHAR(40)  NOT NULL,
    allowed            BOOLEAN      NOT NULL,
    masked_identifier  VARCHAR(200),
    subject_id         VARCHAR(40),
    reason             VARCHAR(500),
    detail             VARCHAR(500)
);
CREATE INDEX access_audit_time ON access_audit (occurred_at);
CREATE INDEX access_audit_staff ON access_audit (staff, occurred_at);
CREATE INDEX access_audit_subject ON access_audit (subject_id, occurred_at);
