package com.consento.identity;

import com.consento.shared.NotFound;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import org.springframework.stereotype.Component;

/**
 * Encrypts and decrypts personal data with the subject's own data key. Once a subject is erased its key is
 * gone and everything sealed with it, in the ledger and in backups alike, is unreadable.
 */
@Component
public class SubjectKeys {
    private static final int CACHE_LIMIT = 100_000;
    private final KeyVault vault;
    private final IdentityStore store;
    private final Map<String, SecretKey> cache = new ConcurrentHashMap<>();

    SubjectKeys(KeyVault vault, IdentityStore store) {
        this.vault = vault;
        this.store = store;
    }

    public String encrypt(String subjectId, String plaintext) {
        return KeyVault.encrypt(key(subjectId), plaintext);
    }

    /** The plaintext, or null when the subject was erased and its key destroyed. */
    public String decrypt(String subjectId, String ciphertext) {
        if (ciphertext == null) {
            return null;
        }
        SecretKey key = keyOrNull(subjectId);
        return key == null ? null : KeyVault.decrypt(key, ciphertext);
    }

    void remember(String subjectId, String wrappedKey) {
        remember(subjectId, vault.unwrap(wrappedKey));
    }

    void remember(String subjectId, SecretKey key) {
        if (cache.size() >= CACHE_LIMIT) {
            // drop an arbitrary tenth, not everything: a full clear made every busy ingest batch re-read its keys
            var it = cache.keySet().iterator();
            for (int n = 0; n < CACHE_LIMIT / 10 && it.hasNext(); n++) {
                it.next();
                it.remove();
            }
        }
        cache.put(subjectId, key);
    }

    /** The data keys of many active subjects, those not in memory read in one query per 500. */
    Map<String, SecretKey> keys(java.util.Collection<String> subjectIds) {
        Map<String, SecretKey> found = keysOrNull(subjectIds);
        found.forEach((id, key) -> {
            if (key == null) {
                throw new NotFound("subject " + id + " has been erased");
            }
        });
        return found;
    }

    void forget(String subjectId) {
        cache.remove(subjectId);
    }

    SecretKey key(String subjectId) {
        return keys(java.util.List.of(subjectId)).get(subjectId);
    }

    private SecretKey keyOrNull(String subjectId) {
        return keysOrNull(java.util.List.of(subjectId)).get(subjectId);
    }

    /** Each subject's key, null for an erased subject; an unknown subject is not found. */
    private Map<String, SecretKey> keysOrNull(java.util.Collection<String> subjectIds) {
        Map<String, SecretKey> found = new java.util.HashMap<>();
        java.util.List<String> missing = new java.util.ArrayList<>();
        for (String id : subjectIds) {
            SecretKey cached = cache.get(id);
            if (cached != null) {
                found.put(id, cached);
            } else {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            Map<String, String> wrapped = store.dataKeys(missing);
            for (String id : missing) {
                if (!wrapped.containsKey(id)) {
                    throw new NotFound("no subject " + id);
                }
                SecretKey key = wrapped.get(id) == null ? null : vault.unwrap(wrapped.get(id));
                if (key != null) {
                    remember(id, key);
                }
                found.put(id, key);
            }
        }
        return found;
    }
}
