package com.consento.catalog;

import com.consento.shared.Conflict;
import com.consento.shared.NotFound;
import com.consento.shared.Problems;
import com.consento.shared.Sha256;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** The catalog's API: define purposes, publish notices, and read the current snapshot without locking. */
@Service
public class CatalogService {
    private final CatalogStore store;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final List<Consumer<Catalog>> listeners = new CopyOnWriteArrayList<>();
    private volatile Catalog snapshot;

    CatalogService(CatalogStore store, TransactionTemplate tx, Clock clock) {
        this.store = store;
        this.tx = tx;
        this.clock = clock;
        reload();
    }

    public Catalog snapshot() {
        return snapshot;
    }

    /** Called with every new snapshot, e.g. by indexes that cache purpose terms. */
    public void onChange(Consumer<Catalog> listener) {
        listeners.add(listener);
    }

    /** Creates or replaces a purpose; returns true when it was created. */
    public synchronized boolean putPurpose(Purpose purpose) {
        Problems problems = new Problems();
        PurposeRules.check(purpose, problems);
        problems.throwIfAny("invalid-purpose");
        boolean created = Boolean.TRUE.equals(tx.execute(s -> store.savePurpose(purpose, clock.millis())));
        reload();
        return created;
    }

    /**
     * Publishes a notice. Publishing is final (PIPL-17b): re-publishing the same content is a no-op, other
     * content under a used version is a conflict.
     */
    public synchronized Notice publish(Notice draft) {
        Problems problems = new Problems();
        NoticeRules.check(draft, snapshot.purposes(), problems);
        problems.throwIfAny("invalid-notice");
        String sha = contentHash(draft);
        var existing = snapshot.notice(draft.version());
        if (existing.isPresent()) {
            if (existing.get().contentSha256().equals(sha)) {
                return existing.get();
            }
            throw new Conflict("notice-immutable", "notice version '" + draft.version()
                    + "' is already published and cannot change; publish a new version");
        }
        Instant now = clock.instant();
        Notice published = tx.execute(s -> {
            long seq = store.nextNoticeSequence();
            Notice n = new Notice(draft.version(), seq, draft.locale(), draft.title(), draft.body(), draft.url(),
                    draft.handler(), draft.officerContact(), draft.purposes(), draft.methods(), draft.dataCategories(),
                    draft.retention(), draft.rights(), draft.material(),
                    draft.effectiveAt() == null ? now : draft.effectiveAt(), now, sha);
            store.insertNotice(n);
            return n;
        });
        reload();
        return published;
    }

    public Notice notice(String version) {
        return snapshot.notice(version).orElseThrow(() -> new NotFound("no published notice version '" + version + "'"));
    }

    private void reload() {
        Catalog next = new Catalog(store.purposes(), store.notices());
        snapshot = next;
        listeners.forEach(l -> l.accept(next));
    }

    /** SHA-256 over everything a person reads, so the hash proves which text was shown. */
    static String contentHash(Notice n) {
        String content = String.join("\u001f", n.version(), n.locale(), n.title(), nz(n.body()), nz(n.url()),
                n.handler() == null ? "" : nz(n.handler().name()) + "\u001e" + nz(n.handler().contact()),
                nz(n.officerContact()), String.join(",", n.purposes()), nz(n.methods()),
                String.join(",", n.dataCategories()), nz(n.retention()), nz(n.rights()), String.valueOf(n.material()),
                n.effectiveAt() == null ? "" : n.effectiveAt().toString());
        return Sha256.hex(content);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
