package com.consento.preferences;

import java.util.Locale;

/** What marketing messages are about; a person picks the topics they want within the consent they gave. */
public enum Topic {
    NEW_ARRIVALS, PROMOTIONS, BIRTHDAY, LOYALTY;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The topic with this wire code, or null. */
    public static Topic ofCode(String code) {
        if (code == null) {
            return null;
        }
        for (Topic t : values()) {
            if (t.code().equals(code.trim().toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        return null;
    }
}
