package com.consento.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.consento.shared.Sha256;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** PIPL-14a tamper evidence: hash = SHA-256(previous hash, canonical event). */
class HashChainTest {
    private static final RecordedEvent EVENT = new RecordedEvent(33, 1, 2, "sub_1_abcdef01", "marketing", "sms",
            Action.GRANT, "v1", Touchpoint.STORE, 1_764_464_400_000L, 1_764_464_460_000L, "SUBJECT", "actorSealed",
            "evidenceSealed", HashChain.GENESIS, null);

    /** Copies EVENT with one field changed; the record is wide, so each edit names its field. */
    private static RecordedEvent with(String field, Object value) {
        RecordedEvent e = EVENT;
        return new RecordedEvent(
                field.equals("id") ? (Long) value : e.id(),
                field.equals("part") ? (Integer) value : e.part(),
                field.equals("seq") ? (Long) value : e.seq(),
                field.equals("subjectId") ? (String) value : e.subjectId(),
                field.equals("purpose") ? (String) value : e.purpose(),
                field.equals("channel") ? (String) value : e.channel(),
                field.equals("action") ? (Action) value : e.action(),
                field.equals("noticeVersion") ? (String) value : e.noticeVersion(),
                field.equals("touchpoint") ? (Touchpoint) value : e.touchpoint(),
                field.equals("capturedAt") ? (Long) value : e.capturedAt(),
                field.equals("recordedAt") ? (Long) value : e.recordedAt(),
                field.equals("actorType") ? (String) value : e.actorType(),
                field.equals("actorEnc") ? (String) value : e.actorEnc(),
                field.equals("evidenceEnc") ? (String) value : e.evidenceEnc(),
                e.prevHash(), e.hash());
    }

    private static Map<String, Object> oneEditPerField() {
        Map<String, Object> edits = new LinkedHashMap<>();
        edits.put("id", 34L);
        edits.put("part", 2);
        edits.put("seq", 3L);
        edits.put("subjectId", "sub_2_abcdef01");
        edits.put("purpose", "personalization");
        edits.put("channel", "email");
        edits.put("action", Action.WITHDRAW);
        edits.put("noticeVersion", "v2");
        edits.put("touchpoint", Touchpoint.WEB);
        edits.put("capturedAt", EVENT.capturedAt() + 1);
        edits.put("recordedAt", EVENT.recordedAt() + 1);
        edits.put("actorType", "GUARDIAN");
        edits.put("actorEnc", "actorSealeD");
        edits.put("evidenceEnc", "evidenceSealeD");
        return edits;
    }

    @Test
    @DisplayName("PIPL-14a the same event after the same previous hash always hashes the same")
    void the_same_event_hashes_the_same() {
        String once = HashChain.hash(HashChain.GENESIS, EVENT);

        assertThat(once).matches("[0-9a-f]{64}");
        assertThat(HashChain.hash(HashChain.GENESIS, EVENT)).isEqualTo(once);
        assertThat(HashChain.hash(HashChain.GENESIS, with("id", 33L))).isEqualTo(once);
    }

    @Test
    @DisplayName("PIPL-14a changing any single stored field changes the hash")
    void changing_any_single_field_changes_the_hash() {
        String original = HashChain.hash(HashChain.GENESIS, EVENT);
        Set<String> seen = new HashSet<>(Set.of(original));

        oneEditPerField().forEach((field, value) -> {
            String edited = HashChain.hash(HashChain.GENESIS, with(field, value));
            assertThat(edited).as("hash after editing %s", field).isNotEqualTo(original);
            assertThat(seen.add(edited)).as("edit of %s gives a hash of its own", field).isTrue();
        });
        assertThat(oneEditPerField()).as("every canonical field of RecordedEvent is edited above")
                .hasSize(RecordedEvent.class.getRecordComponents().length - 2);
    }

    @Test
    @DisplayName("PIPL-14a dropping the sealed actor or evidence changes the hash")
    void removing_sealed_evidence_changes_the_hash() {
        assertThat(HashChain.hash(HashChain.GENESIS, with("evidenceEnc", null)))
                .isNotEqualTo(HashChain.hash(HashChain.GENESIS, EVENT));
        assertThat(HashChain.hash(HashChain.GENESIS, with("actorEnc", null)))
                .isNotEqualTo(HashChain.hash(HashChain.GENESIS, EVENT));
    }

    @Test
    @DisplayName("PIPL-14a moving text from one field to its neighbour changes the hash (fields are separated)")
    void shifting_text_between_fields_changes_the_hash() {
        // "marketing" + "sms" and "marketings" + "ms" concatenate alike; only the separator tells them apart
        RecordedEvent shifted = new RecordedEvent(EVENT.id(), EVENT.part(), EVENT.seq(), EVENT.subjectId(),
                "marketings", "ms", EVENT.action(), EVENT.noticeVersion(), EVENT.touchpoint(), EVENT.capturedAt(),
                EVENT.recordedAt(), EVENT.actorType(), EVENT.actorEnc(), EVENT.evidenceEnc(), EVENT.prevHash(), null);

        assertThat(HashChain.hash(HashChain.GENESIS, shifted)).isNotEqualTo(HashChain.hash(HashChain.GENESIS, EVENT));
    }

    @Test
    @DisplayName("PIPL-14a chaining uses the previous hash: the same event after another previous hash differs")
    void chaining_uses_the_previous_hash() {
        String first = HashChain.hash(HashChain.GENESIS, EVENT);
        RecordedEvent next = with("seq", 3L);
        String second = HashChain.hash(first, next);

        assertThat(second).isNotEqualTo(HashChain.hash(HashChain.GENESIS, next));
        assertThat(second).isEqualTo(Sha256.hex(first + '\u001f' + HashChain.canonical(next)));
        assertThat(HashChain.GENESIS).hasSize(64).matches("0+");
    }

    @Test
    @DisplayName("PIPL-14a editing an early event breaks every later link of the chain")
    void editing_an_early_event_breaks_the_rest_of_the_chain() {
        UnaryOperator<String> chainOfThree = firstPurpose -> {
            String h = HashChain.hash(HashChain.GENESIS, with("purpose", firstPurpose));
            h = HashChain.hash(h, with("seq", 3L));
            return HashChain.hash(h, with("seq", 4L));
        };

        assertThat(chainOfThree.apply("marketing")).isNotEqualTo(chainOfThree.apply("marketinG"));
    }

    @Test
    @DisplayName("the withHash helper seals exactly what HashChain computes")
    void with_hash_stores_the_chain_hash() {
        RecordedEvent sealed = LedgerService.withHash(EVENT);

        assertThat(sealed.hash()).isEqualTo(HashChain.hash(EVENT.prevHash(), EVENT));
        assertThat(sealed).usingRecursiveComparison().ignoringFields("hash").isEqualTo(EVENT);
    }
}
