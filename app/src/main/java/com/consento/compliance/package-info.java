/**
 * Compliance: retention (the purge job and the count of records past retention, PIPL-19/47a), the evidence
 * pack an auditor can verify on their own (PIPL-54), and the list of legal rules with the tests that cover
 * them. It reads the other capabilities through their public APIs only.
 */
package com.consento.compliance;
