package com.consento.recommendations;

import java.util.Locale;

/** Where a recommended item came from; {@link #code()} is the {@code kind} field of the API. */
enum Source {
    /** Scored from the person's own history (personalised). */
    PERSONAL,
    /** Bought by the most customers overall. */
    POPULAR,
    /** Bought by the most customers recently. */
    TRENDING,
    /** First sold recently. */
    NEW,
    /** Customers who bought the context item also bought it (item to item, not personal). */
    ALSO_BOUGHT;

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
