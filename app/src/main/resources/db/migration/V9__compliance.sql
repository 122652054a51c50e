-- What each retention purge removed, kept as evidence that the purge ran (PIPL-19, PIPL-54).
CREATE TABLE purge_report (
    id       VARCHAR(40) PRIMARY KEY,
    ran_at   BIGINT      NOT NULL,
    removed  TEXT        NOT NULL
);
CREATE INDEX purge_report_ran_at ON purge_report (ran_at);
