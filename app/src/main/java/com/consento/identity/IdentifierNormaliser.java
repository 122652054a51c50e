package com.consento.identity;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns what a channel sent into one canonical form, so "+86 138-0013-8000", "13800138000" and
 * "008613800138000" are the same person. National numbers are read as Chinese (the default region).
 */
public final class IdentifierNormaliser {
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final String DEFAULT_REGION = "CN";

    private IdentifierNormaliser() {
    }

    /** @throws IllegalArgumentException with a message fit for the caller when the value is not valid */
    public static Identifier normalise(IdentifierType type, String raw) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("identifier value is empty");
        }
        String value = raw.strip();
        if (value.length() > 256) {
            throw new IllegalArgumentException("identifier value is longer than 256 characters");
        }
        return switch (type) {
            case PHONE -> new Identifier(type, phone(value));
            case EMAIL -> {
                String email = value.toLowerCase(Locale.ROOT);
                if (!EMAIL.matcher(email).matches()) {
                    throw new IllegalArgumentException("not an e-mail address");
                }
                yield new Identifier(type, email);
            }
            default -> {
                if (value.chars().anyMatch(Character::isISOControl)) {
                    throw new IllegalArgumentException("identifier contains control characters");
                }
                yield new Identifier(type, value);
            }
        };
    }

    private static String phone(String value) {
        String candidate = value.startsWith("00") ? "+" + value.substring(2) : value;
        if (isChineseMobileInE164(candidate)) {
            // already canonical: skip parse() and format(), which cost 4-5x the validity check itself at ingest
            Phonenumber.PhoneNumber number = new Phonenumber.PhoneNumber().setCountryCode(86)
                    .setNationalNumber(Long.parseLong(candidate, 3, candidate.length(), 10));
            if (!PHONES.isValidNumber(number)) {
                throw new IllegalArgumentException("not a valid phone number");
            }
            return candidate;
        }
        try {
            Phonenumber.PhoneNumber number = PHONES.parse(candidate, DEFAULT_REGION);
            if (!PHONES.isValidNumber(number)) {
                throw new IllegalArgumentException("not a valid phone number");
            }
            return PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw new IllegalArgumentException("not a phone number");
        }
    }

    /** "+861" and ten more ASCII digits: the form most channels send, parsed to the same number by libphonenumber. */
    static boolean isChineseMobileInE164(String s) {
        if (s.length() != 14 || !s.startsWith("+861")) {
            return false;
        }
        for (int i = 4; i < 14; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
