package com.consento.identity;

import java.util.Locale;

/** The kinds of identifier a retailer's channels know a person by. */
public enum IdentifierType {
    MEMBER, PHONE, EMAIL, WECHAT_OPENID, WECHAT_UNIONID, ALIPAY_UID, DEVICE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type with this wire code, or null. */
    public static IdentifierType ofCode(String code) {
        if (code == null) {
            return null;
        }
        for (IdentifierType t : values()) {
            if (t.code().equals(code.trim().toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        return null;
    }
}
