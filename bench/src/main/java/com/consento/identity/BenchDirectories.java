package com.consento.identity;

/**
 * Benchmark-only bridge to {@link SubjectDirectory}'s package-private mutators. It lives in the bench module
 * under the app's package name: a split package, which the class path allows (not JPMS), and which the
 * benchmarks.jar keeps in one class loader. Never shipped in the app.
 */
public final class BenchDirectories {
    private BenchDirectories() {
    }

    /** Same as the service's {@code directory.put} after a subject is created or loaded at start-up. */
    public static void put(SubjectDirectory directory, int index, byte status, int adultFromDay) {
        directory.put(index, status, adultFromDay);
    }

    /** Same as the service's {@code directory.link}: {@code lookupHash} is hex, at least 16 digits. */
    public static void link(SubjectDirectory directory, String lookupHash, int index) {
        directory.link(lookupHash, index);
    }
}
