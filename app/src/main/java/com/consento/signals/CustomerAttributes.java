package com.consento.signals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What Consento derives about one person from the profile and purchases. {@code subject} is the dense index;
 * {@code lastOrderAt} is 0 without orders. Time-dependent attributes (age, recency, RFM) are computed for a
 * given day by {@link #view}, never stored, so they cannot go stale.
 */
public record CustomerAttributes(int subject, String subjectId, LocalDate birthDate, String gender, String tier,
                                 String city, int orders, BigDecimal totalSpend, long lastOrderAt,
                                 Set<String> categories, String topCategory) {
    private static final long DAY = 86_400_000L;

    public CustomerAttributes {
        categories = Set.copyOf(categories);
    }

    public Integer birthMonth() {
        return birthDate == null ? null : birthDate.getMonthValue();
    }

    public Integer age(LocalDate today) {
        return birthDate == null ? null : Period.between(birthDate, today).getYears();
    }

    public Long daysSinceLastOrder(LocalDate today) {
        return orders == 0 ? null : today.toEpochDay() - Math.floorDiv(lastOrderAt, DAY);
    }

    /** The attributes as a person (access request) or a marketer would read them, on {@code today}. */
    public Map<String, Object> view(LocalDate today) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("birthMonth", birthMonth());
        v.put("ageBand", age(today) == null ? null : ageBand(age(today)));
        v.put("tier", tier);
        v.put("city", city);
        v.put("gender", gender);
        v.put("orders", orders);
        v.put("totalSpend", totalSpend);
        v.put("daysSinceLastOrder", daysSinceLastOrder(today));
        v.put("rfm", orders == 0 ? null : Rfm.segment(daysSinceLastOrder(today), orders));
        v.put("topCategory", topCategory);
        v.put("categories", categories.stream().sorted().toList());
        v.values().removeIf(java.util.Objects::isNull);
        return v;
    }

    /** The bands the audience rule {@code ageBand} uses: 0-17, 18-24, 25-34, 35-44, 45-54, 55-64, 65+. */
    public static String ageBand(int age) {
        int[][] bands = {{0, 17}, {18, 24}, {25, 34}, {35, 44}, {45, 54}, {55, 64}};
        for (int[] b : bands) {
            if (age >= b[0] && age <= b[1]) {
                return b[0] + "-" + b[1];
            }
        }
        return age >= 65 ? "65+" : null;
    }
}
