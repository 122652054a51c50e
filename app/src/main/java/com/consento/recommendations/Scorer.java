package com.consento.recommendations;

/** Anything that can score every catalog item for one customer's history; higher means recommend sooner. */
interface Scorer {

    /**
     * Writes a score for every item id into {@code scores} (overwriting all of it).
     *
     * @param history item ids in order of first purchase
     */
    void score(int[] history, double[] scores);
}
