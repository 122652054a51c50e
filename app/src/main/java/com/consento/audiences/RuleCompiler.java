package com.consento.audiences;

import com.consento.shared.InvalidRequest;
import com.consento.signals.Rfm;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.roaringbitmap.FastAggregation;
import org.roaringbitmap.RoaringBitmap;

/**
 * Compiles a rule to bitmap algebra over an {@link AttributeIndex}: {@code all} intersects (smallest first),
 * {@code any} unions, {@code not} complements within the index's universe; a comparison becomes a categorical
 * bitmap or a numeric range. Derived attributes are translated to ranges of stored days against
 * {@code today}, so ages and recency never go stale. Runs under the index's read lock.
 */
final class RuleCompiler {
    private final AttributeIndex index;
    private final LocalDate today;

    RuleCompiler(AttributeIndex index, LocalDate today) {
        this.index = index;
        this.today = today;
    }

    /** A bitmap the caller owns. */
    RoaringBitmap compile(Rule rule) {
        return compile(rule, null);
    }

    /**
     * The subjects of {@code within} (null = the whole universe) that match: passing the candidates down lets a
     * conjunction check its later, costlier parts only against the people its earlier parts left.
     */
    private RoaringBitmap compile(Rule rule, RoaringBitmap within) {
        if (rule instanceof Rule.All all) {
            return all(all.rules(), within);
        }
        if (rule instanceof Rule.Any any) {
            return any.rules().isEmpty() ? new RoaringBitmap()
                    : FastAggregation.or(any.rules().stream().map(r -> compile(r, within)).iterator());
        }
        if (rule instanceof Rule.Not not) {
            return RoaringBitmap.andNot(within == null ? index.universe() : within, compile(not.rule(), within));
        }
        RoaringBitmap matched = predicate((Rule.Predicate) rule, within);
        if (within != null) {
            matched.and(within);
        }
        return matched;
    }

    /** Cheap parts first (categorical bitmaps), then the rest, each within what is left. */
    private RoaringBitmap all(List<Rule> rules, RoaringBitmap within) {
        if (rules.isEmpty()) {
            return within == null ? index.universe().clone() : within.clone();
        }
        List<Rule> ordered = new ArrayList<>(rules);
        ordered.sort(Comparator.comparingInt(this::cost));
        RoaringBitmap result = within;
        for (Rule r : ordered) {
            result = compile(r, result);
            if (result.isEmpty()) {
                break;
            }
        }
        return result;
    }

    /** 0 for a categorical comparison (one bitmap), 1 for a numeric range, 2 for anything composite. */
    private int cost(Rule r) {
        if (r instanceof Rule.Predicate p) {
            return index.categorical(p.attr()) != null ? 0 : Attributes.RFM.equals(p.attr()) ? 2 : 1;
        }
        return 2;
    }

    private RoaringBitmap predicate(Rule.Predicate p, RoaringBitmap within) {
        String attr = p.attr();
        if (!Attributes.QUERYABLE.contains(attr)) {
            throw new InvalidRequest("unknown attribute '" + attr + "'; rules may use "
                    + Attributes.QUERYABLE.stream().sorted().toList(), p.pointer() + "/attr");
        }
        return switch (attr) {
            case Attributes.AGE_BAND -> ageBand(p, within);
            case Attributes.RFM -> rfm(p, within);
            case Attributes.AGE -> union(ranges(p, 1), r -> ageRange(r[0], r[1], within));
            case Attributes.DAYS_SINCE_LAST_ORDER -> union(ranges(p, 1), r -> index.numeric(Attributes.LAST_ORDER_DAY)
                    .range(r[1] == Long.MAX_VALUE ? Long.MIN_VALUE : today.toEpochDay() - r[1],
                            r[0] == Long.MIN_VALUE ? Long.MAX_VALUE : today.toEpochDay() - r[0], within));
            default -> index.categorical(attr) != null ? categorical(p, index.categorical(attr), within)
                    : union(ranges(p, Attributes.SCALE.getOrDefault(attr, 1)),
                            r -> index.numeric(attr).range(r[0], r[1], within));
        };
    }

    private RoaringBitmap categorical(Rule.Predicate p, CategoricalColumn column, RoaringBitmap within) {
        if (p.op() != Rule.Op.EQ && p.op() != Rule.Op.IN) {
            throw new InvalidRequest("'" + p.attr() + "' is categorical: use eq or in", p.pointer() + "/op");
        }
        RoaringBitmap any = p.values().size() == 1 ? column.eq(Attributes.normalise(p.values().get(0).text()))
                : FastAggregation.or(p.values().stream().map(v -> column.eq(Attributes.normalise(v.text()))).iterator());
        return within != null ? RoaringBitmap.and(any, within) : p.values().size() == 1 ? any.clone() : any;
    }

    private RoaringBitmap ageBand(Rule.Predicate p, RoaringBitmap within) {
        if (p.op() != Rule.Op.EQ && p.op() != Rule.Op.IN) {
            throw new InvalidRequest("'ageBand' takes eq or in, e.g. \"25-34\"", p.pointer() + "/op");
        }
        List<long[]> ranges = new ArrayList<>();
        for (Rule.Value v : p.values()) {
            int[] band = Attributes.ageBand(v.text());
            if (band == null) {
                throw new InvalidRequest("age bands are 0-17, 18-24, 25-34, 35-44, 45-54, 55-64 and 65+",
                        p.pointer() + "/value");
            }
            ranges.add(new long[] {band[0], band[1] == Integer.MAX_VALUE ? Long.MAX_VALUE : band[1]});
        }
        return union(ranges, r -> ageRange(r[0], r[1], within));
    }

    /** Ages [lo, hi] today are birth days (today - (hi + 1) years, today - lo years]. */
    private RoaringBitmap ageRange(long lo, long hi, RoaringBitmap within) {
        long from = hi >= 1000 ? Long.MIN_VALUE : today.minusYears(hi + 1).plusDays(1).toEpochDay();
        long to = lo <= 0 ? today.toEpochDay() : lo >= 1000 ? Long.MIN_VALUE : today.minusYears(lo).toEpochDay();
        return index.numeric(Attributes.BIRTH_DAY).range(from, to, within);
    }

    private RoaringBitmap rfm(Rule.Predicate p, RoaringBitmap within) {
        if (p.op() != Rule.Op.EQ && p.op() != Rule.Op.IN) {
            throw new InvalidRequest("'rfm' takes eq or in", p.pointer() + "/op");
        }
        List<RoaringBitmap> parts = new ArrayList<>();
        for (Rule.Value v : p.values()) {
            String name = v.text().toLowerCase(Locale.ROOT);
            int at = -1;
            for (int i = 0; i < Rfm.SEGMENTS.size(); i++) {
                at = Rfm.SEGMENTS.get(i).name().equals(name) ? i : at;
            }
            if (at < 0) {
                throw new InvalidRequest("rfm segments are " + Rfm.SEGMENTS.stream().map(Rfm.Segment::name).toList(),
                        p.pointer() + "/value");
            }
            RoaringBitmap segment = segmentHolds(Rfm.SEGMENTS.get(at), within);
            for (int i = 0; i < at && !segment.isEmpty(); i++) {
                segment.andNot(segmentHolds(Rfm.SEGMENTS.get(i), segment));
            }
            parts.add(segment);
        }
        return FastAggregation.or(parts.iterator());
    }

    private RoaringBitmap segmentHolds(Rfm.Segment s, RoaringBitmap within) {
        List<Rule> conditions = new ArrayList<>();
        if (s.maxRecencyDays() != Rfm.ANY) {
            conditions.add(Rule.attr(Attributes.DAYS_SINCE_LAST_ORDER, Rule.Op.LTE, s.maxRecencyDays()));
        }
        conditions.add(Rule.attr(Attributes.ORDERS, Rule.Op.GTE, s.minOrders()));
        if (s.maxOrders() != Rfm.ANY) {
            conditions.add(Rule.attr(Attributes.ORDERS, Rule.Op.LTE, s.maxOrders()));
        }
        return compile(new Rule.All(conditions, ""), within);
    }

    private RoaringBitmap union(List<long[]> ranges, java.util.function.Function<long[], RoaringBitmap> range) {
        if (ranges.size() == 1) {
            return range.apply(ranges.get(0));
        }
        return FastAggregation.or(ranges.stream().map(range).iterator());
    }

    /** The comparison as inclusive ranges of stored units ({@code scale} per rule unit); open ends are MIN/MAX. */
    static List<long[]> ranges(Rule.Predicate p, int scale) {
        List<long[]> out = new ArrayList<>();
        List<BigDecimal> v = new ArrayList<>();
        for (Rule.Value value : p.values()) {
            if (value.number() == null) {
                throw new InvalidRequest("'" + p.attr() + "' is numeric: '" + value.text() + "' is not a number",
                        p.pointer() + "/value");
            }
            v.add(value.number().multiply(BigDecimal.valueOf(scale)));
        }
        long min = Long.MIN_VALUE;
        long max = Long.MAX_VALUE;
        switch (p.op()) {
            case EQ, IN -> v.forEach(x -> {
                if (x.stripTrailingZeros().scale() <= 0) {
                    out.add(new long[] {x.longValue(), x.longValue()});
                }
            });
            case GT -> out.add(new long[] {floor(v.get(0)) + 1, max});
            case GTE -> out.add(new long[] {ceil(v.get(0)), max});
            case LT -> out.add(new long[] {min, ceil(v.get(0)) - 1});
            case LTE -> out.add(new long[] {min, floor(v.get(0))});
            case BETWEEN -> out.add(new long[] {ceil(v.get(0)), floor(v.get(1))});
        }
        if (out.isEmpty()) {
            out.add(new long[] {1, 0});
        }
        return out;
    }

    private static long floor(BigDecimal x) {
        return clamp(x.setScale(0, RoundingMode.FLOOR));
    }

    private static long ceil(BigDecimal x) {
        return clamp(x.setScale(0, RoundingMode.CEILING));
    }

    private static long clamp(BigDecimal x) {
        return x.max(BigDecimal.valueOf(-1L << 40)).min(BigDecimal.valueOf(1L << 40)).longValue();
    }
}
