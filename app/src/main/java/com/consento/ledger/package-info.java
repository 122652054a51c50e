/**
 * The ledger: every consent a person gives, refuses or withdraws, append-only, in hash chains per partition,
 * each event with a signed receipt. It owns the ordering rule (capture time decides; at equal times a
 * withdrawal or refusal wins), the status of a consent key at any moment, and the state table that the
 * decision index is rebuilt from. It tells {@link com.consento.ledger.ConsentChangeListener}s what changed
 * after each commit and never knows who listens.
 */
package com.consento.ledger;
