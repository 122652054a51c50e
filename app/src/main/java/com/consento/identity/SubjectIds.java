package com.consento.identity;

/**
 * Subject ids carry their dense index and a keyed check: {@code sub_<index base36>_<check>}. The index lets
 * every in-memory structure address a subject without a map from id to slot (10 M subjects would cost
 * hundreds of MB); the check makes ids unguessable, so a counter leaks neither customers nor their number.
 */
public final class SubjectIds {
    private static final String PREFIX = "sub_";
    private final KeyVault vault;

    public SubjectIds(KeyVault vault) {
        this.vault = vault;
    }

    public String format(long index) {
        return PREFIX + Long.toString(index, 36) + "_" + check(index);
    }

    /** The dense index of a well-formed id, or -1 when the id was not issued by this installation. */
    public long parse(String id) {
        if (id == null || !id.startsWith(PREFIX) || id.length() > 40) {
            return -1;
        }
        int sep = id.indexOf('_', PREFIX.length());
        if (sep < 0) {
            return -1;
        }
        try {
            long index = Long.parseLong(id, PREFIX.length(), sep, 36);
            return index >= 0 && id.substring(sep + 1).equals(check(index)) ? index : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private String check(long index) {
        return vault.lookupHash("subject-id", Long.toString(index)).substring(0, 8);
    }
}
