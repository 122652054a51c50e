package com.consento.catalog;

import com.consento.shared.Channel;
import com.consento.shared.Problems;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class CatalogController {
    private final CatalogService catalog;

    CatalogController(CatalogService catalog) {
        this.catalog = catalog;
    }

    record PurposeBody(Map<String, String> name, Map<String, String> description, String legalBasis,
                       List<String> channels, Boolean separateConsent, Boolean sensitive, Boolean crossBorder,
                       Boolean automatedDecisions, Integer validityDays, Integer retentionDays,
                       List<String> dataCategories, List<String> recipients, String piaId, String transferMechanism) {
    }

    record PurposeView(String code, Map<String, String> name, Map<String, String> description, String legalBasis,
                       List<String> channels, boolean separateConsent, boolean sensitive, boolean crossBorder,
                       boolean automatedDecisions, int validityDays, int retentionDays, List<String> dataCategories,
                       List<String> recipients, String piaId, String transferMechanism) {
        static PurposeView of(Purpose p) {
            return new PurposeView(p.code(), p.name(), p.description(), p.legalBasis().name(),
                    p.channels().stream().sorted().map(Channel::code).toList(), p.separateConsent(), p.sensitive(),
                    p.crossBorder(), p.automatedDecisions(), p.validityDays(), p.retentionDays(), p.dataCategories(),
                    p.recipients(), p.piaId(), p.transferMechanism());
        }
    }

    @PutMapping("/purposes/{code}")
    ResponseEntity<PurposeView> putPurpose(@PathVariable String code, @RequestBody PurposeBody body) {
        Purpose purpose = toPurpose(code, body);
        boolean created = catalog.putPurpose(purpose);
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(PurposeView.of(purpose));
    }

    @GetMapping("/purposes")
    Map<String, List<PurposeView>> purposes() {
        return Map.of("purposes", catalog.snapshot().purposes().values().stream()
                .sorted((a, b) -> a.code().compareTo(b.code())).map(PurposeView::of).toList());
    }

    @GetMapping("/purposes/{code}")
    PurposeView purpose(@PathVariable String code) {
        return catalog.snapshot().purpose(code).map(PurposeView::of)
                .orElseThrow(() -> new com.consento.shared.NotFound("no purpose '" + code + "'"));
    }

    record NoticeBody(String version, String locale, String title, String body, String url, Notice.Handler handler,
                      String officerContact, List<String> purposes, String methods, List<String> dataCategories,
                      String retention, String rights, Boolean material, Instant effectiveAt) {
    }

    @PostMapping("/notices")
    ResponseEntity<Notice> publish(@RequestBody NoticeBody b) {
        Problems problems = new Problems();
        problems.require(b.material() != null, "/material",
                "say whether this version changes purposes, methods or data categories (material: true|false)");
        problems.throwIfAny("invalid-notice");
        Notice draft = new Notice(b.version(), 0, b.locale(), b.title(), b.body(), b.url(), b.handler(),
                b.officerContact(), nn(b.purposes()), b.methods(), nn(b.dataCategories()), b.retention(), b.rights(),
                b.material(), b.effectiveAt(), Instant.EPOCH, null);
        boolean existed = catalog.snapshot().notice(b.version() == null ? "" : b.version()).isPresent();
        Notice published = catalog.publish(draft);
        return ResponseEntity.status(existed ? HttpStatus.OK : HttpStatus.CREATED).body(published);
    }

    @GetMapping("/notices")
    Map<String, List<Notice>> notices() {
        return Map.of("notices", catalog.snapshot().notices());
    }

    @GetMapping("/notices/{version}")
    Notice notice(@PathVariable String version) {
        return catalog.notice(version);
    }

    private static Purpose toPurpose(String code, PurposeBody b) {
        Problems problems = new Problems();
        LegalBasis basis = null;
        if (b.legalBasis() != null) {
            try {
                basis = LegalBasis.valueOf(b.legalBasis());
            } catch (IllegalArgumentException e) {
                problems.add("/legalBasis", "unknown legal basis '" + b.legalBasis() + "' (PIPL-13a)");
            }
        }
        Set<Channel> channels = new LinkedHashSet<>();
        List<String> requested = nn(b.channels());
        for (int i = 0; i < requested.size(); i++) {
            Channel c = Channel.ofCode(requested.get(i));
            if (c == null) {
                problems.add("/channels/" + i, "unknown channel '" + requested.get(i)
                        + "': sms, email, push, wechat, phone, mail or in_app");
            } else {
                channels.add(c);
            }
        }
        problems.require(b.validityDays() != null, "/validityDays", "validityDays is required (0 = no expiry)");
        problems.require(b.retentionDays() != null, "/retentionDays", "retentionDays is required (PIPL-19)");
        problems.throwIfAny("invalid-purpose");
        boolean crossBorder = Boolean.TRUE.equals(b.crossBorder()) || code.startsWith("cross_border");
        return new Purpose(code, b.name() == null ? Map.of() : b.name(), b.description(), basis, channels,
                Boolean.TRUE.equals(b.separateConsent()), Boolean.TRUE.equals(b.sensitive()), crossBorder,
                Boolean.TRUE.equals(b.automatedDecisions()), b.validityDays(), b.retentionDays(),
                nn(b.dataCategories()), nn(b.recipients()), b.piaId(), b.transferMechanism());
    }

    private static <T> List<T> nn(List<T> list) {
        return list == null ? new ArrayList<>() : list;
    }
}
