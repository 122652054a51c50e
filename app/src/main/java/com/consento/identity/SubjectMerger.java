package com.consento.identity;

/**
 * Joins two subjects into one. Implemented where the whole history can be moved (the ledger); identity
 * calls it when linking an identifier reveals that two subjects are one person.
 */
public interface SubjectMerger {
    /** Merges {@code merged} into {@code survivor}; returns the survivor's id. */
    String merge(String survivor, String merged, String reason);
}
