package com.consento.ledger;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Remembers the answer to each Idempotency-Key (per API key), written in the same transaction as the events. */
@Repository
class IdempotencyStore {
    private final JdbcClient jdbc;
    private final JsonMapper json;

    IdempotencyStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    record Stored(String requestHash, List<Receipt> receipts) {
    }

    Optional<Stored> find(String scope) {
        return jdbc.sql("SELECT request_hash, response FROM idempotency WHERE scope = ?").param(scope)
                .query((rs, n) -> new Stored(rs.getString(1),
                        json.readValue(rs.getString(2), new TypeReference<List<Receipt>>() { })))
                .optional();
    }

    void save(String scope, String requestHash, List<Receipt> receipts, long now) {
        jdbc.sql("INSERT INTO idempotency (scope, request_hash, status, response, created_at) VALUES (?, ?, 201, ?, ?)")
                .params(scope, requestHash, json.writeValueAsString(receipts), now).update();
    }
}
