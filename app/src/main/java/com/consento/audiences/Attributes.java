package com.consento.audiences;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The attributes a rule may name. Stored: categorical {@code tier, city, gender, topCategory}, multi-valued
 * {@code category} (every category bought), numeric {@code birthMonth, orders, totalSpend} (kept in cents)
 * and the days behind derived ones. Derived at evaluation time, so never stale: {@code age} and
 * {@code ageBand} (from the birth day), {@code daysSinceLastOrder} (from the last order's day) and
 * {@code rfm} (a segment of recency and frequency, see {@link RfmSegments}).
 */
public final class Attributes {
    public static final String TIER = "tier";
    public static final String CITY = "city";
    public static final String GENDER = "gender";
    public static final String TOP_CATEGORY = "topCategory";
    public static final String CATEGORY = "category";
    public static final String BIRTH_MONTH = "birthMonth";
    public static final String ORDERS = "orders";
    public static final String TOTAL_SPEND = "totalSpend";
    /** Stored: the epoch day of birth. Queried as {@code age} or {@code ageBand}. */
    public static final String BIRTH_DAY = "birthDay";
    /** Stored: the epoch day of the last order. Queried as {@code daysSinceLastOrder}. */
    public static final String LAST_ORDER_DAY = "lastOrderDay";
    public static final String AGE = "age";
    public static final String AGE_BAND = "ageBand";
    public static final String DAYS_SINCE_LAST_ORDER = "daysSinceLastOrder";
    public static final String RFM = "rfm";

    static final List<String> CATEGORICAL = List.of(TIER, CITY, GENDER, TOP_CATEGORY);
    static final List<String> MULTI_VALUED = List.of(CATEGORY);
    static final Map<String, Bucketing> NUMERIC = numeric();
    /** Money is stored in cents: a rule's {@code totalSpend} value is multiplied by this. */
    static final Map<String, Integer> SCALE = Map.of(TOTAL_SPEND, 100);
    static final Set<String> QUERYABLE = Set.of(TIER, CITY, GENDER, TOP_CATEGORY, CATEGORY, BIRTH_MONTH, ORDERS,
            TOTAL_SPEND, AGE, AGE_BAND, DAYS_SINCE_LAST_ORDER, RFM);

    private Attributes() {
    }

    private static Map<String, Bucketing> numeric() {
        Map<String, Bucketing> m = new LinkedHashMap<>();
        m.put(BIRTH_MONTH, Bucketing.linear(1));
        m.put(ORDERS, Bucketing.logarithmic());
        m.put(TOTAL_SPEND, Bucketing.logarithmic());
        m.put(BIRTH_DAY, Bucketing.linear(64));
        m.put(LAST_ORDER_DAY, Bucketing.linear(32));
        return Map.copyOf(m);
    }

    static String normalise(String value) {
        return value == null || value.isBlank() ? null : value.strip().toLowerCase(Locale.ROOT);
    }

    /** The age band a rule or a profile view names for an age: 0-17, 18-24, 25-34, 35-44, 45-54, 55-64, 65+. */
    public static String ageBand(int age) {
        for (int[] band : AGE_BANDS) {
            if (age >= band[0] && age <= band[1]) {
                return band[1] == Integer.MAX_VALUE ? band[0] + "+" : band[0] + "-" + band[1];
            }
        }
        return null;
    }

    static final int[][] AGE_BANDS = {{0, 17}, {18, 24}, {25, 34}, {35, 44}, {45, 54}, {55, 64},
            {65, Integer.MAX_VALUE}};

    /** The [low, high] ages of a band label, or null when the label names no band. */
    static int[] ageBand(String label) {
        for (int[] band : AGE_BANDS) {
            if (label.equals(ageBand(band[0]))) {
                return band;
            }
        }
        return null;
    }
}
