package com.consento.shared;

import java.util.Locale;

/** A way of reaching a person. Marketing consent is per channel; personalisation has none. */
public enum Channel {
    SMS, EMAIL, PUSH, WECHAT, PHONE, MAIL, IN_APP;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    private static final java.util.Map<String, Channel> BY_CODE = java.util.Arrays.stream(values())
            .collect(java.util.stream.Collectors.toUnmodifiableMap(Channel::code, c -> c));

    /** The channel with this wire code, or null when the code names none (callers report where). */
    public static Channel ofCode(String code) {
        if (code == null) {
            return null;
        }
        Channel exact = BY_CODE.get(code);
        return exact != null ? exact : BY_CODE.get(code.trim().toLowerCase(Locale.ROOT));
    }
}
