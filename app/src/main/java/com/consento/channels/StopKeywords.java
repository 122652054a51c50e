package com.consento.channels;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * SMS-TD: whether an inbound SMS is a stop reply. The keywords are TD, T, N, R and 退订, in any case and in
 * full-width forms (NFKC folds {@code ＴＤ} to {@code TD}), with any surrounding spaces, punctuation, symbols
 * or emoji ignored. The whole message must be the keyword: "TD" stops, "TD please" or "T D" does not.
 */
final class StopKeywords {
    static final Set<String> KEYWORDS = Set.of("TD", "T", "N", "R", "退订");
    private static final int MAX_LENGTH = 200;

    private StopKeywords() {
    }

    /** The canonical keyword (e.g. "TD") when the text is a stop reply, else empty. */
    static Optional<String> match(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC);
        int start = 0;
        int end = folded.length();
        while (start < end && ignorable(folded.codePointAt(start))) {
            start += Character.charCount(folded.codePointAt(start));
        }
        while (end > start && ignorable(folded.codePointBefore(end))) {
            end -= Character.charCount(folded.codePointBefore(end));
        }
        String word = folded.substring(start, end).toUpperCase(Locale.ROOT);
        return KEYWORDS.contains(word) ? Optional.of(word) : Optional.empty();
    }

    /** Spaces, punctuation, symbols (emoji included), controls and invisible marks around the keyword. */
    static boolean ignorable(int cp) {
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
            return true;
        }
        if ((cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF) || cp == 0x20E3) {
            return true; // emoji variation selectors and the keycap mark; other combining marks belong to the word
        }
        return switch (Character.getType(cp)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                 Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                 Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL, Character.CONTROL, Character.FORMAT,
                 Character.SURROGATE, Character.PRIVATE_USE -> true;
            default -> false;
        };
    }
}
