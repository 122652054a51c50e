package com.consento.platform;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Masks anything that looks like a phone number or an e-mail address in a log message (PIPL-51). */
public class MaskingConverter extends MessageConverter {
    private static final Pattern EMAIL = Pattern.compile("([A-Za-z0-9._%+\\-])[A-Za-z0-9._%+\\-]*@([A-Za-z0-9.\\-]+\\.[A-Za-z]{2,})");
    private static final Pattern PHONE = Pattern.compile("(?<![\\w])((?:\\+|00)?\\d{1,3}[ \\-]?)?(1\\d{2})[ \\-]?\\d{4}[ \\-]?(\\d{4})(?![\\w])");

    @Override
    public String convert(ILoggingEvent event) {
        return mask(super.convert(event));
    }

    static String mask(String message) {
        if (message == null) {
            return null;
        }
        String masked = EMAIL.matcher(message).replaceAll("$1***@$2");
        Matcher m = PHONE.matcher(masked);
        return m.replaceAll(r -> Matcher.quoteReplacement((r.group(1) == null ? "" : r.group(1)) + r.group(2)
                + "****" + r.group(3)));
    }
}
