package com.consento.demo;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Synthetic but plausible people for the extract's customers: identifiers that are a function of the customer
 * id (distinct phones, reserved example.com e-mails) and profiles drawn from a seeded Random.
 */
final class DemoPeople {
    static final List<String> CITIES = List.of("Shanghai", "Beijing", "Shenzhen", "Guangzhou", "Hangzhou", "Chengdu",
            "Nanjing", "Wuhan");
    /** Cumulative share, in percent, of the home market's customers per city of {@link #CITIES}. */
    private static final int[] HOME_MARKET_SPREAD = {24, 44, 58, 72, 82, 90, 95, 100};
    private static final String HOME_COUNTRY = "United Kingdom";
    private static final String[] MOBILE_PREFIXES = {"139", "138", "186", "158"};
    private static final String GUARDIAN_PREFIX = "137";
    static final int ADULT_AGE = 14;

    private DemoPeople() {
    }

    static String member(int customerId) {
        return "OR-" + customerId;
    }

    static String email(int customerId) {
        return "customer" + customerId + "@example.com";
    }

    /** +86 1xx and 8 digits; the digits are a bijection of the id modulo 10^8, so no two customers share one. */
    static String phone(int customerId) {
        return "+86" + MOBILE_PREFIXES[Math.floorMod(customerId, MOBILE_PREFIXES.length)] + digits(customerId, 7_654_321L);
    }

    /** A parent's phone for a minor; never linked to a subject, only named on guardian events. */
    static String guardianPhone(int customerId) {
        return "+86" + GUARDIAN_PREFIX + digits(customerId, 3_141_593L);
    }

    private static String digits(int customerId, long oddMultiplier) {
        return String.format("%08d", Math.floorMod(customerId * oddMultiplier + 24_681_357L, 100_000_000L));
    }

    /**
     * The home market (the UK, nine customers in ten) is spread over the cities by customer id; every other
     * country stands for one city.
     */
    static String city(String country, int customerId) {
        if (HOME_COUNTRY.equals(country)) {
            int bucket = Math.floorMod(customerId * 7919, 100);
            for (int i = 0; i < HOME_MARKET_SPREAD.length; i++) {
                if (bucket < HOME_MARKET_SPREAD[i]) {
                    return CITIES.get(i);
                }
            }
        }
        return CITIES.get(Math.floorMod(country == null ? 0 : country.hashCode(), CITIES.size()));
    }

    /** Spend at the 50th, 80th and 95th percentile: the lower bounds of silver, gold and platinum. */
    static double[] tierCuts(List<DemoCustomer> customers) {
        double[] spend = customers.stream().mapToDouble(DemoCustomer::spend).sorted().toArray();
        if (spend.length == 0) {
            return new double[] {0, 0, 0};
        }
        return new double[] {spend[(int) (spend.length * 0.50)], spend[(int) (spend.length * 0.80)],
                spend[(int) (spend.length * 0.95)]};
    }

    static String tier(double spend, double[] cuts) {
        return spend >= cuts[2] ? "platinum" : spend >= cuts[1] ? "gold" : spend >= cuts[0] ? "silver" : "bronze";
    }

    /** Age in whole years: 4 % are 10–13 (minors under PIPL-31a), 4 % 14–17, the rest 18–75, younger more often. */
    static int age(Random random) {
        int roll = random.nextInt(100);
        if (roll < 4) {
            return 10 + random.nextInt(4);
        }
        if (roll < 8) {
            return 14 + random.nextInt(4);
        }
        return 18 + (int) Math.floor(58 * Math.pow(random.nextDouble(), 1.6));
    }

    /** A birth date that makes the person exactly {@code age} today (the birthday lies 1–364 days back). */
    static LocalDate birthDate(int age, LocalDate today, Random random) {
        return today.minusYears(age).minusDays(1 + random.nextInt(364));
    }

    static Map<String, Object> profile(DemoCustomer customer, LocalDate birthDate, double[] cuts, Random random) {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("birthDate", birthDate.toString());
        profile.put("gender", random.nextInt(100) < 58 ? "female" : "male");
        profile.put("city", city(customer.country(), customer.id()));
        profile.put("tier", tier(customer.spend(), cuts));
        return profile;
    }

    static String storePrefix(String city) {
        return switch (city) {
            case "Shanghai" -> "SH";
            case "Beijing" -> "BJ";
            case "Shenzhen" -> "SZ";
            case "Guangzhou" -> "GZ";
            case "Hangzhou" -> "HZ";
            case "Chengdu" -> "CD";
            case "Nanjing" -> "NJ";
            default -> "WH";
        };
    }

    static boolean minor(LocalDate birthDate, LocalDate today) {
        return birthDate.plusYears(ADULT_AGE).isAfter(today);
    }
}
