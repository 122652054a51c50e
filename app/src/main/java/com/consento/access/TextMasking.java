package com.consento.access;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Free text written to the audit log (a reason, a detail) may quote a phone number or an e-mail address; this
 * masks them the way the console shows identifiers, so the log never holds one in full (PIPL-51).
 */
final class TextMasking {
    private static final Pattern EMAIL = Pattern.compile("([A-Za-z0-9._%+\\-])[A-Za-z0-9._%+\\-]*@([A-Za-z0-9.\\-]+\\.[A-Za-z]{2,})");
    private static final Pattern PHONE = Pattern.compile("(?<![\\w])((?:\\+|00)?\\d{1,3}[ \\-]?)?(1\\d{2})[ \\-]?\\d{4}[ \\-]?(\\d{4})(?![\\w])");
    private static final Pattern LONG_DIGITS = Pattern.compile("(?<![\\w])(\\+?\\d{3})\\d{4,}(\\d{4})(?![\\w])");

    private TextMasking() {
    }

    static String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = EMAIL.matcher(text).replaceAll("$1***@$2");
        Matcher m = PHONE.matcher(masked);
        masked = m.replaceAll(r -> Matcher.quoteReplacement((r.group(1) == null ? "" : r.group(1)) + r.group(2)
                + "****" + r.group(3)));
        return LONG_DIGITS.matcher(masked).replaceAll("$1****$2");
    }
}
