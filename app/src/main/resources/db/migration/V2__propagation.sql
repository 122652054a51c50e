-- Propagation: a transactional outbox, its relay cursors, and signed webhooks with per-delivery state.
-- Portable like V1: times are epoch milliseconds, ids are assigned by the application.

-- One sequence per shard (shard = the subject's ledger partition). A writer bumps its shard's row inside its
-- own transaction, so the row lock orders the sequence exactly as the transactions commit: the relay can
-- publish a shard in sequence order and a subject's changes reach Kafka in commit order.
CREATE TABLE outbox_shard (
    shard  INTEGER PRIMARY KEY,
    seq    BIGINT  NOT NULL
);

-- Every committed change, written in the same transaction as the change itself. id = seq * 16 + shard.
CREATE TABLE outbox (
    id          BIGINT      PRIMARY KEY,
    shard       INTEGER     NOT NULL,
    seq         BIGINT      NOT NULL,
    type        VARCHAR(32) NOT NULL,
    subject_id  VARCHAR(40),
    payload     TEXT        NOT NULL,
    origin      VARCHAR(64) NOT NULL,
    created_at  BIGINT      NOT NULL,
    UNIQUE (shard, seq)
);
CREATE INDEX outbox_subject ON outbox (subject_id, created_at);
CREATE INDEX outbox_created ON outbox (created_at);

-- How far each destination ('webhooks': fan-out into deliveries; 'kafka': the cluster topic) has taken each
-- shard. Relays lock the rows they work on (PostgreSQL: FOR UPDATE SKIP LOCKED), so nodes share shards.
CREATE TABLE outbox_cursor (
    destination  VARCHAR(32) NOT NULL,
    shard        INTEGER     NOT NULL,
    last_seq     BIGINT      NOT NULL,
    updated_at   BIGINT      NOT NULL,
    PRIMARY KEY (destination, shard)
);

CREATE TABLE webhook (
    id                  VARCHAR(40)   PRIMARY KEY,
    url                 VARCHAR(2000) NOT NULL,
    secret_enc          TEXT          NOT NULL,
    events              VARCHAR(200)  NOT NULL,
    max_attempts        INTEGER       NOT NULL,
    initial_backoff_ms  BIGINT        NOT NULL,
    active              BOOLEAN       NOT NULL,
    created_at          BIGINT        NOT NULL,
    updated_at          BIGINT        NOT NULL
);

-- One row per change and webhook: PENDING (due at next_attempt_at; a claimed row is leased by pushing
-- next_attempt_at past the send), DELIVERED (a 2xx: acknowledged_at is the receiver's acknowledgement,
-- PIPL-15b), DEAD (max attempts used: the dead-letter list), CANCELLED (the webhook was deleted).
CREATE TABLE webhook_delivery (
    id               VARCHAR(40) PRIMARY KEY,
    webhook_id       VARCHAR(40) NOT NULL,
    outbox_id        BIGINT      NOT NULL,
    status           VARCHAR(16) NOT NULL,
    attempts         INTEGER     NOT NULL,
    next_attempt_at  BIGINT      NOT NULL,
    last_status      INTEGER,
    last_error       VARCHAR(500),
    created_at       BIGINT      NOT NULL,
    updated_at       BIGINT      NOT NULL,
    acknowledged_at  BIGINT,
    UNIQUE (webhook_id, outbox_id)
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (webhook_id, status, next_attempt_at);
CREATE INDEX webhook_delivery_outbox ON webhook_delivery (outbox_id);

INSERT INTO outbox_shard (shard, seq) VALUES
 (0, 0), (1, 0), (2, 0), (3, 0), (4, 0), (5, 0), (6, 0), (7, 0),
 (8, 0), (9, 0), (10, 0), (11, 0), (12, 0), (13, 0), (14, 0), (15, 0);

INSERT INTO outbox_cursor (destination, shard, last_seq, updated_at) VALUES
 ('webhooks', 0, 0, 0), ('webhooks', 1, 0, 0), ('webhooks', 2, 0, 0), ('webhooks', 3, 0, 0),
 ('webhooks', 4, 0, 0), ('webhooks', 5, 0, 0), ('webhooks', 6, 0, 0), ('webhooks', 7, 0, 0),
 ('webhooks', 8, 0, 0), ('webhooks', 9, 0, 0), ('webhooks', 10, 0, 0), ('webhooks', 11, 0, 0),
 ('webhooks', 12, 0, 0), ('webhooks', 13, 0, 0), ('webhooks', 14, 0, 0), ('webhooks', 15, 0, 0);
