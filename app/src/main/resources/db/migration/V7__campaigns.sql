-- Campaigns, every send decision (SENT / SUPPRESSED / CONTROL with its reason) and suppression lists.
-- Portable SQL for SQLite and PostgreSQL: epoch milliseconds, ids assigned by the application.

CREATE TABLE campaign (
    id          VARCHAR(40)  PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    type        VARCHAR(16)  NOT NULL,
    purpose     VARCHAR(64)  NOT NULL,
    channel     VARCHAR(16)  NOT NULL,
    doc         TEXT         NOT NULL,
    created_at  BIGINT       NOT NULL
);

CREATE TABLE campaign_launch (
    campaign_id  VARCHAR(40) NOT NULL,
    launch_no    INTEGER     NOT NULL,
    launched_at  BIGINT      NOT NULL,
    sent         INTEGER     NOT NULL,
    suppressed   INTEGER     NOT NULL,
    control      INTEGER     NOT NULL,
    PRIMARY KEY (campaign_id, launch_no)
);

CREATE TABLE campaign_send (
    campaign_id  VARCHAR(40) NOT NULL,
    launch_no    INTEGER     NOT NULL,
    subject_id   VARCHAR(40) NOT NULL,
    status       VARCHAR(16) NOT NULL,
    reason       VARCHAR(40),
    sent_at      BIGINT      NOT NULL,
    PRIMARY KEY (campaign_id, launch_no, subject_id)
);
CREATE INDEX campaign_send_time ON campaign_send (sent_at);
CREATE INDEX campaign_send_subject ON campaign_send (subject_id);

CREATE TABLE suppression (
    list_name   VARCHAR(64)  NOT NULL,
    subject_id  VARCHAR(40)  NOT NULL,
    reason      VARCHAR(500),
    created_at  BIGINT       NOT NULL,
    PRIMARY KEY (list_name, subject_id)
);
