-- Rights requests (PIPL 44-50): every request has a due date in working days and leaves a trail.
CREATE TABLE rights_request (
    id              VARCHAR(40)  PRIMARY KEY,
    subject_id      VARCHAR(40)  NOT NULL,
    type            VARCHAR(16)  NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    details_enc     TEXT,
    assignee        VARCHAR(200),
    resolution      TEXT,
    created_at      BIGINT       NOT NULL,
    due_at          BIGINT       NOT NULL,
    closed_at       BIGINT,
    updated_at      BIGINT       NOT NULL
);
CREATE INDEX rights_request_subject ON rights_request (subject_id);
CREATE INDEX rights_request_status ON rights_request (status, due_at);
