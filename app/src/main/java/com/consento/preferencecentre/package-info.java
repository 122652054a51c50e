/**
 * The preference centre: the shopper's own page ({@code /preferences}), opened without a password by a signed,
 * expiring link ({@code GET /api/v1/subjects/{id}/preference-link}). It shows every purpose in plain words,
 * grants and withdraws one consent per click on the same control (PIPL-15a, SEP-0), withdraws everything in
 * one action, edits preferences, tells the history and what changed in the notice, takes rights requests,
 * and lets a verified guardian decide for a child under 14 (PIPL-31a). Server-rendered, usable without
 * JavaScript; script only makes toggles save at once. A leaf: nobody depends on it.
 */
package com.consento.preferencecentre;
