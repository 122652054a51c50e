-- Channels: a site key used by the web SDK names the origins (scheme://host[:port], space-separated) that
-- browsers may call the consent API from with it (CORS). NULL = no browser origin (server-to-server key).
ALTER TABLE api_key ADD COLUMN allowed_origins VARCHAR(1000);
