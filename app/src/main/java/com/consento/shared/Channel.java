package com.consento.shared;

import java.util.Locale;

/** A way of reaching a person. Marketing consent is per channel; personalisation has none. */
public enum Channel {
    SMS, EMAIL, PUSH, WECHAT, PHONE, MAIL, IN_APP;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The channel with this wire code, or null when the code names none (callers report where). */
    public static Channel ofCode(String code) {
        if (code == null) {
            return null;
        }
        String wanted = code.trim().toLowerCase(Locale.ROOT);
        for (Channel c : values()) {
            if (c.code().equals(wanted)) {
                return c;
            }
        }
        return null;
    }
}
