package com.consento.propagation;

import static org.assertj.core.api.Assertions.assertThat;

import com.consento.ledger.Action;
import com.consento.ledger.ConsentChanged;
import com.consento.shared.Problems;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class OutboxFormatTest {
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    @DisplayName("a consent change survives the trip through the topic unchanged, with and without a channel")
    void consent_change_round_trip() {
        for (String channel : new String[] {"sms", ""}) {
            ConsentChanged c = new ConsentChanged("sub_ab_123", "marketing", channel, Action.WITHDRAW,
                    1_767_225_600_123L, 4, true, 12345);
            OutboxStore.Row row = new OutboxStore.Row(OutboxStore.id(3, 9), 3, 9, Outbox.CONSENT_CHANGED, c.subjectId(),
                    json.writeValueAsString(Outbox.consentData(c)), "node-a", 1_767_225_601_000L);
            Envelopes.Received r = Envelopes.parse(Envelopes.kafkaValue(row, json), json);
            assertThat(r.seq()).isEqualTo(9);
            assertThat(r.origin()).isEqualTo("node-a");
            assertThat(Outbox.consentChange(r.subjectId(), r.data())).isEqualTo(c);
        }
    }

    @Test
    @DisplayName("a webhook body is {id, type, occurredAt, subjectId, data} and nothing about the relay")
    void webhook_body_shape() {
        OutboxStore.Row row = new OutboxStore.Row(OutboxStore.id(3, 9), 3, 9, Outbox.SUBJECT_ERASED, "sub_x",
                "{\"reason\":\"request\"}", "node-a", 0);
        JsonNode body = json.readTree(Envelopes.webhookBody(row, json));
        assertThat(body.propertyNames()).containsExactly("id", "type", "occurredAt", "subjectId", "data");
        assertThat(body.get("id").asString()).isEqualTo("147");
        assertThat(body.get("occurredAt").asString()).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(body.get("data").get("reason").asString()).isEqualTo("request");
    }

    @Test
    @DisplayName("a subscription names known event types only, and says which entry is wrong")
    void event_types_are_checked() {
        Problems problems = new Problems();
        Outbox.checkTypes(List.of("consent.changed", "consent.granted"), problems);
        assertThat(problems.list()).singleElement().satisfies(p -> assertThat(p.pointer()).isEqualTo("/events/1"));
        Problems none = new Problems();
        Outbox.checkTypes(List.of(), none);
        assertThat(none.list()).singleElement().satisfies(p -> assertThat(p.pointer()).isEqualTo("/events"));
    }

    @Test
    @DisplayName("a receiver URL is absolute http or https")
    void urls_are_checked() {
        for (String bad : new String[] {"ftp://example.com/x", "/relative", "http://", "not a url", "https://h/#frag"}) {
            Problems p = new Problems();
            Webhooks.checkUrl(bad, p);
            assertThat(p.isEmpty()).as(bad).isFalse();
        }
        Problems ok = new Problems();
        Webhooks.checkUrl("https://crm.example.cn/hooks/consento?x=1", ok);
        Webhooks.checkUrl("http://127.0.0.1:8081/h", ok);
        assertThat(ok.isEmpty()).isTrue();
    }

    @Test
    @DisplayName("a change lands in its subject's ledger partition as its outbox shard; ids are seq * 16 + shard")
    void shards_and_ids() {
        assertThat(OutboxStore.shard("sub_ab_123")).isEqualTo(Math.floorMod("sub_ab_123".hashCode(), 16));
        assertThat(OutboxStore.shard(null)).isZero();
        assertThat(OutboxStore.id(15, 2)).isEqualTo(47);
    }
}
