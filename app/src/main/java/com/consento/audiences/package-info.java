/**
 * Audiences: the segment rule language ({"all"|"any"|"not"|{attr, op, value}}) compiled to RoaringBitmap algebra
 * over in-memory attribute indexes, then gated by the decision engine for the purpose and channel, suppression
 * lists, preferences and frequency caps. Evaluated afresh on every call, so a withdrawal removes a person from
 * the next preview, launch or ad-platform export (GB-8.4). Domain classes (rules, index, compiler, frequency
 * ledger) are plain Java; the services and controllers beside them are the adapters.
 */
package com.consento.audiences;
