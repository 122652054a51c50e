package com.consento.audiences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.consento.shared.InvalidRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;

class RuleCompilerTest {
    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    AttributeIndex index;

    @BeforeEach
    void people() {
        index = new AttributeIndex();
        // 0: gold, Shanghai, born 1990-12-03, 6 orders, 1200.50 spent, last order 10 days ago
        person(0, "gold", "Shanghai", LocalDate.of(1990, 12, 3), 6, 120_050, 10);
        // 1: platinum, Beijing, born 2000-06-16 (turns 26 tomorrow), 1 order, 99.90, last order 400 days ago
        person(1, "Platinum", "Beijing", LocalDate.of(2000, 6, 16), 1, 9_990, 400);
        // 2: silver, Shanghai, no birth date, 3 orders, 300.00, last order 60 days ago
        person(2, "silver", "Shanghai", null, 3, 30_000, 60);
        // 3: only a profile: gold, Shenzhen, born 2012-12-25 (a minor), never ordered
        person(3, "gold", "Shenzhen", LocalDate.of(2012, 12, 25), 0, 0, -1);
    }

    private void person(int s, String tier, String city, LocalDate born, int orders, int cents, int daysAgo) {
        index.setCategory(Attributes.TIER, s, tier);
        index.setCategory(Attributes.CITY, s, city);
        if (born != null) {
            index.setNumber(Attributes.BIRTH_MONTH, s, born.getMonthValue());
            index.setNumber(Attributes.BIRTH_DAY, s, (int) born.toEpochDay());
        }
        index.setNumber(Attributes.ORDERS, s, orders);
        index.setNumber(Attributes.TOTAL_SPEND, s, cents);
        index.setNumber(Attributes.LAST_ORDER_DAY, s, daysAgo < 0 ? null : (int) TODAY.minusDays(daysAgo).toEpochDay());
    }

    private List<Integer> eval(Object json) {
        RoaringBitmap b = index.evaluate(RuleParser.parse(json, "/rule"), TODAY);
        return java.util.Arrays.stream(b.toArray()).boxed().toList();
    }

    private static Map<String, Object> p(String attr, String op, Object value) {
        return Map.of("attr", attr, "op", op, "value", value);
    }

    @Test
    @DisplayName("the contract's example rule intersects birth month, tier and the negated recency")
    void contract_example() {
        assertThat(eval(Map.of("all", List.of(p("birthMonth", "eq", 12), p("tier", "in", List.of("gold", "platinum")),
                Map.of("not", p("daysSinceLastOrder", "gt", 365)))))).containsExactly(0, 3);
    }

    @Test
    @DisplayName("categorical values compare without regard to case")
    void categorical_ignores_case() {
        assertThat(eval(p("tier", "eq", "PLATINUM"))).containsExactly(1);
        assertThat(eval(p("city", "in", List.of("shanghai", "SHENZHEN")))).containsExactly(0, 2, 3);
    }

    @Test
    @DisplayName("any unions, not complements within everyone the index knows")
    void any_and_not() {
        assertThat(eval(Map.of("any", List.of(p("city", "eq", "Beijing"), p("orders", "gte", 6))))).containsExactly(0, 1);
        assertThat(eval(Map.of("not", p("city", "eq", "Shanghai")))).containsExactly(1, 3);
        assertThat(eval(Map.of("all", List.of()))).containsExactly(0, 1, 2, 3);
    }

    @Test
    @DisplayName("money is compared in currency units, exactly at the cent")
    void money_in_currency_units() {
        assertThat(eval(p("totalSpend", "gt", 1200.49))).containsExactly(0);
        assertThat(eval(p("totalSpend", "gt", 1200.50))).isEmpty();
        assertThat(eval(p("totalSpend", "between", List.of(99.9, 300)))).containsExactly(1, 2);
        assertThat(eval(p("totalSpend", "lt", 99.9))).containsExactly(3);
    }

    @Test
    @DisplayName("age is counted on the evaluation day: a birthday tomorrow is not yet a year older")
    void age_on_the_day() {
        assertThat(eval(p("age", "eq", 25))).containsExactly(1);
        assertThat(index.evaluate(RuleParser.parse(p("age", "eq", 26), "/rule"), TODAY.plusDays(1)).toArray())
                .containsExactly(1);
        assertThat(eval(p("age", "lt", 14))).containsExactly(3);
        assertThat(eval(p("ageBand", "eq", "35-44"))).containsExactly(0);
        assertThat(eval(p("ageBand", "in", List.of("25-34", "0-17")))).containsExactly(1, 3);
    }

    @Test
    @DisplayName("recency is days since the last order and someone who never ordered has none")
    void recency() {
        assertThat(eval(p("daysSinceLastOrder", "lte", 60))).containsExactly(0, 2);
        assertThat(eval(p("daysSinceLastOrder", "between", List.of(10, 10)))).containsExactly(0);
        assertThat(eval(p("daysSinceLastOrder", "gt", 365))).containsExactly(1);
    }

    @Test
    @DisplayName("rfm segments are recency and frequency, first match wins")
    void rfm() {
        assertThat(eval(p("rfm", "eq", "champions"))).containsExactly(0);
        assertThat(eval(p("rfm", "eq", "loyal"))).containsExactly(2);
        assertThat(eval(p("rfm", "eq", "lost"))).containsExactly(1);
        assertThat(eval(p("rfm", "in", List.of("champions", "lost")))).containsExactly(0, 1);
    }

    @Test
    @DisplayName("an update moves a person between value bitmaps and range buckets")
    void updates_move_people() {
        index.setCategory(Attributes.TIER, 2, "gold");
        index.setNumber(Attributes.ORDERS, 2, 40);
        assertThat(eval(p("tier", "eq", "gold"))).containsExactly(0, 2, 3);
        assertThat(eval(p("tier", "eq", "silver"))).isEmpty();
        assertThat(eval(p("orders", "between", List.of(3, 39)))).containsExactly(0);
        index.remove(0);
        assertThat(eval(p("tier", "eq", "gold"))).containsExactly(2, 3);
    }

    @Test
    @DisplayName("numeric ranges over bucket edges equal a scan of every value")
    void ranges_equal_a_scan() {
        AttributeIndex big = new AttributeIndex();
        SplittableRandom r = new SplittableRandom(7);
        int n = 5_000;
        int[] values = new int[n];
        for (int s = 0; s < n; s++) {
            values[s] = r.nextInt(4) == 0 ? r.nextInt(20) : r.nextInt(2_000_000) - 1000;
            big.setNumber(Attributes.TOTAL_SPEND, s, values[s]);
        }
        for (int q = 0; q < 300; q++) {
            int lo = r.nextInt(4) == 0 ? r.nextInt(20) : r.nextInt(2_000_000) - 1000;
            int hi = lo + r.nextInt(q % 2 == 0 ? 50 : 500_000);
            RoaringBitmap got = big.evaluate(RuleParser.parse(p("totalSpend", "between",
                    List.of(lo / 100.0, hi / 100.0)), "/rule"), TODAY);
            RoaringBitmap want = new RoaringBitmap();
            for (int s = 0; s < n; s++) {
                if (values[s] >= lo && values[s] <= hi) {
                    want.add(s);
                }
            }
            assertThat(got).as("[%d, %d]", lo, hi).isEqualTo(want);
        }
    }

    @Test
    @DisplayName("a conjunction checks its ranges only within what its categorical parts left, with the same result")
    void conjunctions_equal_a_scan() {
        AttributeIndex big = new AttributeIndex();
        SplittableRandom r = new SplittableRandom(11);
        int n = 20_000;
        int[] spend = new int[n];
        int[] days = new int[n];
        String[] tier = new String[n];
        for (int s = 0; s < n; s++) {
            spend[s] = r.nextInt(100_000);
            days[s] = r.nextInt(1000);
            tier[s] = r.nextInt(40) == 0 ? "gold" : "silver";
            big.setCategory(Attributes.TIER, s, tier[s]);
            big.setNumber(Attributes.TOTAL_SPEND, s, spend[s]);
            big.setNumber(Attributes.LAST_ORDER_DAY, s, (int) TODAY.toEpochDay() - days[s]);
        }
        for (String t : List.of("gold", "silver")) {
            RoaringBitmap got = big.evaluate(RuleParser.parse(Map.of("all", List.of(p("tier", "eq", t),
                    p("totalSpend", "between", List.of(100, 600)), p("daysSinceLastOrder", "lte", 365))), "/rule"), TODAY);
            RoaringBitmap want = new RoaringBitmap();
            for (int s = 0; s < n; s++) {
                if (tier[s].equals(t) && spend[s] >= 10_000 && spend[s] <= 60_000 && days[s] <= 365) {
                    want.add(s);
                }
            }
            assertThat(got).as(t).isEqualTo(want);
        }
    }

    @Test
    @DisplayName("logarithmic buckets are monotone and their bounds hold every value")
    void logarithmic_buckets() {
        Bucketing b = Bucketing.logarithmic();
        int previous = Integer.MIN_VALUE;
        for (long v = -5_000_000; v <= Integer.MAX_VALUE; v = v < 5000 ? v + 1 : v + v / 7 + 1) {
            int bucket = b.bucket((int) v);
            assertThat(bucket).isGreaterThanOrEqualTo(previous);
            assertThat(b.low(bucket)).isLessThanOrEqualTo((int) v);
            assertThat(b.high(bucket)).isGreaterThanOrEqualTo((int) v);
            previous = bucket;
        }
    }

    @Test
    @DisplayName("an unknown attribute or a range on a categorical one is refused with a pointer")
    void errors_point_at_the_rule() {
        assertThatThrownBy(() -> eval(Map.of("all", List.of(p("shoeSize", "eq", 42)))))
                .isInstanceOf(InvalidRequest.class)
                .satisfies(e -> assertThat(((InvalidRequest) e).problems().get(0).pointer()).isEqualTo("/rule/all/0/attr"));
        assertThatThrownBy(() -> eval(p("tier", "gt", "gold"))).isInstanceOf(InvalidRequest.class)
                .hasMessageContaining("categorical");
        assertThatThrownBy(() -> eval(p("orders", "between", List.of(1)))).isInstanceOf(InvalidRequest.class);
        assertThatThrownBy(() -> eval(p("orders", "eq", "many"))).isInstanceOf(InvalidRequest.class);
        assertThatThrownBy(() -> eval(Map.of("attr", "orders", "op", "like", "value", 1)))
                .isInstanceOf(InvalidRequest.class).hasMessageContaining("op is one of");
    }
}
