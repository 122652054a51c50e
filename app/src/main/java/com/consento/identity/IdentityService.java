package com.consento.identity;

import com.consento.shared.Conflict;
import com.consento.shared.InvalidRequest;
import com.consento.shared.NotFound;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Service;

/**
 * The identity API: find a subject by id or identifier (from memory), create subjects and link identifiers
 * (inside the caller's transaction; memory follows on commit).
 */
@Service
public class IdentityService implements SmartInitializingSingleton {
    private final IdentityStore store;
    private final KeyVault vault;
    private final SubjectIds ids;
    private final SubjectKeys keys;
    private final SubjectDirectory directory;
    private final Clock clock;
    private final org.springframework.beans.factory.ObjectProvider<SubjectChangeListener> changeListeners;

    IdentityService(IdentityStore store, KeyVault vault, SubjectIds ids, SubjectKeys keys, SubjectDirectory directory,
                    Clock clock, org.springframework.beans.factory.ObjectProvider<SubjectChangeListener> changeListeners) {
        this.store = store;
        this.vault = vault;
        this.ids = ids;
        this.keys = keys;
        this.directory = directory;
        this.clock = clock;
        this.changeListeners = changeListeners;
    }

    /** Within the caller's transaction: tells downstream listeners (the outbox) what changed. */
    public void announce(String type, String subjectId, java.util.Map<String, Object> payload) {
        changeListeners.forEach(l -> l.subjectChanged(type, subjectId, payload));
    }

    public SubjectDirectory directory() {
        return directory;
    }

    public String idOf(int index) {
        return ids.format(index);
    }

    /** The slot of a subject id as issued here, or -1. Does not say whether the subject still exists. */
    public int indexOf(String subjectId) {
        long idx = ids.parse(subjectId);
        return idx < 0 || idx > Integer.MAX_VALUE ? -1 : (int) idx;
    }

    /**
     * Resolves {@code sub_…} or {@code type:value} (e.g. {@code phone:+8613800138000}) from memory, following
     * merges; -1 when nobody matches. Malformed references are unknown subjects, not errors.
     */
    public int resolve(String reference) {
        if (reference == null) {
            return -1;
        }
        int index = indexOf(reference);
        if (index < 0) {
            int colon = reference.indexOf(':');
            if (colon <= 0) {
                return -1;
            }
            IdentifierType type = IdentifierType.ofCode(reference.substring(0, colon));
            if (type == null) {
                return -1;
            }
            try {
                index = directory.byLookupHash(lookupHash(IdentifierNormaliser.normalise(type,
                        reference.substring(colon + 1))));
            } catch (IllegalArgumentException e) {
                return -1;
            }
        }
        return index < 0 || directory.status(index) == SubjectDirectory.UNKNOWN ? -1 : directory.survivor(index);
    }

    public String lookupHash(Identifier identifier) {
        return vault.lookupHash(identifier.type().code(), identifier.value());
    }

    public Optional<String> lookup(Identifier identifier) {
        int index = directory.byLookupHash(lookupHash(identifier));
        if (index < 0 || directory.status(index) != SubjectDirectory.ACTIVE) {
            index = index < 0 ? -1 : directory.survivor(index);
        }
        return index < 0 || directory.status(index) != SubjectDirectory.ACTIVE ? Optional.empty()
                : Optional.of(ids.format(index));
    }

    /** The id of an existing, active subject, or a 404/410-style failure naming why. */
    public String requireActive(String subjectId) {
        int index = indexOf(subjectId);
        byte status = directory.status(index);
        if (index < 0 || status == SubjectDirectory.UNKNOWN) {
            throw new NotFound("no subject " + subjectId);
        }
        if (status == SubjectDirectory.ERASED) {
            throw new NotFound("subject " + subjectId + " has been erased");
        }
        return ids.format(directory.survivor(index));
    }

    /**
     * Within the caller's transaction: the one subject these identifiers belong to, created when none does.
     * Identifiers not yet linked are linked to it.
     */
    public String resolveOrCreate(List<Identifier> identifiers) {
        Set<String> owners = new LinkedHashSet<>();
        for (Identifier identifier : identifiers) {
            // the store, not memory: subjects created earlier in this transaction are not in memory yet
            store.subjectByHmac(lookupHash(identifier)).ifPresent(owners::add);
        }
        if (owners.size() > 1) {
            throw new Conflict("identifiers-of-two-subjects", "these identifiers belong to different subjects "
                    + owners + "; merge them first (POST /api/v1/subjects/merge)");
        }
        String subjectId = owners.isEmpty() ? create(null, null) : owners.iterator().next();
        for (Identifier identifier : identifiers) {
            link(subjectId, identifier);
        }
        return subjectId;
    }

    /** Within the caller's transaction: a new subject with its own data key. */
    public String create(String profileEnc, Long adultFrom) {
        long index = store.reserveIndexes(1);
        String id = ids.format(index);
        String wrapped = vault.newWrappedDataKey();
        long now = clock.millis();
        store.insertSubject(id, index, wrapped, profileEnc, adultFrom, now);
        keys.remember(id, wrapped);
        int slot = (int) index;
        AfterCommit.run(() -> directory.put(slot, SubjectDirectory.ACTIVE,
                adultFrom == null ? SubjectDirectory.NO_MINOR : adultFrom.intValue()));
        return id;
    }

    /** Within the caller's transaction: links an identifier no other subject holds. */
    public void link(String subjectId, Identifier identifier) {
        String hash = lookupHash(identifier);
        Optional<String> owner = store.subjectByHmac(hash);
        if (owner.isPresent()) {
            if (owner.get().equals(subjectId)) {
                return;
            }
            throw new Conflict("identifier-taken", identifier.type().code() + " " + identifier.masked()
                    + " belongs to another subject; merge them with POST /api/v1/subjects/merge");
        }
        store.insertIdentifier(hash, subjectId, identifier.type().code(), keys.encrypt(subjectId, identifier.value()),
                clock.millis());
        int index = indexOf(subjectId);
        AfterCommit.run(() -> directory.link(hash, index));
    }

    public List<Identifier> identifiers(String subjectId) {
        return store.identifiers(subjectId).stream()
                .map(r -> new Identifier(IdentifierType.ofCode(r.type()), keys.decrypt(subjectId, r.valueEnc())))
                .filter(i -> i.value() != null).toList();
    }

    /**
     * Within the caller's transaction: crypto-shredding. The data key, identifiers and profile are destroyed,
     * so every sealed copy (ledger evidence, backups) becomes unreadable; the pseudonymous id stays for the
     * ledger's proofs. Returns the number of identifiers removed.
     */
    public int erase(String subjectId) {
        String id = requireActive(subjectId);
        List<String> hashes = store.identifiers(id).stream().map(IdentityStore.IdentifierRow::lookupHmac).toList();
        for (String merged : mergedInto(id)) {
            store.erase(merged, clock.millis());
            keys.forget(merged);
        }
        store.erase(id, clock.millis());
        announce(SubjectChangeListener.ERASED, id, java.util.Map.of());
        int index = indexOf(id);
        AfterCommit.run(() -> {
            hashes.forEach(directory::unlink);
            directory.put(index, SubjectDirectory.ERASED, SubjectDirectory.NO_MINOR);
            keys.forget(id);
        });
        return hashes.size();
    }

    /** Every subject merged into this one, directly or through another merge. */
    public List<String> mergedInto(String survivorId) {
        List<String> all = new java.util.ArrayList<>();
        java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(List.of(survivorId));
        while (!todo.isEmpty()) {
            for (String merged : store.mergedInto(todo.pop())) {
                all.add(merged);
                todo.push(merged);
            }
        }
        return all;
    }

    /**
     * Within the caller's transaction: {@code merged} joins {@code survivor}. Its identifiers move over
     * (re-sealed with the survivor's key), its profile fills what the survivor lacks, and its id keeps
     * resolving to the survivor. Its own key stays, so its past ledger evidence remains readable.
     */
    public void merge(String survivorId, String mergedId) {
        String survivor = requireActive(survivorId);
        String merged = requireActive(mergedId);
        if (survivor.equals(merged)) {
            throw new InvalidRequest("a subject cannot be merged into itself", "/merged");
        }
        List<String> hashes = new java.util.ArrayList<>();
        for (IdentityStore.IdentifierRow row : store.identifiers(merged)) {
            String value = keys.decrypt(merged, row.valueEnc());
            store.moveIdentifier(row.lookupHmac(), survivor, keys.encrypt(survivor, value));
            hashes.add(row.lookupHmac());
        }
        store.markMerged(merged, survivor, clock.millis());
        announce(SubjectChangeListener.MERGED, survivor, java.util.Map.of("survivor", survivor, "merged", merged));
        int from = indexOf(merged);
        int to = indexOf(survivor);
        AfterCommit.run(() -> {
            directory.merge(from, to);
            hashes.forEach(h -> directory.link(h, to));
        });
    }

    /**
     * Within the caller's transaction: corrects an identifier (PIPL-46) — the old one no longer finds the
     * subject, the new one does — and announces the correction without revealing either value.
     */
    public void correct(String subjectId, Identifier old, Identifier replacement) {
        String id = requireActive(subjectId);
        String oldHash = lookupHash(old);
        if (!store.subjectByHmac(oldHash).map(id::equals).orElse(false)) {
            throw new NotFound("subject " + id + " has no such " + old.type().code());
        }
        store.deleteIdentifier(oldHash);
        link(id, replacement);
        AfterCommit.run(() -> directory.unlink(oldHash));
        announce(SubjectChangeListener.CORRECTED, id, java.util.Map.of("identifier", replacement.type().code()));
    }

    /**
     * Re-reads one subject from the database into memory: how another node's change (a new subject, a merge,
     * an erasure, a correction) reaches this node's directory. An unknown id changes nothing.
     */
    public void refreshSubject(String subjectId) {
        int index = indexOf(subjectId);
        if (index < 0) {
            return;
        }
        store.subject(subjectId).ifPresent(row -> {
            byte status = IdentityStore.statusCode(row.status());
            if (status == SubjectDirectory.MERGED && row.mergedInto() != null) {
                directory.merge(index, indexOf(row.mergedInto()));
            } else {
                directory.put(index, status, row.adultFrom() == null ? SubjectDirectory.NO_MINOR
                        : row.adultFrom().intValue());
            }
            if (status == SubjectDirectory.ERASED) {
                keys.forget(subjectId);
            }
            store.identifiers(subjectId).forEach(i -> directory.link(i.lookupHmac(), index));
        });
    }

    /** Parses a wire identifier; the message says what is wrong with it. */
    public static Identifier parse(String type, String value) {
        IdentifierType t = IdentifierType.ofCode(type);
        if (t == null) {
            throw new InvalidRequest("unknown identifier type '" + type + "': member, phone, email, wechat_openid, "
                    + "wechat_unionid, alipay_uid or device", "/type");
        }
        return IdentifierNormaliser.normalise(t, value);
    }

    /** Loads the directory before the server accepts requests. */
    @Override
    public void afterSingletonsInstantiated() {
        store.loadInto(directory);
    }
}
