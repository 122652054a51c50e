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

    final Map<Identifier, String> hashes;
    final Map<String, String> storedOwners;
    final List<String> subjects;
    final List<KeyVault.DataKey> created;
    final Map<String, SecretKey> keys;
    final Map<String, Link> links;

    /** A new identifier row; {@code subject} may still be a {@link #NEW} placeholder, {@code index} is then -1. */
    record Link(String lookupHash, String subject, int index, String type, String valueEnc) {
    }

    SubjectBatch(Map<Identifier, String> hashes, Map<String, String> storedOwners, List<String> subjects, List<KeyVault.DataKey> created,
                 Map<String, SecretKey> keys, Map<String, Link> links) {
        this.hashes = hashes;
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

    /** Whether entry {@code entry} is sealed under the same data key here as in {@code other}'s same entry. */
    public boolean sameKey(int entry, SubjectBatch other) {
        return other != null && keys.get(subjects.get(entry)) == other.keys.get(other.subjects.get(entry));
    }

    /** This batch's ciphertext of an identifier, when it was sealed under {@code key}; otherwise null. */
    String sealedUnder(String lookupHash, SecretKey key) {
        Link l = links.get(lookupHash);
        return l != null && keys.get(l.subject()) == key ? l.valueEnc() : null;
    }

    static int number(String placeholder) {
        return Integer.parseInt(placeholder, NEW.length(), placeholder.length(), 10);
    }

    static String placeholder(int n) {
        return NEW + n;
    }
}
