package com.consento.ledger;

import com.consento.shared.Sha256;

/**
 * hash = SHA-256(previous hash, canonical event). The canonical form joins every stored field with a
 * separator that cannot occur in them, in a fixed order, so any edit of any column changes the hash.
 */
public final class HashChain {
    public static final String GENESIS = "0".repeat(64);
    private static final char SEP = '\u001f';

    private HashChain() {
    }

    public static String hash(String prevHash, RecordedEvent e) {
        return Sha256.hex(prevHash + SEP + canonical(e));
    }

    static String canonical(RecordedEvent e) {
        StringBuilder b = new StringBuilder(256);
        b.append(e.id()).append(SEP).append(e.part()).append(SEP).append(e.seq()).append(SEP)
                .append(e.subjectId()).append(SEP).append(e.purpose()).append(SEP).append(e.channel()).append(SEP)
                .append(e.action()).append(SEP).append(nz(e.noticeVersion())).append(SEP).append(e.touchpoint())
                .append(SEP).append(e.capturedAt()).append(SEP).append(e.recordedAt()).append(SEP)
                .append(e.actorType()).append(SEP).append(nz(e.actorEnc())).append(SEP).append(nz(e.evidenceEnc()));
        return b.toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
