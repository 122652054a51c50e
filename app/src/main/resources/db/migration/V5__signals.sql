-- Signals: purchases (contract basis) and browsing events (kept only with consent). Portable SQL for SQLite
-- and PostgreSQL: times are epoch milliseconds, amounts DOUBLE PRECISION, ids assigned by the application.

CREATE TABLE signal_order (
    order_id     VARCHAR(64)      PRIMARY KEY,
    subject_id   VARCHAR(40)      NOT NULL,
    placed_at    BIGINT           NOT NULL,
    amount       DOUBLE PRECISION NOT NULL,
    source       VARCHAR(16)      NOT NULL,
    recorded_at  BIGINT           NOT NULL
);
CREATE INDEX signal_order_subject ON signal_order (subject_id, placed_at);
CREATE INDEX signal_order_placed ON signal_order (placed_at);

CREATE TABLE signal_order_line (
    order_id    VARCHAR(64)      NOT NULL,
    line_no     INTEGER          NOT NULL,
    sku         VARCHAR(64)      NOT NULL,
    quantity    INTEGER          NOT NULL,
    unit_price  DOUBLE PRECISION NOT NULL,
    category    VARCHAR(64),
    PRIMARY KEY (order_id, line_no)
);

CREATE TABLE signal_browse (
    id           VARCHAR(40)  PRIMARY KEY,
    subject_id   VARCHAR(40)  NOT NULL,
    sku          VARCHAR(64)  NOT NULL,
    category     VARCHAR(64),
    occurred_at  BIGINT       NOT NULL,
    recorded_at  BIGINT       NOT NULL
);
CREATE INDEX signal_browse_subject ON signal_browse (subject_id, occurred_at);
