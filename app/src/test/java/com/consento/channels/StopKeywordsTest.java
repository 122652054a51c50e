package com.consento.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class StopKeywordsTest {
    private static final String[] SURROUNDINGS = {"", " ", "  ", "\t", "\n", "\r\n", "\u3000", "\u00A0", "\u200B", "\uFEFF",
            ".", "。", "!", "！", "?", "？", ",", "，", "、", "~", "～", "-", "—", "…", "\"", "“", "”", "'", "‘", "’",
            "(", ")", "（", "）", "【", "】", "[", "]", "《", "》", "「", "」", ":", "：", ";", "；", "👍", "🙏🏻", "❤️",
            "*", "#", "@", "+", "=", "$", "¥"};

    /** Every way of writing each keyword: every case mix, ASCII and full-width letters. */
    static Stream<String> spellings() {
        List<String> all = new ArrayList<>();
        for (String keyword : List.of("TD", "T", "N", "R")) {
            int n = keyword.length();
            for (int mask = 0; mask < (1 << n) * (1 << n); mask++) {
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < n; i++) {
                    char c = keyword.charAt(i);
                    char cased = ((mask >> i) & 1) == 1 ? Character.toLowerCase(c) : c;
                    boolean wide = ((mask >> (n + i)) & 1) == 1;
                    b.append(wide ? (char) (cased - 0x21 + 0xFF01) : cased);
                }
                all.add(b.toString());
            }
        }
        all.add("退订");
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("spellings")
    @DisplayName("SMS-TD every keyword in any case, ASCII or full-width, with any surrounding spaces and punctuation")
    void keyword_in_any_case_width_and_surroundings(String spelling) {
        String canonical = java.text.Normalizer.normalize(spelling, java.text.Normalizer.Form.NFKC).toUpperCase(Locale.ROOT);
        for (String before : SURROUNDINGS) {
            for (String after : SURROUNDINGS) {
                assertThat(StopKeywords.match(before + spelling + after)).as("[%s]", before + spelling + after)
                        .contains(canonical);
            }
        }
        assertThat(StopKeywords.match("  【" + spelling + "】。 ")).contains(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "。", "👍", "TDD", "TDTD", "T D", "T.D", "T-D", "退 订", "退订了", "请退订", "我要退订",
            "回复TD", "TD退订", "TD please", "stop", "STOP", "unsubscribe", "Y", "YES", "好的", "谢谢", "1", "0000", "NO",
            "NT", "RT", "DT", "ТD", "退定", "退", "订", "T\u0301", "TD1", "1TD", "td123", "N/A", "R&B"})
    @DisplayName("SMS-TD anything that is not exactly a keyword changes nothing")
    void other_text_is_not_a_stop_reply(String text) {
        assertThat(StopKeywords.match(text)).as("[%s]", text).isEmpty();
    }

    @Test
    @DisplayName("SMS-TD no text, and very long text, are not stop replies")
    void null_and_long_text() {
        assertThat(StopKeywords.match(null)).isEmpty();
        assertThat(StopKeywords.match(" ".repeat(500) + "TD")).isEmpty();
        assertThat(StopKeywords.match(" ".repeat(100) + "TD" + " ".repeat(90))).contains("TD");
    }

    @Test
    @DisplayName("SMS-TD every keyword maps to its canonical form")
    void canonical_forms() {
        assertThat(StopKeywords.match("td")).contains("TD");
        assertThat(StopKeywords.match("ＴＤ")).contains("TD");
        assertThat(StopKeywords.match("ｔｄ")).contains("TD");
        assertThat(StopKeywords.match("Ｔｄ")).contains("TD");
        assertThat(StopKeywords.match("ｔ")).contains("T");
        assertThat(StopKeywords.match("ｎ")).contains("N");
        assertThat(StopKeywords.match("Ｒ")).contains("R");
        assertThat(StopKeywords.match("\u3000退订\u3000")).contains("退订");
        assertThat(StopKeywords.match("「退订」")).contains("退订");
        assertThat(StopKeywords.KEYWORDS).containsExactlyInAnyOrder("TD", "T", "N", "R", "退订");
    }
}
