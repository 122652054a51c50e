/**
 * The admin console (server-rendered pages under {@code /admin}) for marketers, DPOs, auditors and support
 * staff: dashboard charts from aggregate queries, the purpose and notice catalog, ledger verification and
 * receipts, subject search with masked identifiers, the access audit log, CSV exports and a printable
 * compliance summary. Sign-in and the role matrix come from {@code access}; every read of a person is audited
 * there. A leaf: nobody depends on it. Rights and campaign figures arrive through the ports it owns
 * ({@link com.consento.console.RightsSummaryPort}, {@link com.consento.console.CampaignRoiPort}).
 */
package com.consento.console;
