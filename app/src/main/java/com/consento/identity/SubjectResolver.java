package com.consento.identity;

import com.consento.shared.Conflict;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.SecretKey;
import org.springframework.stereotype.Service;

/**
 * Finds or creates the subjects of a whole batch at once: one query for all identifiers, one index reservation
 * for all new subjects, batched inserts. {@link #prepare} does the hashing and key work before the writer
 * lock; {@link #isCurrent} and {@link #commit} run inside the caller's transaction.
 */
@Service
public class SubjectResolver {
    private final IdentityStore store;
    private final IdentityService identity;
    private final KeyVault vault;
    private final SubjectIds ids;
    private final SubjectKeys keys;
    private final SubjectDirectory directory;
    private final Clock clock;

    SubjectResolver(IdentityStore store, IdentityService identity, KeyVault vault, SubjectIds ids, SubjectKeys keys,
                    SubjectDirectory directory, Clock clock) {
        this.store = store;
        this.identity = identity;
        this.vault = vault;
        this.ids = ids;
        this.keys = keys;
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * Entry i names its subject either by {@code ids.get(i)} (an active subject's id) or by
     * {@code people.get(i)}: the one subject those identifiers belong to, or a new one. {@code previous} (may
     * be null) is this batch as prepared before {@link #isCurrent} found it stale: its hashes, and the data keys
     * and ciphertexts of every entry whose subject did not change, are reused, so a redo under the lock costs
     * only what changed.
     */
    public SubjectBatch prepare(List<String> subjectIds, List<List<Identifier>> people, SubjectBatch previous) {
        Map<Identifier, String> hashes = new LinkedHashMap<>();
        people.forEach(list -> {
            if (list != null) {
                list.forEach(i -> hashes.computeIfAbsent(i, x -> previous != null && previous.hashes.containsKey(x)
                        ? previous.hashes.get(x) : identity.lookupHash(x)));
            }
        });
        Map<String, String> stored = store.subjectsByHmac(hashes.values());
        Map<String, String> owners = new HashMap<>(stored);
        List<String> subjects = new ArrayList<>(people.size());
        List<KeyVault.DataKey> fresh = new ArrayList<>();
        Map<String, SecretKey> dataKeys = new HashMap<>();
        java.util.Set<String> reused = new java.util.HashSet<>();
        for (int e = 0; e < people.size(); e++) {
            List<Identifier> person = people.get(e);
            String subject = person == null ? subjectIds.get(e) : ownerOf(person, hashes, owners);
            if (subject == null) {
                // two entries of one batch may name the same new person: the first creates, the rest follow it
                subject = SubjectBatch.placeholder(fresh.size());
                String before = previous == null ? null : previous.subjects.get(e);
                KeyVault.DataKey key = before != null && before.startsWith(SubjectBatch.NEW) && reused.add(before)
                        ? previous.created.get(SubjectBatch.number(before)) : vault.newDataKey();
                fresh.add(key);
                dataKeys.put(subject, key.key());
            }
            if (person != null) {
                String s = subject;
                person.forEach(i -> owners.putIfAbsent(hashes.get(i), s));
            }
            subjects.add(subject);
        }
        dataKeys.putAll(keys.keys(subjects.stream().filter(s -> !dataKeys.containsKey(s)).distinct().toList()));
        return new SubjectBatch(hashes, stored, subjects, fresh, dataKeys,
                links(people, hashes, subjects, stored, dataKeys, previous));
    }

    private static String ownerOf(List<Identifier> person, Map<Identifier, String> hashes, Map<String, String> owners) {
        Set<String> found = new LinkedHashSet<>();
        person.forEach(i -> {
            String owner = owners.get(hashes.get(i));
            if (owner != null) {
                found.add(owner);
            }
        });
        if (found.size() > 1) {
            throw new Conflict("identifiers-of-two-subjects", "these identifiers belong to different subjects "
                    + found + "; merge them first (POST /api/v1/subjects/merge)");
        }
        return found.isEmpty() ? null : found.iterator().next();
    }

    private Map<String, SubjectBatch.Link> links(List<List<Identifier>> people, Map<Identifier, String> hashes,
                                          List<String> subjects, Map<String, String> stored,
                                          Map<String, SecretKey> dataKeys, SubjectBatch previous) {
        Map<String, SubjectBatch.Link> links = new LinkedHashMap<>();
        for (int e = 0; e < people.size(); e++) {
            if (people.get(e) == null) {
                continue;
            }
            String subject = subjects.get(e);
            int index = subject.startsWith(SubjectBatch.NEW) ? -1 : identity.indexOf(subject);
            for (Identifier identifier : people.get(e)) {
                String hash = hashes.get(identifier);
                if (!stored.containsKey(hash) && !links.containsKey(hash)) {
                    SecretKey key = dataKeys.get(subject);
                    String sealed = previous == null ? null : previous.sealedUnder(hash, key);
                    links.put(hash, new SubjectBatch.Link(hash, subject, index, identifier.type().code(),
                            sealed != null ? sealed : KeyVault.encrypt(key, identifier.value())));
                }
            }
        }
        return links;
    }

    /** Inside the transaction: whether the identifiers still belong to whom they did when prepared. */
    public boolean isCurrent(SubjectBatch batch) {
        return store.subjectsByHmac(batch.hashes.values()).equals(batch.storedOwners);
    }

    /** Inside the transaction: creates the new subjects, links the new identifiers; each entry's subject id. */
    public List<String> commit(SubjectBatch batch) {
        int count = batch.created.size();
        Map<String, String> real = new HashMap<>();
        Map<String, Integer> indexes = new HashMap<>();
        long now = clock.millis();
        if (count > 0) {
            long first = store.reserveIndexes(count);
            List<IdentityStore.NewSubject> rows = new ArrayList<>(count);
            for (int n = 0; n < count; n++) {
                long index = first + n;
                String id = ids.format(index);
                KeyVault.DataKey key = batch.created.get(n);
                rows.add(new IdentityStore.NewSubject(id, index, key.wrapped()));
                real.put(SubjectBatch.placeholder(n), id);
                indexes.put(SubjectBatch.placeholder(n), (int) index);
                keys.remember(id, key.key());
            }
            store.insertSubjects(rows, now);
            AfterCommit.run(() -> indexes.values().forEach(slot -> directory.put(slot, SubjectDirectory.ACTIVE,
                    SubjectDirectory.NO_MINOR)));
        }
        List<SubjectBatch.Link> links = batch.links.values().stream().map(l -> real.containsKey(l.subject())
                ? new SubjectBatch.Link(l.lookupHash(), real.get(l.subject()), indexes.get(l.subject()), l.type(),
                        l.valueEnc())
                : l).toList();
        store.insertIdentifiers(links, now);
        AfterCommit.run(() -> links.forEach(l -> directory.link(l.lookupHash(), l.index())));
        return batch.subjects.stream().map(s -> real.getOrDefault(s, s)).toList();
    }
}
