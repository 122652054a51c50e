-- Preferences (topics, favourite categories and brands, weekly cap, quiet hours, language): not legal consent.
-- One document per subject, sealed with the subject's own data key, so erasing the key erases them too.
-- Portable: SQLite and PostgreSQL alike (times are epoch milliseconds, the sealed document is base64 text).

CREATE TABLE subject_preference (
    subject_id  VARCHAR(40) PRIMARY KEY,
    doc_enc     TEXT        NOT NULL,
    created_at  BIGINT      NOT NULL,
    updated_at  BIGINT      NOT NULL
);
