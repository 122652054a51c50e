package com.consento.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.consento.access.Role;
import com.consento.access.StaffUsers;
import com.consento.catalog.CatalogService;
import com.consento.testing.Api;
import com.consento.testing.Fixtures;
import com.consento.testing.IntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Purposes and notices through the console's forms: problems inline, diffs, the material-change warning. */
@IntegrationTest
class ConsoleCatalogIT {
    static final String PASSWORD = "catalog-test-password";

    @LocalServerPort
    int port;
    @Autowired
    StaffUsers staff;
    @Autowired
    CatalogService catalog;

    ConsoleClient dpo;
    Api api;
    Fixtures fx;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        fx = new Fixtures(api);
        String name = Fixtures.unique("catalog-dpo").replace('_', '-');
        staff.create(name, PASSWORD, List.of(Role.DPO), null, "test");
        dpo = ConsoleClient.signedIn(port, name, PASSWORD);
    }

    private static Map<String, Object> purposeForm(String code) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("code", code);
        form.put("nameZh", "跨境传输");
        form.put("nameEn", "Transfer abroad");
        form.put("legalBasis", "CONSENT");
        form.put("crossBorder", "true");
        form.put("validityDays", "365");
        form.put("retentionDays", "1095");
        form.put("dataCategories", "email, orders");
        form.put("recipients", "Example Group Ltd.");
        return form;
    }

    @Test
    @DisplayName("PIPL-55 a purpose form shows each rule's problem next to its field, and saves once they are fixed")
    void purpose_form_shows_problems_inline() {
        String code = Fixtures.unique("cross_border_it");
        ConsoleClient.Page invalid = dpo.post("/admin/purposes", purposeForm(code));
        assertThat(invalid.status()).isEqualTo(200);
        assertThat(invalid.body()).contains("data-form-errors").contains("data-error=\"piaId\"")
                .contains("PIPL-55").contains("PIPL-39").contains("SEP-0");
        assertThat(catalog.snapshot().purpose(code)).isEmpty();

        Map<String, Object> fixed = purposeForm(code);
        fixed.put("separateConsent", "true");
        fixed.put("piaId", "PIA-IT-1");
        fixed.put("transferMechanism", "STANDARD_CONTRACT");
        ConsoleClient.Page saved = dpo.post("/admin/purposes", fixed);
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        assertThat(saved.location()).endsWith("/admin/purposes/" + code + "?saved");
        assertThat(catalog.snapshot().purpose(code)).hasValueSatisfying(p -> {
            assertThat(p.crossBorder()).isTrue();
            assertThat(p.piaId()).isEqualTo("PIA-IT-1");
            assertThat(p.dataCategories()).containsExactly("email", "orders");
        });
        assertThat(dpo.get("/admin/purposes").body()).contains("data-purpose=\"" + code + "\"");
        ConsoleClient.Page csv = dpo.get("/admin/reports/purposes.csv");
        assertThat(csv.body()).startsWith("\uFEFFcode,name_zh,name_en,legal_basis")
                .contains(code + ",跨境传输,Transfer abroad,CONSENT,,true,false,true,false,365,1095,email orders");
        assertThat(dpo.post("/admin/purposes", fixed).body()).as("a code is created once").contains("data-form-errors");
    }

    @Test
    @DisplayName("PIPL-14b PIPL-17b a new notice version previews its diff and warns that a material change asks for re-consent")
    void notice_preview_diff_and_material_warning() {
        String purpose = fx.marketingPurpose(730);
        String first = fx.notice(false, purpose);
        String phone = Fixtures.phone();
        Api.Response granted = fx.event(phone, purpose, "sms", "GRANT", first,
                Instant.now().minusSeconds(120).truncatedTo(ChronoUnit.SECONDS));
        assertThat(granted.status()).isEqualTo(201);
        String version = Fixtures.unique("v-console");
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("version", version);
        form.put("locale", "zh-CN");
        form.put("title", "隐私政策");
        form.put("body", "我们如何处理您的个人信息……\n新增：我们将使用您的位置信息。");
        form.put("handlerName", "示例零售有限公司");
        form.put("handlerContact", "privacy@example.cn");
        form.put("officerContact", "dpo@example.cn");
        form.put("purposes", List.of(purpose));
        form.put("methods", "收集、存储、使用、共享");
        form.put("dataCategories", "phone, precise_location");
        form.put("retention", "3 年");
        form.put("rights", "在隐私设置中行使权利");
        form.put("material", "true");
        form.put("effectiveAt", "");

        ConsoleClient.Page preview = dpo.post("/admin/notices/preview", form);
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.body()).contains("data-warning=\"material\"").contains("data-diff")
                .contains("data-field=\"body\"").contains("+ 新增：我们将使用您的位置信息。")
                .contains("data-field=\"dataCategories\"").contains("+ precise_location")
                .contains("1 项有效同意")
                .contains("data-action=\"publish-notice\"");
        assertThat(catalog.snapshot().notice(version)).as("a preview publishes nothing").isEmpty();

        form.put("material", "false");
        assertThat(dpo.post("/admin/notices/preview", form).body()).contains("data-warning=\"looks-material\"");

        form.put("material", "true");
        ConsoleClient.Page published = dpo.post("/admin/notices", form);
        assertThat(published.status()).as(published.body()).isEqualTo(302);
        assertThat(catalog.snapshot().notice(version)).hasValueSatisfying(n -> assertThat(n.material()).isTrue());
        assertThat(fx.decision(phone, purpose, "sms")).as("re-consent follows a material change")
                .isEqualTo("NOTICE_OUTDATED");
        ConsoleClient.Page shown = dpo.get("/admin/notices/" + version);
        assertThat(shown.body()).contains("data-diff").contains(first);

        ConsoleClient.Page again = dpo.post("/admin/notices", form);
        assertThat(again.status()).isEqualTo(302); // the same content again is the same version, not a change
        form.put("title", "隐私政策（修订）");
        assertThat(dpo.post("/admin/notices", form).body()).as("a published version never changes")
                .contains("data-form-errors");
    }

    @Test
    @DisplayName("PIPL-17a publishing a notice without its required fields shows each problem inline")
    void notice_publish_problems_inline() {
        String purpose = fx.marketingPurpose(365);
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("version", Fixtures.unique("v-incomplete"));
        form.put("locale", "zh-CN");
        form.put("title", "隐私政策");
        form.put("body", "正文");
        form.put("purposes", List.of(purpose));
        form.put("material", "false");
        ConsoleClient.Page page = dpo.post("/admin/notices", form);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("data-form-errors").contains("PIPL-17a").contains("PIPL-52");
    }
}
