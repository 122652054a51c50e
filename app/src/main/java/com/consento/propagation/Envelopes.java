package com.consento.propagation;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON a receiver gets: {@code {id, type, occurredAt, subjectId, data}}; the same bytes for every attempt
 * of a delivery. The Kafka message adds where it comes from ({@code origin}, {@code shard}, {@code seq}).
 */
final class Envelopes {
    private Envelopes() {
    }

    static Map<String, Object> envelope(OutboxStore.Row row, JsonMapper json) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", Long.toString(row.id()));
        e.put("type", row.type());
        e.put("occurredAt", Instant.ofEpochMilli(row.createdAt()).toString());
        if (row.subjectId() != null) {
            e.put("subjectId", row.subjectId());
        }
        e.put("data", json.readTree(row.payload()));
        return e;
    }

    static byte[] webhookBody(OutboxStore.Row row, JsonMapper json) {
        return json.writeValueAsBytes(envelope(row, json));
    }

    static String kafkaValue(OutboxStore.Row row, JsonMapper json) {
        Map<String, Object> e = envelope(row, json);
        e.put("origin", row.origin());
        e.put("shard", row.shard());
        e.put("seq", row.seq());
        return json.writeValueAsString(e);
    }

    /** A change as read back from the topic. */
    record Received(String id, String type, String subjectId, long occurredAt, JsonNode data, String origin, int shard,
                    long seq) {
    }

    static Received parse(String value, JsonMapper json) {
        JsonNode n = json.readTree(value);
        JsonNode subject = n.get("subjectId");
        return new Received(n.get("id").asString(), n.get("type").asString(),
                subject == null || subject.isNull() ? null : subject.asString(),
                Instant.parse(n.get("occurredAt").asString()).toEpochMilli(), n.get("data"),
                n.has("origin") ? n.get("origin").asString() : null, n.get("shard").asInt(), n.get("seq").asLong());
    }
}
