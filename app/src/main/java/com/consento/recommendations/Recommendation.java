package com.consento.recommendations;

import java.util.Objects;
import java.util.Optional;

/**
 * One recommended item.
 *
 * @param item    stock code
 * @param score   model score; only comparable within one call
 * @param because the history item that contributed most to the score, for "because you bought X"; empty
 *                when the item was filled in from overall popularity (no history, or too little signal)
 */
public record Recommendation(String item, double score, Optional<String> because) {

    public Recommendation {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(because, "because");
    }
}
