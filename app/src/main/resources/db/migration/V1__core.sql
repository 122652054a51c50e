-- One schema for SQLite (embedded) and PostgreSQL: times are epoch milliseconds, binary data is base64 text,
-- and ids are assigned by the application, so no dialect-specific type or sequence is needed.

CREATE TABLE purpose (
    code        VARCHAR(64) PRIMARY KEY,
    doc         TEXT        NOT NULL,
    created_at  BIGINT      NOT NULL,
    updated_at  BIGINT      NOT NULL
);

CREATE TABLE notice (
    version         VARCHAR(64) PRIMARY KEY,
    sequence        BIGINT      NOT NULL UNIQUE,
    doc             TEXT        NOT NULL,
    content_sha256  VARCHAR(64) NOT NULL,
    material        BOOLEAN     NOT NULL,
    effective_at    BIGINT      NOT NULL,
    published_at    BIGINT      NOT NULL
);

CREATE TABLE counter (
    name   VARCHAR(32) PRIMARY KEY,
    value  BIGINT      NOT NULL
);
INSERT INTO counter (name, value) VALUES ('subject', 0);
INSERT INTO counter (name, value) VALUES ('notice', 0);

-- A subject's own data key (wrapped by the master key) encrypts everything personal about it; destroying
-- the key erases the subject from every copy at once (crypto-shredding).
CREATE TABLE subject (
    id           VARCHAR(40) PRIMARY KEY,
    idx          BIGINT      NOT NULL UNIQUE,
    status       VARCHAR(16) NOT NULL,
    merged_into  VARCHAR(40),
    data_key     TEXT,
    profile_enc  TEXT,
    adult_from   BIGINT,
    created_at   BIGINT      NOT NULL,
    updated_at   BIGINT      NOT NULL
);

CREATE TABLE identifier (
    lookup_hmac  VARCHAR(64) PRIMARY KEY,
    subject_id   VARCHAR(40) NOT NULL,
    type         VARCHAR(24) NOT NULL,
    value_enc    TEXT        NOT NULL,
    created_at   BIGINT      NOT NULL
);
CREATE INDEX identifier_subject ON identifier (subject_id);

CREATE TABLE ledger_partition (
    part       INTEGER     PRIMARY KEY,
    head_hash  VARCHAR(64) NOT NULL,
    last_seq   BIGINT      NOT NULL
);

-- Append-only: rows are inserted, never updated or deleted. hash = SHA-256(prev_hash, canonical row).
CREATE TABLE consent_event (
    id              BIGINT      PRIMARY KEY,
    part            INTEGER     NOT NULL,
    seq             BIGINT      NOT NULL,
    subject_id      VARCHAR(40) NOT NULL,
    purpose         VARCHAR(64) NOT NULL,
    channel         VARCHAR(16) NOT NULL,
    action          VARCHAR(16) NOT NULL,
    notice_version  VARCHAR(64),
    touchpoint      VARCHAR(16) NOT NULL,
    captured_at     BIGINT      NOT NULL,
    recorded_at     BIGINT      NOT NULL,
    actor_type      VARCHAR(16) NOT NULL,
    actor_enc       TEXT,
    evidence_enc    TEXT,
    prev_hash       VARCHAR(64) NOT NULL,
    hash            VARCHAR(64) NOT NULL,
    UNIQUE (part, seq)
);
CREATE INDEX consent_event_subject ON consent_event (subject_id);
CREATE INDEX consent_event_recorded ON consent_event (recorded_at);

-- The winning event per consent key, maintained in the same transaction as the ledger; the decision
-- index is rebuilt from it at start-up.
CREATE TABLE consent_state (
    subject_id      VARCHAR(40) NOT NULL,
    purpose         VARCHAR(64) NOT NULL,
    channel         VARCHAR(16) NOT NULL,
    event_id        BIGINT      NOT NULL,
    action          VARCHAR(16) NOT NULL,
    notice_version  VARCHAR(64),
    notice_seq      BIGINT      NOT NULL,
    guardian        BOOLEAN     NOT NULL,
    captured_at     BIGINT      NOT NULL,
    recorded_at     BIGINT      NOT NULL,
    PRIMARY KEY (subject_id, purpose, channel)
);

CREATE TABLE idempotency (
    scope         VARCHAR(200) PRIMARY KEY,
    request_hash  VARCHAR(64)  NOT NULL,
    status        INTEGER      NOT NULL,
    response      TEXT         NOT NULL,
    created_at    BIGINT       NOT NULL
);

CREATE TABLE api_key (
    id          VARCHAR(40)  PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    key_hash    VARCHAR(64)  NOT NULL UNIQUE,
    scopes      VARCHAR(400) NOT NULL,
    created_at  BIGINT       NOT NULL,
    revoked     BOOLEAN      NOT NULL
);

INSERT INTO ledger_partition (part, head_hash, last_seq) VALUES
 (0, '0000000000000000000000000000000000000000000000000000000000000000', 0),
 (1, '0000000000000000000000000000000000000000000000000000000000000000', 0),
 (2, '0000000000000000000000000000000000000000000000000000000000000000', 0),
 (3, '0000000000000000000000000000000000000000000000000000000000000000', 0),
 (4, '0000000000000000000000000000000000000000000000000000000000000000', 0),
 (5, '0000000000000000000000000000000000000000000000000000000000000000', 0),
 (6, '0000000000000000000000000000000000000000000000000000000000000000', 0),
 (7, '0000000000000000000000000000000000000000000000000000000000000000', 0),
 (8, '0000000000000000000000000000000000000000000000000000000000000000', 0),
 (9, '0000000000000000000000000000000000000000000000000000000000000000', 0),
 (10, '0000000000000000000000000000000000000000000000000000000000000000', 0),
 (11, '0000000000000000000000000000000000000000000000000000000000000000', 0),
 (12, '0000000000000000000000000000000000000000000000000000000000000000', 0),
 (13, '0000000000000000000000000000000000000000000000000000000000000000', 0),
 (14, '0000000000000000000000000000000000000000000000000000000000000000', 0),
 (15, '0000000000000000000000000000000000000000000000000000000000000000', 0);
