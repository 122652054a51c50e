package com.consento.identity;

import java.util.List;
import java.util.Map;
import javax.crypto.SecretKey;

/**
 * The subjects of one batch as worked out before the ledger's writer lock: who is known, who is new (with a
 * fresh data key), and the new identifier links already encrypted. The lock then only has to check that
 * nobody else linked these identifiers meanwhile and write the rows, so the costly crypto of a batch runs on
 * every request thread at once instead of one batch at a time.
 */
public final class SubjectBatch {
    /** Stands for the n-th new subject until its index is reserved inside the transaction. */
    static final String NEW = "\u0000new";

    final List<String> lookupHashes;
    final Map<String, String> storedOwners;
    final List<String> subjects;
    final List<KeyVault.DataKey> created;
    final Map<String, SecretKey> keys;
    final List<Link> links;

    /** A new identifier row; {@code subject} may still be a {@link #NEW} placeholder, {@code index} is then -1. */
    record Link(String lookupHash, String subject, int index, String type, String valueEnc) {
    }

    SubjectBatch(List<String> lookupHashes, Map<String, String> storedOwners, List<String> subjects, List<KeyVault.DataKey> created,
                 Map<String, SecretKey> keys, List<Link> links) {
        this.lookupHashes = lookupHashes;
        this.storedOwners = storedOwners;
        this.subjects = subjects;
        this.created = created;
        this.keys = keys;
        this.links = links;
    }

    /** Encrypts personal data of entry {@code entry} (evidence, guardian) under its subject's own data key. */
    public String seal(int entry, String plaintext) {
        return KeyVault.encrypt(keys.get(subjects.get(entry)), plaintext);
    }

    /** The subject entry {@code entry} was prepared for (a placeholder when it is new). */
    public String subject(int entry) {
        return subjects.get(entry);
    }

    static String placeholder(int n) {
        return NEW + n;
    }
}
