package com.consento.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.consento.catalog.Catalog;
import com.consento.catalog.LegalBasis;
import com.consento.catalog.Notice;
import com.consento.catalog.Purpose;
import com.consento.identity.IdentifierType;
import com.consento.identity.RawIdentifier;
import com.consento.shared.Channel;
import com.consento.shared.FieldProblem;
import com.consento.shared.Problems;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The batch rules of POST /api/v1/consent-events, checked before anything is written. */
class EventValidatorTest {
    private static final Instant NOW = Instant.parse("2026-11-30T01:00:00Z");
    private static final long now = NOW.toEpochMilli();
    private static final Catalog CATALOG = catalog();

    private static Purpose purpose(String code, LegalBasis basis, Set<Channel> channels, boolean separate,
                                   boolean sensitive, List<String> recipients) {
        return new Purpose(code, Map.of("zh-CN", code), Map.of(), basis, channels, separate, sensitive, false, false,
                0, 365, List.of("phone"), recipients, separate ? "PIA-2026-01" : null, null);
    }

    private static Catalog catalog() {
        Map<String, Purpose> purposes = new LinkedHashMap<>();
        purposes.put("marketing", purpose("marketing", LegalBasis.CONSENT, Set.of(Channel.SMS, Channel.EMAIL), false,
                false, List.of()));
        purposes.put("personalization", purpose("personalization", LegalBasis.CONSENT, Set.of(), false, false,
                List.of()));
        purposes.put("order_fulfilment", purpose("order_fulfilment", LegalBasis.CONTRACT, Set.of(), false, false,
                List.of()));
        purposes.put("share.brandx", purpose("share.brandx", LegalBasis.CONSENT, Set.of(), true, false,
                List.of("Brand X Ltd")));
        purposes.put("ads.wechat", purpose("ads.wechat", LegalBasis.CONSENT, Set.of(), true, false, List.of()));
        purposes.put("location", purpose("location", LegalBasis.CONSENT, Set.of(), true, true, List.of()));
        Notice.Handler handler = new Notice.Handler("示例零售有限公司", "privacy@example.cn");
        Notice v1 = new Notice("v1", 1, "zh-CN", "隐私政策", "正文", null, handler, "dpo@example.cn",
                List.of("marketing", "personalization", "order_fulfilment", "share.brandx", "ads.wechat", "location"),
                "收集、存储、使用", List.of("phone"), "3 years", "preference centre", false, NOW.minusSeconds(86_400),
                NOW.minusSeconds(86_400), "sha1");
        Notice v2 = new Notice("v2", 2, "zh-CN", "隐私政策", "正文", null, handler, "dpo@example.cn",
                List.of("personalization"), "收集、存储、使用", List.of("purchase_history"), "1 year",
                "preference centre", false, NOW.minusSeconds(3600), NOW.minusSeconds(3600), "sha2");
        return new Catalog(purposes, List.of(v1, v2));
    }

    /** A consent event as a channel would send it; each test changes what it is about. */
    private static final class Event {
        ConsentEventBody.SubjectRef subject = new ConsentEventBody.SubjectRef("sub_1_abcdef01", null);
        String purpose = "marketing";
        String channel = "sms";
        String action = "GRANT";
        String noticeVersion = "v1";
        String touchpoint = "WEB";
        String capturedAt = NOW.minusSeconds(60).toString();
        ConsentEventBody.ActorBody actor;
        Map<String, Object> evidence = Map.of("ip", "203.0.113.7", "uiTextSha256", "ab12");

        Event purpose(String p, String c) {
            purpose = p;
            channel = c;
            return this;
        }

        Event action(String a) {
            action = a;
            return this;
        }

        Event notice(String v) {
            noticeVersion = v;
            return this;
        }

        Event touchpoint(String t) {
            touchpoint = t;
            return this;
        }

        Event capturedAt(String t) {
            capturedAt = t;
            return this;
        }

        Event capturedAt(Instant t) {
            return capturedAt(t.toString());
        }

        Event subject(String id) {
            subject = new ConsentEventBody.SubjectRef(id, null);
            return this;
        }

        Event phone(String phone) {
            subject = new ConsentEventBody.SubjectRef(null, List.of(new RawIdentifier("phone", phone)));
            return this;
        }

        Event actor(String type, List<RawIdentifier> identifiers, String relationship) {
            actor = new ConsentEventBody.ActorBody(type, identifiers, relationship);
            return this;
        }

        Event evidence(Map<String, Object> e) {
            evidence = e;
            return this;
        }

        ConsentEventBody body() {
            return new ConsentEventBody(subject, purpose, channel, action, noticeVersion, touchpoint, capturedAt,
                    actor, evidence);
        }
    }

    private static Event event() {
        return new Event();
    }

    private record Outcome(List<ValidEvent> valid, List<FieldProblem> problems) {
        List<String> pointers() {
            return problems.stream().map(FieldProblem::pointer).toList();
        }
    }

    private static Outcome validate(Event... events) {
        List<ConsentEventBody> bodies = new ArrayList<>();
        for (Event e : events) {
            bodies.add(e.body());
        }
        return validate(bodies);
    }

    private static Outcome validate(List<ConsentEventBody> bodies) {
        Problems problems = new Problems();
        List<ValidEvent> valid = EventValidator.validate(bodies, CATALOG, now, problems);
        return new Outcome(valid, problems.list());
    }

    @Test
    @DisplayName("PIPL-14a a complete grant passes and keeps its evidence, notice sequence and capture time")
    void a_complete_grant_passes() {
        Outcome o = validate(event());

        assertThat(o.problems()).isEmpty();
        ValidEvent v = o.valid().get(0);
        assertThat(v.subjectId()).isEqualTo("sub_1_abcdef01");
        assertThat(v.purpose()).isEqualTo("marketing");
        assertThat(v.channel()).isEqualTo("sms");
        assertThat(v.action()).isEqualTo(Action.GRANT);
        assertThat(v.noticeSequence()).isEqualTo(1);
        assertThat(v.touchpoint()).isEqualTo(Touchpoint.WEB);
        assertThat(v.capturedAt()).isEqualTo(now - 60_000);
        assertThat(v.actorType()).isEqualTo("SUBJECT");
        assertThat(v.evidence()).containsEntry("ip", "203.0.113.7").containsEntry("uiTextSha256", "ab12");
    }

    @Test
    @DisplayName("PIPL-14a a GRANT without a notice version is rejected")
    void a_grant_without_notice_version_is_rejected() {
        Outcome o = validate(event().notice(null));

        assertThat(o.pointers()).containsExactly("/events/0/noticeVersion");
        assertThat(o.problems().get(0).detail()).contains("PIPL-14a");
        assertThat(o.valid()).isEmpty();
    }

    @Test
    @DisplayName("PIPL-15a a withdrawal needs no notice version: withdrawing is never harder than granting")
    void a_withdrawal_needs_no_notice_version() {
        Outcome o = validate(event().action("WITHDRAW").notice(null), event().action("DENY").notice(""));

        assertThat(o.problems()).isEmpty();
        assertThat(o.valid()).extracting(ValidEvent::noticeSequence).containsExactly(0L, 0L);
    }

    @Test
    @DisplayName("PIPL-17a a grant citing an unpublished notice version is rejected")
    void an_unpublished_notice_version_is_rejected() {
        Outcome o = validate(event().notice("v9"));

        assertThat(o.pointers()).containsExactly("/events/0/noticeVersion");
        assertThat(o.problems().get(0).detail()).contains("not published");
    }

    @Test
    @DisplayName("PIPL-14a a grant citing a notice that does not list its purpose is rejected")
    void a_notice_that_does_not_list_the_purpose_is_rejected() {
        Outcome o = validate(event().notice("v2"));

        assertThat(o.pointers()).containsExactly("/events/0/noticeVersion");
        assertThat(o.problems().get(0).detail()).contains("does not list purpose 'marketing'");
        assertThat(validate(event().purpose("personalization", null).notice("v2")).problems()).isEmpty();
    }

    @Test
    @DisplayName("capturedAt more than 5 minutes in the future is rejected")
    void captured_more_than_five_minutes_ahead_is_rejected() {
        Outcome o = validate(event().capturedAt(NOW.plusSeconds(300).plusMillis(1)));

        assertThat(o.pointers()).containsExactly("/events/0/capturedAt");
    }

    @Test
    @DisplayName("capturedAt exactly 5 minutes in the future is accepted (clock skew)")
    void captured_exactly_five_minutes_ahead_is_accepted() {
        Outcome o = validate(event().capturedAt(NOW.plusSeconds(300)));

        assertThat(o.problems()).isEmpty();
        assertThat(o.valid().get(0).capturedAt()).isEqualTo(now + 300_000);
    }

    @Test
    @DisplayName("an offline batch captured a week ago is accepted and keeps its capture time")
    void an_old_offline_capture_is_accepted() {
        Instant lastWeek = NOW.minusSeconds(7 * 86_400);
        Outcome o = validate(event().touchpoint("STORE").capturedAt(lastWeek));

        assertThat(o.problems()).isEmpty();
        assertThat(o.valid().get(0).capturedAt()).isEqualTo(lastWeek.toEpochMilli());
    }

    @Test
    @DisplayName("a missing or malformed capturedAt is rejected")
    void a_missing_or_malformed_capture_time_is_rejected() {
        Outcome o = validate(event().capturedAt((String) null), event().capturedAt("2026-11-30 01:00"),
                event().capturedAt("yesterday"));

        assertThat(o.pointers()).containsExactly("/events/0/capturedAt", "/events/1/capturedAt",
                "/events/2/capturedAt");
    }

    @Test
    @DisplayName("PIPL-14a a GUARDIAN actor without identifiers is rejected")
    void a_guardian_without_identifiers_is_rejected() {
        Outcome o = validate(event().actor("GUARDIAN", null, "parent"));

        assertThat(o.pointers()).containsExactly("/events/0/actor/identifiers");
    }

    @Test
    @DisplayName("PIPL-14a a GUARDIAN actor without a relationship is rejected")
    void a_guardian_without_relationship_is_rejected() {
        Outcome o = validate(event().actor("GUARDIAN", List.of(new RawIdentifier("phone", "13800138000")), " "));

        assertThat(o.pointers()).containsExactly("/events/0/actor/relationship");
    }

    @Test
    @DisplayName("PIPL-31a a GUARDIAN actor with identifiers and a relationship is accepted and recorded")
    void a_guardian_with_identifiers_and_relationship_is_accepted() {
        Outcome o = validate(event().actor("GUARDIAN", List.of(new RawIdentifier("phone", "13800138000")), "parent"));

        assertThat(o.problems()).isEmpty();
        ValidEvent v = o.valid().get(0);
        assertThat(v.actorType()).isEqualTo("GUARDIAN");
        assertThat(v.guardian().relationship()).isEqualTo("parent");
        assertThat(v.guardian().identifiers()).singleElement()
                .satisfies(i -> assertThat(i.value()).isEqualTo("+8613800138000"));
    }

    @Test
    @DisplayName("PIPL-14a an actor that is neither the subject nor a guardian is rejected")
    void an_actor_neither_subject_nor_guardian_is_rejected() {
        Outcome o = validate(event().actor("STAFF", List.of(new RawIdentifier("member", "S-01")), "clerk"));

        assertThat(o.pointers()).containsExactly("/events/0/actor/type");
        assertThat(validate(event().actor("SUBJECT", null, null)).problems()).isEmpty();
    }

    @Test
    @DisplayName("NDSR-22d an unknown channel is rejected")
    void an_unknown_channel_is_rejected() {
        Outcome o = validate(event().purpose("marketing", "fax"));

        assertThat(o.pointers()).containsExactly("/events/0/channel");
        assertThat(o.problems().get(0).detail()).contains("unknown channel 'fax'");
    }

    @Test
    @DisplayName("NDSR-22d a channel the purpose does not apply to is rejected")
    void a_channel_not_of_the_purpose_is_rejected() {
        assertThat(validate(event().purpose("marketing", "wechat")).pointers()).containsExactly("/events/0/channel");
        assertThat(validate(event().purpose("personalization", "sms")).pointers())
                .as("a purpose without channels").containsExactly("/events/0/channel");
    }

    @Test
    @DisplayName("NDSR-22d a per-channel purpose without a channel is rejected")
    void a_per_channel_purpose_without_channel_is_rejected() {
        Outcome o = validate(event().purpose("marketing", null), event().purpose("marketing", " "));

        assertThat(o.pointers()).containsExactly("/events/0/channel", "/events/1/channel");
        assertThat(o.problems().get(0).detail()).contains("[email, sms]");
    }

    @Test
    @DisplayName("channel codes are read in any case and stored in lower case")
    void channel_codes_are_normalised() {
        Outcome o = validate(event().purpose("marketing", "SMS"));

        assertThat(o.problems()).isEmpty();
        assertThat(o.valid().get(0).channel()).isEqualTo("sms");
    }

    @Test
    @DisplayName("SEP-0 two separate-consent purposes granted in one act are rejected")
    void two_separate_consent_purposes_in_one_act_are_rejected() {
        Outcome o = validate(event().purpose("share.brandx", null), event().purpose("ads.wechat", null));

        assertThat(o.pointers()).containsExactlyInAnyOrder("/events/0/purpose", "/events/1/purpose");
        assertThat(o.problems()).allSatisfy(p -> assertThat(p.detail()).contains("SEP-0"));
        assertThat(o.valid()).isEmpty();
    }

    @Test
    @DisplayName("SEP-0 the same two separate-consent purposes granted at different times pass")
    void the_same_two_at_different_times_pass() {
        Outcome o = validate(event().purpose("share.brandx", null),
                event().purpose("ads.wechat", null).capturedAt(NOW.minusSeconds(59)));

        assertThat(o.problems()).isEmpty();
        assertThat(o.valid()).hasSize(2);
    }

    @Test
    @DisplayName("SEP-0 separate-consent grants of different subjects, or at different touchpoints, are different acts")
    void different_subjects_or_touchpoints_are_different_acts() {
        assertThat(validate(event().purpose("share.brandx", null),
                event().purpose("ads.wechat", null).subject("sub_2_abcdef02")).problems()).isEmpty();
        assertThat(validate(event().purpose("share.brandx", null),
                event().purpose("location", null).touchpoint("APP")).problems()).isEmpty();
    }

    @Test
    @DisplayName("SEP-0 two shoppers named by phone numbers that mask alike are still different acts")
    void shoppers_whose_phones_mask_alike_are_different_acts() {
        // +8613912345678 and +8613900005678 both mask to "+86 139****5678"; a store import granting one of them
        // share.brandx and the other ads.wechat at the same minute is two acts by two people.
        Outcome o = validate(
                event().phone("+8613912345678").purpose("share.brandx", null).touchpoint("IMPORT"),
                event().phone("+8613900005678").purpose("ads.wechat", null).touchpoint("IMPORT"));

        assertThat(o.problems()).isEmpty();
    }

    @Test
    @DisplayName("SEP-0 BUNDLE-1 one separate-consent purpose beside ordinary purposes in one act passes")
    void one_separate_beside_ordinary_purposes_passes() {
        Outcome o = validate(event().purpose("share.brandx", null), event().purpose("marketing", "sms"),
                event().purpose("personalization", null));

        assertThat(o.problems()).isEmpty();
    }

    @Test
    @DisplayName("PIPL-15a withdrawing several separate-consent purposes in one act passes")
    void withdrawing_several_separate_consent_purposes_at_once_passes() {
        Outcome o = validate(event().purpose("share.brandx", null).action("WITHDRAW"),
                event().purpose("ads.wechat", null).action("WITHDRAW"),
                event().purpose("location", null).action("WITHDRAW"));

        assertThat(o.problems()).isEmpty();
    }

    @Test
    @DisplayName("PIPL-13a granting a purpose that rests on contract is rejected: there is nothing to grant")
    void granting_a_contract_purpose_is_rejected() {
        Outcome o = validate(event().purpose("order_fulfilment", null));

        assertThat(o.pointers()).containsExactly("/events/0/purpose");
        assertThat(o.problems().get(0).detail()).contains("PIPL-13a");
    }

    @Test
    @DisplayName("NDSR-22d an unknown purpose, action or touchpoint is rejected where it is")
    void unknown_purpose_action_or_touchpoint_is_rejected() {
        Outcome o = validate(event().purpose("nope", null), event().action("REVOKE"), event().touchpoint("KIOSK"),
                event().action(null));

        assertThat(o.pointers()).contains("/events/0/purpose", "/events/1/action", "/events/2/touchpoint",
                "/events/3/action");
    }

    @Test
    @DisplayName("the subject is named by id or by identifiers; a bad identifier is reported where it is")
    void the_subject_is_named_and_checked() {
        Outcome o = validate(event().subject(null), event().phone("12345"));

        assertThat(o.pointers()).containsExactly("/events/0/subject", "/events/1/subject/identifiers/0/value");
        Outcome ok = validate(event().phone("+86 138-0013-8000"));
        assertThat(ok.problems()).isEmpty();
        assertThat(ok.valid().get(0).identifiers()).singleElement()
                .satisfies(i -> assertThat(i.type()).isEqualTo(IdentifierType.PHONE));
    }

    @Test
    @DisplayName("evidence values are bounded in length and number")
    void evidence_is_bounded() {
        Outcome tooLong = validate(event().evidence(Map.of("userAgent", "x".repeat(2001))));
        Map<String, Object> many = new LinkedHashMap<>();
        for (int i = 0; i < 33; i++) {
            many.put("k" + i, i);
        }
        Outcome tooMany = validate(event().evidence(many));

        assertThat(tooLong.pointers()).containsExactly("/events/0/evidence/userAgent");
        assertThat(tooMany.pointers()).containsExactly("/events/0/evidence");
        assertThat(validate(event().evidence(null)).problems()).isEmpty();
    }

    @Test
    @DisplayName("a batch of 1001 events is rejected; 1000 pass")
    void a_batch_of_1001_is_rejected() {
        List<ConsentEventBody> thousand = Collections.nCopies(1000, event().body());
        List<ConsentEventBody> oneMore = new ArrayList<>(thousand);
        oneMore.add(event().body());

        Outcome rejected = validate(oneMore);
        assertThat(rejected.pointers()).containsExactly("/events");
        assertThat(rejected.problems().get(0).detail()).contains("1001");
        assertThat(validate(thousand).problems()).isEmpty();
    }

    @Test
    @DisplayName("an empty batch is rejected")
    void an_empty_batch_is_rejected() {
        assertThat(validate(List.of()).pointers()).containsExactly("/events");
        assertThat(validate((List<ConsentEventBody>) null).pointers()).containsExactly("/events");
    }

    @Test
    @DisplayName("every problem carries a JSON pointer into the batch, e.g. /events/3/capturedAt")
    void every_problem_has_a_json_pointer() {
        Outcome o = validate(event(), event(), event().purpose("marketing", "fax"),
                event().capturedAt(NOW.plusSeconds(3600)),
                event().notice(null).actor("GUARDIAN", null, null).evidence(Map.of("ua", "x".repeat(3000))));

        assertThat(o.pointers()).contains("/events/2/channel", "/events/3/capturedAt", "/events/4/noticeVersion",
                "/events/4/actor/identifiers", "/events/4/actor/relationship", "/events/4/evidence/ua");
        assertThat(o.pointers()).allSatisfy(p -> assertThat(p).matches("/events(/\\d+(/[A-Za-z0-9_.]+)*)?"));
        assertThat(o.problems()).allSatisfy(p -> assertThat(p.detail()).isNotBlank());
        assertThat(o.valid()).as("all or nothing").isEmpty();
    }
}
