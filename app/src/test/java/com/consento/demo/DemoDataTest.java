package com.consento.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.consento.catalog.Catalog;
import com.consento.catalog.LegalBasis;
import com.consento.catalog.Notice;
import com.consento.catalog.Purpose;
import com.consento.identity.IdentifierNormaliser;
import com.consento.identity.IdentifierType;
import com.consento.identity.RawIdentifier;
import com.consento.ledger.Action;
import com.consento.ledger.ConsentEventBody;
import com.consento.ledger.Touchpoint;
import com.consento.shared.Channel;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The demo plan is deterministic and obeys the consent model; no Spring context. */
class DemoDataTest {
    private static final Instant NOW = Instant.parse("2026-11-30T01:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static List<DemoCustomer> customers;
    private static DemoPlan plan;
    private static Catalog catalog;

    @BeforeAll
    static void plan() {
        customers = RetailExtract.fromClasspath();
        plan = DemoPlanner.plan(customers, new Random(DemoPlanner.SEED), CLOCK);
        Notice draft = DemoCatalog.notice(NOW.minus(366, ChronoUnit.DAYS));
        Notice published = new Notice(draft.version(), 1, draft.locale(), draft.title(), draft.body(), draft.url(),
                draft.handler(), draft.officerContact(), draft.purposes(), draft.methods(), draft.dataCategories(),
                draft.retention(), draft.rights(), draft.material(), draft.effectiveAt(), NOW, "sha");
        Map<String, Purpose> purposes = new HashMap<>();
        DemoCatalog.purposes().forEach(p -> purposes.put(p.code(), p));
        catalog = new Catalog(purposes, List.of(published));
    }

    @Test
    void extract_holds_about_1500_customers_including_12347() {
        assertTrue(customers.size() >= 1400 && customers.size() <= 1600, "customers: " + customers.size());
        DemoCustomer c = customers.stream().filter(x -> x.id() == 12347).findFirst().orElseThrow();
        assertEquals("Iceland", c.country());
        assertTrue(c.spend() > 4000 && c.invoices() == 7, c.toString());
        assertEquals(List.of("536477", "22041", "RECORD FRAME 7\" SINGLE SIZE ", "48"),
                com.consento.shared.CsvLine.split("536477,22041,\"RECORD FRAME 7\"\" SINGLE SIZE \",48").subList(0, 4));
    }

    @Test
    void same_inputs_give_the_same_plan() {
        DemoPlan again = DemoPlanner.plan(customers, new Random(DemoPlanner.SEED), CLOCK);
        assertEquals(plan, again);
        assertFalse(plan.equals(DemoPlanner.plan(customers, new Random(1), CLOCK)));
    }

    @Test
    @DisplayName("PIPL-13a PIPL-23 PIPL-39 PIPL-55 SEP-0 the catalog passes the purpose rules")
    void catalog_passes_the_purpose_rules() {
        List<Purpose> purposes = DemoCatalog.purposes();
        assertEquals(Set.of("marketing", "personalization", "purchase_history", "browsing_history", "ads.wechat",
                        "share.brand_partner", "cross_border", "location", "order_fulfilment"),
                purposes.stream().map(Purpose::code).collect(Collectors.toSet()));
        for (Purpose p : purposes) {
            assertTrue(p.code().matches("[a-z][a-z0-9_]*(\\.[a-z0-9_\\-]+)?"), p.code());
            assertNotNull(p.legalBasis(), p.code());
            for (String locale : List.of("zh-CN", "en")) {
                assertFalse(p.name().getOrDefault(locale, "").isBlank(), p.code() + " name " + locale);
                assertFalse(p.description().getOrDefault(locale, "").isBlank(), p.code() + " description " + locale);
            }
            assertTrue(p.retentionDays() > 0 && p.validityDays() >= 0, p.code());
            assertFalse(p.dataCategories().isEmpty(), p.code());
            if (p.needsSeparateConsent()) {
                assertTrue(p.separateConsent() && p.piaId() != null && !p.piaId().isBlank(), p.code());
            }
            if (p.code().startsWith("share.")) {
                assertFalse(p.recipients().isEmpty(), p.code());
            }
            if (p.crossBorder()) {
                assertEquals("STANDARD_CONTRACT", p.transferMechanism());
            }
        }
        Purpose marketing = catalog.purpose("marketing").orElseThrow();
        assertEquals(Set.of(Channel.SMS, Channel.EMAIL, Channel.PUSH, Channel.WECHAT), marketing.channels());
        assertEquals(730, marketing.validityDays());
        assertEquals(List.of("Tencent Ads"), catalog.purpose("ads.wechat").orElseThrow().recipients());
        assertTrue(catalog.purpose("location").orElseThrow().sensitive());
        assertEquals(LegalBasis.CONTRACT, catalog.purpose("order_fulfilment").orElseThrow().legalBasis());
        for (String code : List.of("ads.wechat", "share.brand_partner", "cross_border", "location")) {
            assertTrue(catalog.purpose(code).orElseThrow().separateConsent(), code);
        }
    }

    @Test
    @DisplayName("PIPL-17a PIPL-52 the notice states every required field and covers every consent purpose")
    void notice_has_every_pipl_17a_field() {
        Notice n = catalog.notice(DemoCatalog.NOTICE_VERSION).orElseThrow();
        assertEquals("zh-CN", n.locale());
        assertTrue(n.material());
        for (String field : new String[] {n.title(), n.body(), n.handler().name(), n.handler().contact(),
                n.officerContact(), n.methods(), n.retention(), n.rights()}) {
            assertTrue(field != null && !field.isBlank());
        }
        assertFalse(n.dataCategories().isEmpty());
        catalog.purposes().values().stream().filter(Purpose::consentGated)
                .forEach(p -> assertTrue(n.covers(p.code()), p.code()));
    }

    @Test
    @DisplayName("PIPL-14a every event names a known purpose and channel, and every grant cites the notice")
    void every_event_is_valid() {
        Instant earliest = NOW.minus(ConsentHistory.WINDOW_DAYS, ChronoUnit.DAYS);
        Set<String> members = plan.subjects().stream().map(DemoPlan.Subject::member).collect(Collectors.toSet());
        for (ConsentEventBody e : plan.events()) {
            Purpose p = catalog.purpose(e.purpose()).orElseThrow(() -> new AssertionError(e.purpose()));
            assertTrue(p.consentGated(), e.purpose());
            if (p.hasChannels()) {
                assertTrue(p.channels().contains(Channel.ofCode(e.channel())), e.toString());
            } else {
                assertEquals("", e.channel());
            }
            Action.valueOf(e.action());
            Touchpoint.valueOf(e.touchpoint());
            Instant at = Instant.parse(e.capturedAt());
            assertTrue(!at.isBefore(earliest) && at.isBefore(NOW), e.capturedAt());
            assertTrue(members.contains(DemoPlan.memberOf(e)));
            if ("GRANT".equals(e.action())) {
                assertEquals(DemoCatalog.NOTICE_VERSION, e.noticeVersion());
                assertTrue(catalog.notice(e.noticeVersion()).orElseThrow().covers(e.purpose()));
            }
            assertFalse(e.evidence().containsKey("ip"));
            if ("STORE".equals(e.touchpoint())) {
                assertTrue(e.evidence().containsKey("storeId") && e.evidence().containsKey("staffId"));
            }
        }
        for (int i = 1; i < plan.events().size(); i++) {
            assertFalse(Instant.parse(plan.events().get(i).capturedAt())
                    .isBefore(Instant.parse(plan.events().get(i - 1).capturedAt())), "in order of capture");
        }
    }

    @Test
    @DisplayName("SEP-0 no two separate-consent grants of a subject share their capture time")
    void separate_consent_grants_are_separate_acts() {
        Set<String> seen = new HashSet<>();
        for (ConsentEventBody e : plan.events()) {
            if ("GRANT".equals(e.action()) && catalog.purpose(e.purpose()).orElseThrow().separateConsent()) {
                assertTrue(seen.add(DemoPlan.memberOf(e) + "@" + e.capturedAt()), e.toString());
            }
        }
        assertTrue(seen.size() > 300, "separate-consent grants: " + seen.size());
    }

    @Test
    void withdrawals_are_captured_after_their_grant() {
        Map<String, Instant> granted = new HashMap<>();
        int withdrawals = 0;
        for (ConsentEventBody e : plan.events()) {
            String key = DemoPlan.memberOf(e) + "|" + e.purpose() + "|" + e.channel();
            if ("GRANT".equals(e.action())) {
                granted.put(key, Instant.parse(e.capturedAt()));
            } else if ("WITHDRAW".equals(e.action())) {
                withdrawals++;
                assertTrue(granted.containsKey(key) && granted.get(key).isBefore(Instant.parse(e.capturedAt())), key);
            }
        }
        assertTrue(withdrawals > 500, "withdrawals: " + withdrawals);
        assertTrue(plan.events().stream().anyMatch(e -> "DENY".equals(e.action())));
        assertTrue(plan.events().stream().anyMatch(e -> "WITHDRAW".equals(e.action()) && "SMS".equals(e.touchpoint())));
    }

    @Test
    @DisplayName("PIPL-31a minors exist; a guardian acts for some of them, the others granted themselves")
    void minors_and_guardians() {
        LocalDate today = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
        Set<String> minors = plan.subjects().stream().filter(DemoPlan.Subject::minor).map(DemoPlan.Subject::member)
                .collect(Collectors.toSet());
        assertTrue(minors.size() >= 20, "minors: " + minors.size());
        for (DemoPlan.Subject s : plan.subjects()) {
            LocalDate birth = LocalDate.parse((String) s.profile().get("birthDate"));
            int age = birth.until(today).getYears();
            assertTrue(age >= 10 && age <= 75, "age " + age);
            assertEquals(age < 14, s.minor());
        }
        Predicate<ConsentEventBody> byGuardian = e -> "GUARDIAN".equals(e.actor().type());
        List<ConsentEventBody> minorGrants = plan.events().stream()
                .filter(e -> minors.contains(DemoPlan.memberOf(e)) && "GRANT".equals(e.action())).toList();
        assertTrue(minorGrants.stream().anyMatch(byGuardian));
        assertTrue(minorGrants.stream().anyMatch(byGuardian.negate()));
        plan.events().stream().filter(byGuardian).forEach(e -> {
            assertTrue(minors.contains(DemoPlan.memberOf(e)));
            assertEquals("parent", e.actor().relationship());
            IdentifierNormaliser.normalise(IdentifierType.PHONE, e.actor().identifiers().get(0).value());
        });
        assertTrue(plan.events().stream().noneMatch(e -> minors.contains(DemoPlan.memberOf(e))
                && catalog.purpose(e.purpose()).orElseThrow().separateConsent()));
    }

    @Test
    void consent_rates_are_roughly_as_intended() {
        double n = plan.subjects().size();
        assertRate("marketing", "sms", 0.70, n);
        assertRate("marketing", "email", 0.50, n);
        assertRate("personalization", "", 0.60, n);
        assertRate("purchase_history", "", 0.60, n);
        assertRate("browsing_history", "", 0.40, n);
        assertRate("ads.wechat", "", 0.25 * 0.96, n);
        Map<String, Long> touchpoints = plan.events().stream()
                .collect(Collectors.groupingBy(ConsentEventBody::touchpoint, Collectors.counting()));
        for (String t : List.of("WEB", "APP", "MINI_PROGRAM", "STORE", "CALL_CENTER", "SMS", "EMAIL")) {
            assertTrue(touchpoints.getOrDefault(t, 0L) > 50, t + ": " + touchpoints);
        }
    }

    private static void assertRate(String purpose, String channel, double expected, double subjects) {
        long granted = plan.events().stream().filter(e -> "GRANT".equals(e.action()) && purpose.equals(e.purpose())
                && channel.equals(e.channel())).map(DemoPlan::memberOf).distinct().count();
        double rate = granted / subjects;
        assertTrue(Math.abs(rate - expected) < 0.05, purpose + "/" + channel + " granted by " + rate);
    }

    @Test
    void subjects_have_valid_distinct_identifiers_and_a_full_profile() {
        Set<String> values = new HashSet<>();
        Map<String, Long> tiers = new HashMap<>();
        for (DemoPlan.Subject s : plan.subjects()) {
            assertEquals("OR-" + s.customerId(), s.member());
            for (RawIdentifier r : s.identifiers()) {
                var id = IdentifierNormaliser.normalise(IdentifierType.ofCode(r.type()), r.value());
                assertEquals(r.value(), id.value(), "already normalised");
                assertTrue(values.add(r.type() + ":" + id.value()), "duplicate " + r.type());
            }
            assertTrue(s.identifiers().get(1).value().matches("\\+86(139|138|186|158)\\d{8}"));
            assertEquals("customer" + s.customerId() + "@example.com", s.identifiers().get(2).value());
            assertTrue(DemoPeople.CITIES.contains(s.profile().get("city")));
            assertTrue(Set.of("female", "male").contains(s.profile().get("gender")));
            tiers.merge((String) s.profile().get("tier"), 1L, Long::sum);
        }
        assertEquals(Set.of("bronze", "silver", "gold", "platinum"), tiers.keySet());
        assertTrue(tiers.get("platinum") < tiers.get("gold") && tiers.get("gold") < tiers.get("bronze"), tiers.toString());
        assertTrue(plan.subjects().stream().map(s -> s.profile().get("city")).distinct().count() >= 6);
    }
}
