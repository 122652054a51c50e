-- Recommendations (NDSR-42): when a person last deleted their recommendation features. Features are derived
-- again only from signals recorded at or after this time, so a deletion is not undone by the next request.
-- The features themselves are held in memory only. Portable SQL for SQLite and PostgreSQL: epoch milliseconds.

CREATE TABLE recommendation_feature_reset (
    subject_id  VARCHAR(40) PRIMARY KEY,
    reset_at    BIGINT      NOT NULL
);
