package com.consento.propagation;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The Kafka backlog as an operator sees it (cluster mode): {@code consento_outbox_pending{destination="kafka"}},
 * changes committed and not yet on the topic, and {@code consento_outbox_oldest_pending_age_seconds}, how long
 * the oldest of them has waited. While Kafka is down ingest goes on and both grow; other nodes do not see those
 * changes until they drain, so an alert belongs on the age. Read from the database at each scrape: the numbers
 * are the cluster's (one outbox), and stay true when this node's relay is stuck.
 */
@Component
class OutboxGauges {
    OutboxGauges(ClusterBus bus, OutboxStore outbox, Clock clock, ObjectProvider<MeterRegistry> meters) {
        MeterRegistry registry = meters.getIfAvailable();
        if (!bus.enabled() || registry == null) {
            return;
        }
        Gauge.builder("consento.outbox.pending", () -> outbox.pending(OutboxStore.KAFKA))
                .description("changes committed and not yet published to Kafka").tag("destination", OutboxStore.KAFKA)
                .register(registry);
        Gauge.builder("consento.outbox.oldest.pending.age", () -> outbox.oldestPending(OutboxStore.KAFKA)
                        .map(at -> Math.max(0, clock.millis() - at) / 1000.0).orElse(0.0))
                .description("how long the oldest change not yet published to Kafka has waited")
                .tag("destination", OutboxStore.KAFKA).baseUnit("seconds").register(registry);
    }
}
