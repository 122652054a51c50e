package com.consento.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The master keys: one wraps every subject's data key (AES-256-GCM), one keys the lookup hashes (HMAC-SHA256).
 * They live in {@code <data dir>/keys}, created on first start; a cluster gives every node the same files
 * (or {@code CONSENTO_MASTER_KEY} / {@code CONSENTO_LOOKUP_KEY}, base64).
 */
public final class KeyVault {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int IV = 12;
    private final SecretKey master;
    private final byte[] lookupKey;
    private final ThreadLocal<Mac> lookupMac;

    public KeyVault(byte[] master, byte[] lookup) {
        this.master = new SecretKeySpec(master, "AES");
        this.lookupKey = lookup.clone();
        this.lookupMac = ThreadLocal.withInitial(() -> mac(lookupKey));
    }

    public static KeyVault open(Path dataDir, String masterOverride, String lookupOverride) {
        return new KeyVault(load(dataDir.resolve("keys/master.key"), masterOverride),
                load(dataDir.resolve("keys/lookup.key"), lookupOverride));
    }

    private static byte[] load(Path file, String override) {
        if (override != null && !override.isBlank()) {
            return Base64.getDecoder().decode(override.trim());
        }
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).trim());
            }
            Files.createDirectories(file.getParent());
            byte[] key = random(32);
            Files.writeString(file, Base64.getEncoder().encodeToString(key));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system; the directory's own permissions must do
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create key file " + file, e);
        }
    }

    static byte[] random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return b;
    }

    /** The keyed hash under which an identifier is found again; reveals nothing without the key. */
    public String lookupHash(String domain, String value) {
        return HexFormat.of().formatHex(lookupMac(domain, value));
    }

    /** The first {@code bytes} bytes of {@link #lookupHash} in hex: short checks need not format all 32. */
    String lookupHashPrefix(String domain, String value, int bytes) {
        return HexFormat.of().formatHex(lookupMac(domain, value), 0, bytes);
    }

    private byte[] lookupMac(String domain, String value) {
        Mac mac = lookupMac.get();
        mac.update(domain.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
    }

    /** A fresh data key for one subject, wrapped by the master key for storage. */
    public String newWrappedDataKey() {
        return newDataKey().wrapped();
    }

    /** A fresh data key, in clear for immediate use and wrapped for storage: no unwrap needed right after. */
    public record DataKey(SecretKey key, String wrapped) {
    }

    public DataKey newDataKey() {
        byte[] raw = random(32);
        return new DataKey(new SecretKeySpec(raw, "AES"), Base64.getEncoder().encodeToString(seal(master, raw)));
    }

    public SecretKey unwrap(String wrapped) {
        return new SecretKeySpec(open(master, Base64.getDecoder().decode(wrapped)), "AES");
    }

    public static String encrypt(SecretKey key, String plaintext) {
        return Base64.getEncoder().encodeToString(seal(key, plaintext.getBytes(StandardCharsets.UTF_8)));
    }

    public static String decrypt(SecretKey key, String ciphertext) {
        return new String(open(key, Base64.getDecoder().decode(ciphertext)), StandardCharsets.UTF_8);
    }

    /** Cipher lookup costs more than sealing a short value: one instance per thread, re-initialised per use. */
    private static final ThreadLocal<Cipher> GCM = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    });

    private static byte[] seal(SecretKey key, byte[] plain) {
        try {
            byte[] iv = random(IV);
            Cipher c = GCM.get();
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = c.doFinal(plain);
            return ByteBuffer.allocate(IV + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    private static byte[] open(SecretKey key, byte[] blob) {
        try {
            Cipher c = GCM.get();
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, blob, 0, IV));
            return c.doFinal(blob, IV, blob.length - IV);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ciphertext does not open with this key", e);
        }
    }

    private static Mac mac(byte[] key) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key, "HmacSHA256"));
            return m;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
