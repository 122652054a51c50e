package com.consento.identity;

/**
 * How identifiers are shown to staff and written to logs: a phone keeps its country code, first three and
 * last four digits ({@code +86 139****5678}); an e-mail its first letter and domain.
 */
public final class Masking {
    private Masking() {
    }

    public static String mask(IdentifierType type, String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return switch (type) {
            case PHONE -> maskPhone(value);
            case EMAIL -> maskEmail(value);
            default -> value.length() <= 4 ? "****" : value.substring(0, 2) + "****" + value.substring(value.length() - 2);
        };
    }

    static String maskPhone(String e164) {
        String cc = e164.startsWith("+86") ? "+86" : e164.length() > 3 ? e164.substring(0, 3) : "+";
        String national = e164.substring(cc.length());
        if (national.length() < 8) {
            return cc + " ****";
        }
        return cc + " " + national.substring(0, 3) + "****" + national.substring(national.length() - 4);
    }

    static String maskEmail(String email) {
        int at = email.indexOf('@');
        if (at <= 0) {
            return "***";
        }
        return email.charAt(0) + "***" + email.substring(at);
    }
}
