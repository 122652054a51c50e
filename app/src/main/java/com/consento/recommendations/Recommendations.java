package com.consento.recommendations;

import java.util.List;

/**
 * An answer (GB-7.5, PIPL-24b): whether it is personalised and why (or why not), the label personalised
 * answers carry, and where the non-personalised one is.
 *
 * @param reason          a decision reason ({@code GRANTED}, {@code NO_CONSENT}, {@code WITHDRAWN}, …), or
 *                        {@code OPTED_OUT}, {@code ITEM_CONTEXT}, {@code NO_HISTORY}, {@code MODEL_NOT_READY}
 * @param label           "个性化推荐" / "Personalised" on personalised answers, else null
 * @param nonPersonalized the same request without personalisation, on personalised answers
 */
record Recommendations(boolean personalized, String reason, String label, String language, String subjectId,
                       String nonPersonalized, List<RecommendedItem> items) {
    static final String ITEM_CONTEXT = "ITEM_CONTEXT";
    static final String NO_HISTORY = "NO_HISTORY";
    static final String MODEL_NOT_READY = "MODEL_NOT_READY";
}
