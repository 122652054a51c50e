/**
 * Propagation: every committed change (a consent key's new state, a merge, an erasure, a request's new status)
 * is written to an outbox in the same transaction; a relay on each node takes it from there, at least once:
 * to signed webhooks (retried with exponential back-off, then a dead-letter list, each 2xx recorded as the
 * receiver's acknowledgement, PIPL-15b) and, in cluster mode, to the Kafka topic {@code consento.consent-changes}
 * keyed by subject, which every node consumes to keep its decision index current. Other capabilities publish
 * through {@link com.consento.propagation.Outbox#publish}.
 */
package com.consento.propagation;
