/**
 * Compliance: retention (the purge job and the count of records past retention, PIPL-19/47a), the evidence
 * pack an auditor can verify on their own (PIPL-54), the breach scope a DPO notifies from (PIPL-57: staff
 * accesses from the audit log, affected subjects and data categories from the ledger, subject ids only), and
 * the list of legal rules with the tests that cover them. It reads the other capabilities through their public
 * APIs only.
 */
package com.consento.compliance;
