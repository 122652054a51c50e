package com.consento.ledger;

import com.consento.catalog.Catalog;
import com.consento.catalog.CatalogService;
import com.consento.catalog.Notice;
import com.consento.catalog.Purpose;
import com.consento.shared.NotFound;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Consent receipts with the fields of ISO/IEC TS 27560 and the Kantara Consent Receipt, signed on request:
 * the event and its hash are immutable, so the same receipt can be produced and checked at any time.
 */
@Service
public class ReceiptService {
    private final LedgerStore store;
    private final CatalogService catalog;
    private final ReceiptSigner signer;

    ReceiptService(LedgerStore store, CatalogService catalog, ReceiptSigner signer) {
        this.store = store;
        this.catalog = catalog;
        this.signer = signer;
    }

    public record SignedReceipt(String receiptId, String eventId, Map<String, Object> receipt, String jws,
                                Map<String, Object> publicKey) {
    }

    public SignedReceipt receipt(String receiptId) {
        long eventId = ReceiptIds.eventId(receiptId);
        RecordedEvent e = (eventId < 0 ? null : store.event(eventId).orElse(null));
        if (e == null) {
            throw new NotFound("no receipt " + receiptId);
        }
        Map<String, Object> claims = claims(e, catalog.snapshot());
        return new SignedReceipt(receiptId, Long.toString(e.id()), claims, signer.sign(claims), signer.publicJwk());
    }

    public Map<String, Object> publicKey() {
        return signer.publicJwk();
    }

    static Map<String, Object> claims(RecordedEvent e, Catalog catalog) {
        Purpose purpose = catalog.purpose(e.purpose()).orElse(null);
        Notice notice = e.noticeVersion() == null ? null : catalog.notice(e.noticeVersion()).orElse(null);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("version", "ISO/IEC TS 27560:2023; Kantara CR v1.1");
        c.put("jurisdiction", "CN");
        c.put("consentReceiptID", e.receiptId());
        c.put("consentTimestamp", Instant.ofEpochMilli(e.capturedAt()).toString());
        c.put("recordedTimestamp", Instant.ofEpochMilli(e.recordedAt()).toString());
        c.put("collectionMethod", e.touchpoint().name());
        c.put("piiPrincipalId", e.subjectId());
        c.put("actor", e.actorType());
        c.put("language", notice == null ? "zh-CN" : notice.locale());
        if (notice != null) {
            c.put("piiControllers", List.of(Map.of("piiController", notice.handler().name(),
                    "contact", notice.handler().contact())));
            c.put("policyUrl", notice.url() != null ? notice.url() : "/api/v1/notices/" + notice.version());
            c.put("noticeVersion", notice.version());
            c.put("noticeSha256", notice.contentSha256());
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("purpose", e.purpose());
        p.put("channel", e.channel().isEmpty() ? null : e.channel());
        p.put("consentType", "EXPLICIT");
        p.put("action", e.action().name());
        if (purpose != null) {
            p.put("purposeName", purpose.name());
            p.put("legalBasis", purpose.legalBasis().name());
            p.put("piiCategory", purpose.dataCategories());
            p.put("termination", purpose.validityDays() == 0 ? "until withdrawn" : purpose.validityDays() + " days");
            p.put("thirdPartyDisclosure", purpose.providesToThirdParty());
            p.put("thirdPartyName", purpose.recipients());
            c.put("sensitive", purpose.sensitive());
        }
        c.put("services", List.of(Map.of("service", "consento", "purposes", List.of(p))));
        c.put("eventId", Long.toString(e.id()));
        c.put("ledgerPartition", e.part());
        c.put("prevHash", e.prevHash());
        c.put("hash", e.hash());
        return c;
    }
}
