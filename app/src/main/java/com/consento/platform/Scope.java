package com.consento.platform;

import java.util.Arrays;
import java.util.Optional;

/** What an API key may do. {@code admin} may do everything. */
enum Scope {
    CONSENT_WRITE("consent:write"), DECISION_READ("decision:read"), SUBJECT_READ("subject:read"),
    AUDIENCE("audience"), CAMPAIGN("campaign"), RIGHTS("rights"), ADMIN("admin");

    private final String code;

    Scope(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }

    String authority() {
        return "SCOPE_" + code;
    }

    static Optional<Scope> of(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }
}
