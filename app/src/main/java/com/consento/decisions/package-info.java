/**
 * Decisions: "may we use this person's data for this purpose, through this channel, now?" answered from
 * memory in nanoseconds, with one reason an auditor can trace to the ledger event behind it. The index is
 * fed by ledger changes after each commit and rebuilt from the state table at start-up; the rule itself
 * ({@link com.consento.decisions.DecisionRule}) is a pure function.
 */
package com.consento.decisions;
