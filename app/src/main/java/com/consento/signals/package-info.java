/**
 * Signals: purchases ({@code POST /api/v1/orders}, idempotent by order id, kept under the contract basis) and
 * browsing ({@code POST /api/v1/events/browse}, stored only when the decision for {@code browsing_history}
 * allows). From orders and the profile it keeps per-subject attributes in memory (birth month, age, tier, city,
 * orders, spend, recency, RFM segment, category affinity) and tells listeners, such as the audience index, on
 * every change. {@link com.consento.signals.OrderImporter} loads the Online Retail CSV as orders.
 */
package com.consento.signals;
