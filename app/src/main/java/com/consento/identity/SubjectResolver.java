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
import org.springframework.stereotype.Service;

/**
 * Finds or creates the subjects of a whole batch at once, inside the caller's transaction: one query for all
 * identifiers, one index reservation for all new subjects, batched inserts. Ingest cost is then a few round
 * trips per batch instead of several per event.
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

    /** For each entry, the one subject its identifiers belong to; new people become new subjects. */
    public List<String> resolveOrCreate(List<List<Identifier>> people) {
        Map<Identifier, String> hashes = new LinkedHashMap<>();
        people.forEach(list -> list.forEach(i -> hashes.computeIfAbsent(i, identity::lookupHash)));
        Map<String, String> stored = store.subjectsByHmac(hashes.values());
        Map<String, String> owners = new HashMap<>(stored);
        List<String> subjects = new ArrayList<>(people.size());
        List<Integer> unresolved = new ArrayList<>();
        for (List<Identifier> person : people) {
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
            String subject = found.isEmpty() ? null : found.iterator().next();
            if (subject == null) {
                unresolved.add(subjects.size());
            } else {
                // later entries of the batch with the same identifiers find this subject too
                person.forEach(i -> owners.putIfAbsent(hashes.get(i), subject));
            }
            subjects.add(subject);
        }
        createNew(people, hashes, owners, subjects, unresolved);
        linkNewIdentifiers(people, hashes, subjects, stored);
        return subjects;
    }

    private void createNew(List<List<Identifier>> people, Map<Identifier, String> hashes, Map<String, String> owners,
                           List<String> subjects, List<Integer> unresolved) {
        // two entries of one batch may name the same new person: the first creates, the rest follow it
        List<Integer> creators = new ArrayList<>();
        for (int i : unresolved) {
            String owner = people.get(i).stream().map(x -> owners.get(hashes.get(x))).filter(o -> o != null)
                    .findFirst().orElse(null);
            if (owner != null) {
                subjects.set(i, owner);
                continue;
            }
            String placeholder = "\u0000new" + creators.size();
            creators.add(i);
            subjects.set(i, placeholder);
            people.get(i).forEach(x -> owners.putIfAbsent(hashes.get(x), placeholder));
        }
        if (creators.isEmpty()) {
            return;
        }
        long first = store.reserveIndexes(creators.size());
        long now = clock.millis();
        List<Object[]> rows = new ArrayList<>(creators.size());
        Map<String, String> real = new HashMap<>();
        List<Integer> slots = new ArrayList<>();
        for (int n = 0; n < creators.size(); n++) {
            long index = first + n;
            String id = ids.format(index);
            KeyVault.DataKey key = vault.newDataKey();
            keys.remember(id, key.key());
            rows.add(new Object[] {id, index, key.wrapped(), now, now});
            real.put("\u0000new" + n, id);
            slots.add((int) index);
        }
        store.insertSubjects(rows);
        subjects.replaceAll(s -> real.getOrDefault(s, s));
        AfterCommit.run(() -> slots.forEach(slot -> directory.put(slot, SubjectDirectory.ACTIVE,
                SubjectDirectory.NO_MINOR)));
    }

    private void linkNewIdentifiers(List<List<Identifier>> people, Map<Identifier, String> hashes,
                                    List<String> subjects, Map<String, String> existing) {
        Map<String, Object[]> rows = new LinkedHashMap<>();
        Map<String, Integer> links = new HashMap<>();
        long now = clock.millis();
        for (int i = 0; i < people.size(); i++) {
            String subject = subjects.get(i);
            for (Identifier identifier : people.get(i)) {
                String hash = hashes.get(identifier);
                if (!existing.containsKey(hash) && !rows.containsKey(hash)) {
                    rows.put(hash, new Object[] {hash, subject, identifier.type().code(),
                            keys.encrypt(subject, identifier.value()), now});
                    links.put(hash, identity.indexOf(subject));
                }
            }
        }
        store.insertIdentifiers(new ArrayList<>(rows.values()));
        AfterCommit.run(() -> links.forEach(directory::link));
    }
}
