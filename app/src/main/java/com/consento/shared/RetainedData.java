package com.consento.shared;

/**
 * A category of data kept for a limited time (PIPL-19): it can say how many records are past their
 * retention period and delete them. Holders of data kept only for a purpose also drop what a withdrawal
 * made purposeless (PIPL-47a) in {@link #purge(long)}.
 */
public interface RetainedData {

    /** The data category, e.g. "browsing_history". */
    String category();

    /** How long the category is kept, in days, as configured or declared by its purpose. */
    int retentionDays();

    /** Records past retention (or without a purpose any more) at {@code now} (epoch millis). */
    long countPastRetention(long now);

    /** Deletes or anonymises those records; returns how many. Runs inside a transaction. */
    long purge(long now);
}
