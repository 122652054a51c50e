package com.consento.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.consento.shared.FieldProblem;
import com.consento.shared.Problems;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What a notice must say before it may be published (PIPL-17a, PIPL-52). */
class NoticeRulesTest {
    private static final Map<String, Purpose> PURPOSES = Map.of(
            "marketing", new Purpose("marketing", Map.of("zh-CN", "营销信息"), Map.of(), LegalBasis.CONSENT, Set.of(),
                    false, false, false, false, 0, 365, List.of("phone"), List.of(), null, null),
            "order_fulfilment", new Purpose("order_fulfilment", Map.of("zh-CN", "订单履行"), Map.of(),
                    LegalBasis.CONTRACT, Set.of(), false, false, false, false, 0, 365, List.of("address"), List.of(),
                    null, null));

    /** A complete notice draft; tests remove one thing. */
    private static final class Draft {
        String version = "2026-03";
        String locale = "zh-CN";
        String title = "隐私政策";
        String body = "我们如何处理您的个人信息……";
        String url;
        Notice.Handler handler = new Notice.Handler("示例零售有限公司", "privacy@example.cn");
        String officerContact = "dpo@example.cn";
        List<String> purposes = List.of("marketing", "order_fulfilment");
        String methods = "收集、存储、使用";
        List<String> dataCategories = List.of("phone", "address");
        String retention = "3 years after the last purchase";
        String rights = "preference centre or privacy@example.cn";

        Notice build() {
            return new Notice(version, 0, locale, title, body, url, handler, officerContact, purposes, methods,
                    dataCategories, retention, rights, false, null, Instant.EPOCH, null);
        }
    }

    private static List<FieldProblem> problems(Draft d) {
        Problems problems = new Problems();
        NoticeRules.check(d.build(), PURPOSES, problems);
        return problems.list();
    }

    private static List<String> pointers(Draft d) {
        return problems(d).stream().map(FieldProblem::pointer).toList();
    }

    @Test
    @DisplayName("PIPL-17a a complete notice has no problem")
    void a_complete_notice_has_no_problem() {
        assertThat(problems(new Draft())).isEmpty();
    }

    static Stream<Arguments> missingFields() {
        return Stream.of(
                Arguments.of("/handler/name", (Consumer<Draft>) d -> d.handler = new Notice.Handler(" ", "privacy@example.cn")),
                Arguments.of("/handler/contact", (Consumer<Draft>) d -> d.handler = new Notice.Handler("示例零售有限公司", null)),
                Arguments.of("/purposes", (Consumer<Draft>) d -> d.purposes = List.of()),
                Arguments.of("/methods", (Consumer<Draft>) d -> d.methods = ""),
                Arguments.of("/dataCategories", (Consumer<Draft>) d -> d.dataCategories = List.of()),
                Arguments.of("/retention", (Consumer<Draft>) d -> d.retention = null),
                Arguments.of("/rights", (Consumer<Draft>) d -> d.rights = "  "),
                Arguments.of("/officerContact", (Consumer<Draft>) d -> d.officerContact = null));
    }

    @ParameterizedTest(name = "PIPL-17a PIPL-52 a notice missing {0} has exactly one problem, at {0}")
    @MethodSource("missingFields")
    @DisplayName("PIPL-17a a notice missing a required field has one problem per missing field")
    void a_missing_field_is_one_problem_at_its_pointer(String pointer, Consumer<Draft> remove) {
        Draft d = new Draft();
        remove.accept(d);

        List<FieldProblem> found = problems(d);
        assertThat(found).extracting(FieldProblem::pointer).containsExactly(pointer);
        assertThat(found.get(0).detail()).containsAnyOf("PIPL-17a", "PIPL-52");
    }

    @Test
    @DisplayName("PIPL-17a a notice without a handler at all misses both its name and its contact")
    void a_notice_without_handler_misses_name_and_contact() {
        Draft d = new Draft();
        d.handler = null;

        assertThat(pointers(d)).containsExactly("/handler/name", "/handler/contact");
    }

    @Test
    @DisplayName("PIPL-17a a notice missing everything reports one problem per missing field, all at once")
    void a_notice_missing_everything_reports_each_field_once() {
        Draft d = new Draft();
        d.handler = null;
        d.officerContact = null;
        d.purposes = List.of();
        d.methods = null;
        d.dataCategories = List.of();
        d.retention = null;
        d.rights = null;

        assertThat(pointers(d)).containsExactlyInAnyOrder("/handler/name", "/handler/contact", "/purposes",
                "/methods", "/dataCategories", "/retention", "/rights", "/officerContact");
    }

    @Test
    @DisplayName("PIPL-52 the officer's contact is required")
    void the_officer_contact_is_required() {
        Draft d = new Draft();
        d.officerContact = "";

        List<FieldProblem> found = problems(d);
        assertThat(found).extracting(FieldProblem::pointer).containsExactly("/officerContact");
        assertThat(found.get(0).detail()).contains("PIPL-52");
    }

    @Test
    @DisplayName("a notice may only list purposes that exist, each reported where it is listed")
    void a_notice_lists_only_known_purposes() {
        Draft d = new Draft();
        d.purposes = List.of("marketing", "nope", "ghost");

        assertThat(pointers(d)).containsExactly("/purposes/1", "/purposes/2");
    }

    @Test
    @DisplayName("a notice needs its text or a url, a title, a locale and a well-formed version")
    void a_notice_needs_text_title_locale_and_version() {
        Draft byUrl = new Draft();
        byUrl.body = null;
        byUrl.url = "https://example.cn/privacy/2026-03";
        Draft noText = new Draft();
        noText.body = " ";
        Draft bare = new Draft();
        bare.title = "";
        bare.locale = null;
        bare.version = "v 1/../x";

        assertThat(problems(byUrl)).isEmpty();
        assertThat(pointers(noText)).containsExactly("/body");
        assertThat(pointers(bare)).containsExactlyInAnyOrder("/version", "/locale", "/title");
    }

    @Test
    @DisplayName("PIPL-17b notice versions are letters, digits, '.', '_' or '-', at most 64")
    void notice_versions_are_well_formed() {
        Draft ok = new Draft();
        ok.version = "v2026.03_zh-CN";
        Draft tooLong = new Draft();
        tooLong.version = "v".repeat(65);
        Draft none = new Draft();
        none.version = null;

        assertThat(problems(ok)).isEmpty();
        assertThat(pointers(tooLong)).containsExactly("/version");
        assertThat(pointers(none)).containsExactly("/version");
    }
}
