package com.consento.catalog;

/** PIPL article 13: exactly one basis per purpose. Only CONSENT is consent-gated. */
public enum LegalBasis {
    CONSENT, CONTRACT, LEGAL_OBLIGATION, VITAL_INTERESTS, PUBLIC_INTEREST_NEWS, PUBLIC_INFO, OTHER_LAW
}
