package com.consento.identity;

/**
 * Subject ids carry their dense index and a keyed check: {@code sub_<index base36>_<check>}. The index lets
 * every in-memory structure address a subject without a map from id to slot (10 M subjects would cost
 * hundreds of MB); the check makes ids unguessable, so a counter leaks neither customers nor their number.
 */
public final class SubjectIds {
    private static final String PREFIX = "sub_";
    private static final int CHECK_LENGTH = 8;
    private final KeyVault vault;

    public SubjectIds(KeyVault vault) {
        this.vault = vault;
    }

    public String format(long index) {
        return PREFIX + Long.toString(index, 36) + "_" + check(index);
    }

    /** The dense index of a well-formed id, or -1 when the id was not issued by this installation. */
    public long parse(String id) {
        int sep = separator(id);
        if (sep < 0) {
            return -1;
        }
        long index = index(id, sep);
        return index >= 0 && id.length() == sep + 1 + CHECK_LENGTH
                && id.regionMatches(sep + 1, check(index), 0, CHECK_LENGTH) ? index : -1;
    }

    /**
     * The dense index of an id read back from this installation's own database (the state table at start-up),
     * without verifying its check: every such id was written by {@link #format} after {@link #parse} or
     * creation accepted it, and the HMAC per row cost 3.6x the whole index rebuild. Never use it for an id
     * that came from outside (a request, another node's message): those go through {@link #parse}.
     * Still -1 for a malformed id, so a damaged row is skipped rather than misfiled.
     */
    public static long parseTrusted(String id) {
        int sep = separator(id);
        return sep < 0 || id.length() != sep + 1 + CHECK_LENGTH ? -1 : index(id, sep);
    }

    /** Where the check starts (the second '_'), or -1 when the id is not shaped like one of ours. */
    private static int separator(String id) {
        if (id == null || !id.startsWith(PREFIX) || id.length() > 40) {
            return -1;
        }
        return id.indexOf('_', PREFIX.length());
    }

    private static long index(String id, int sep) {
        try {
            long index = Long.parseLong(id, PREFIX.length(), sep, 36);
            return index >= 0 ? index : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private String check(long index) {
        return vault.lookupHashPrefix("subject-id", Long.toString(index), CHECK_LENGTH / 2);
    }
}
