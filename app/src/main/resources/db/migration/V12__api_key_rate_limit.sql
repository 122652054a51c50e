-- A key's own rate limit: requests a second on average (rate_limit) and at once (rate_burst). NULL in both
-- means the key follows the global default (consento.rate-limit.per-second / .burst), so changing that
-- setting moves every key that was never given its own. Portable: SQLite and PostgreSQL.
ALTER TABLE api_key ADD COLUMN rate_limit DOUBLE PRECISION;
ALTER TABLE api_key ADD COLUMN rate_burst BIGINT;
