/**
 * Capture adapters: where consent arrives from a retailer's channels and is recorded through the ledger.
 * The web SDK ({@code /sdk/consento.js}, its public {@code /sdk/config} and the {@code /sdk/demo} page) with
 * a site key per origin (APP-III.4, BUNDLE-1, SEP-0, GPC); the streaming CSV import for stores and legacy
 * CRMs ({@code POST /api/v1/imports/consents}, {@code import-consents FILE}); inbound SMS stop replies
 * (SMS-TD) and one-click e-mail unsubscribe links (RFC-8058), which withdraw every granted consent of the
 * subject on that channel. The keyword matcher and the CSV reader are plain Java.
 */
package com.consento.channels;
