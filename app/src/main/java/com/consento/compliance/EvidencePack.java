package com.consento.compliance;

import com.consento.catalog.CatalogService;
import com.consento.ledger.LedgerExtract;
import com.consento.ledger.LedgerVerifier;
import com.consento.ledger.RecordedEvent;
import com.consento.ledger.ReceiptService;
import com.consento.rights.RequestService;
import com.consento.shared.Zip;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The evidence pack for a period (PIPL-54), one zip: the ledger rows recorded in it exactly as stored (with
 * what is needed to recompute every hash), the verification of the whole ledger, notices, purposes with their
 * impact assessments, rights requests and their handling, purge reports, the receipt key and the rule list.
 */
@Service
public class EvidencePack {
    static final int MAX_EVENTS = 1_000_000;
    private final LedgerExtract ledger;
    private final LedgerVerifier verifier;
    private final ReceiptService receipts;
    private final CatalogService catalog;
    private final RequestService requests;
    private final RetentionService retention;
    private final JsonMapper json;
    private final Clock clock;

    EvidencePack(LedgerExtract ledger, LedgerVerifier verifier, ReceiptService receipts, CatalogService catalog,
                 RequestService requests, RetentionService retention, JsonMapper json, Clock clock) {
        this.ledger = ledger;
        this.verifier = verifier;
        this.receipts = receipts;
        this.catalog = catalog;
        this.requests = requests;
        this.retention = retention;
        this.json = json;
        this.clock = clock;
    }

    public byte[] build(Instant from, Instant to) {
        long f = from.toEpochMilli();
        long t = to.toEpochMilli();
        List<RecordedEvent> events = ledger.recordedBetween(f, t, MAX_EVENTS);
        Map<String, String> files = new LinkedHashMap<>();
        files.put("README.md", readme(from, to, events.size()));
        files.put("ledger-extract.csv", ledgerCsv(events));
        files.put("verification.json", pretty(verifier.verify()));
        files.put("notices.json", pretty(catalog.snapshot().notices()));
        files.put("purposes.json", pretty(catalog.snapshot().purposes().values()));
        files.put("requests.json", pretty(requests.filedBetween(f, t)));
        files.put("purge-reports.json", pretty(retention.reports(f, t)));
        files.put("retention-status.json", pretty(retention.status()));
        files.put("receipt-public-key.json", pretty(receipts.publicKey()));
        files.put("rules.json", pretty(PiplRules.load()));
        files.put("manifest.json", pretty(Map.of("from", from.toString(), "to", to.toString(),
                "generatedAt", clock.instant().toString(), "events", events.size())));
        return Zip.of(files);
    }

    private String pretty(Object value) {
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(value);
    }

    static String ledgerCsv(List<RecordedEvent> events) {
        StringBuilder b = new StringBuilder("id,part,seq,subject_id,purpose,channel,action,notice_version,touchpoint,"
                + "captured_at,recorded_at,actor_type,actor_enc,evidence_enc,prev_hash,hash\r\n");
        for (RecordedEvent e : events) {
            b.append(e.id()).append(',').append(e.part()).append(',').append(e.seq()).append(',')
                    .append(e.subjectId()).append(',').append(e.purpose()).append(',').append(e.channel()).append(',')
                    .append(e.action()).append(',').append(nz(e.noticeVersion())).append(',').append(e.touchpoint())
                    .append(',').append(e.capturedAt()).append(',').append(e.recordedAt()).append(',')
                    .append(e.actorType()).append(',').append(nz(e.actorEnc())).append(',')
                    .append(nz(e.evidenceEnc())).append(',').append(e.prevHash()).append(',').append(e.hash())
                    .append("\r\n");
        }
        return b.toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String readme(Instant from, Instant to, int events) {
        return """
                # Consento evidence pack

                Period: %s to %s (events by the time Consento recorded them). Events: %d.

                ## Files
                - ledger-extract.csv: every consent event recorded in the period, exactly as stored. Personal
                  data (guardian identifiers, evidence such as IP addresses) is sealed with the person's own key
                  (AES-GCM, base64) in actor_enc / evidence_enc; an erased person's data stays sealed for ever.
                - verification.json: the verification of the whole ledger when this pack was made.
                - notices.json, purposes.json: every published notice (with the SHA-256 of its content) and every
                  purpose (legal basis, separate consent, impact assessment id, retention).
                - requests.json: rights requests filed in the period and how each was handled.
                - purge-reports.json, retention-status.json: retention purges that ran, and records past retention.
                - receipt-public-key.json: the public key (JWK, ES256) that signs consent receipts.
                - rules.json: the legal requirements, each with its id.

                ## How to verify the ledger extract yourself
                The ledger is split into partitions (column `part`); each partition is a hash chain ordered by
                `seq`. For every row:

                    canonical = id, part, seq, subject_id, purpose, channel, action, notice_version, touchpoint,
                                captured_at, recorded_at, actor_type, actor_enc, evidence_enc
                                joined by the character U+001F (empty string for an empty field)
                    hash      = lower-case hex SHA-256 of UTF-8( prev_hash + U+001F + canonical )

                Check that `hash` recomputes, and that within a partition each row's `prev_hash` equals the `hash`
                of the row with the previous `seq` (the first row of a partition in the extract links to a row
                before the period; the first row ever links to 64 zeros). In Python:

                    import csv, hashlib
                    rows = list(csv.DictReader(open('ledger-extract.csv', newline='', encoding='utf-8')))
                    cols = ['id','part','seq','subject_id','purpose','channel','action','notice_version','touchpoint',
                            'captured_at','recorded_at','actor_type','actor_enc','evidence_enc']
                    for r in rows:
                        c = '\\x1f'.join(r[k] for k in cols)
                        assert hashlib.sha256((r['prev_hash'] + '\\x1f' + c).encode()).hexdigest() == r['hash'], r['id']

                A receipt (GET /api/v1/receipts/rcpt_<id>) is a JWS that verifies with receipt-public-key.json and
                carries the event's hash.
                """.formatted(from, to, events);
    }
}
