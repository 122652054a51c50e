package com.consento.audiences;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.roaringbitmap.RoaringBitmap;

/**
 * Every subject's segment attributes in memory, by dense subject index: categorical columns (a bitmap per
 * value) and numeric columns (values plus bucket bitmaps), with the schema of {@link Attributes}. Writers
 * (signals after each order) and readers (rule evaluation) are separated by a read-write lock; evaluation
 * returns bitmaps the caller owns.
 */
public final class AttributeIndex {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, CategoricalColumn> categorical = new HashMap<>();
    private final Map<String, NumericColumn> numeric = new HashMap<>();
    private final RoaringBitmap universe = new RoaringBitmap();

    public AttributeIndex() {
        Attributes.CATEGORICAL.forEach(name -> categorical.put(name, new CategoricalColumn(false)));
        Attributes.MULTI_VALUED.forEach(name -> categorical.put(name, new CategoricalColumn(true)));
        Attributes.NUMERIC.forEach((name, bucketing) -> numeric.put(name, new NumericColumn(bucketing)));
    }

    /** Sets a categorical attribute (null clears it); values compare in lower case. */
    public void setCategory(String attr, int subject, String value) {
        write(() -> {
            column(attr).set(subject, Attributes.normalise(value));
            universe.add(subject);
        });
    }

    /** Sets a multi-valued attribute to exactly these values. */
    public void setCategories(String attr, int subject, Collection<String> values) {
        write(() -> {
            column(attr).setAll(subject, values.stream().map(Attributes::normalise).distinct().toList());
            universe.add(subject);
        });
    }

    /** Sets a stored numeric attribute in its stored unit (see {@link Attributes#NUMERIC}); null clears it. */
    public void setNumber(String attr, int subject, Integer value) {
        write(() -> {
            NumericColumn c = numeric.get(attr);
            if (c == null) {
                throw new IllegalArgumentException("no numeric attribute " + attr);
            }
            if (value == null) {
                c.clear(subject);
            } else {
                c.set(subject, value);
            }
            universe.add(subject);
        });
    }

    /** Forgets a subject entirely (erasure). */
    public void remove(int subject) {
        write(() -> {
            categorical.values().forEach(c -> c.clear(subject));
            numeric.values().forEach(c -> c.clear(subject));
            universe.remove(subject);
        });
    }

    /** Subjects matching the rule on {@code today} (UTC calendar day for ages and recency). */
    public RoaringBitmap evaluate(Rule rule, LocalDate today) {
        return read(() -> new RuleCompiler(this, today).compile(rule));
    }

    public int size() {
        return read(universe::getCardinality);
    }

    public long bytesUsed() {
        return read(() -> {
            long total = universe.getSizeInBytes();
            for (CategoricalColumn c : categorical.values()) {
                total += c.bytesUsed();
            }
            for (NumericColumn c : numeric.values()) {
                total += c.bytesUsed();
            }
            return total;
        });
    }

    // --- for the compiler, under the read lock ---

    RoaringBitmap universe() {
        return universe;
    }

    CategoricalColumn categorical(String attr) {
        return categorical.get(attr);
    }

    NumericColumn numeric(String attr) {
        return numeric.get(attr);
    }

    private CategoricalColumn column(String attr) {
        CategoricalColumn c = categorical.get(attr);
        if (c == null) {
            throw new IllegalArgumentException("no categorical attribute " + attr);
        }
        return c;
    }

    private void write(Runnable change) {
        lock.writeLock().lock();
        try {
            change.run();
        } finally {
            lock.writeLock().unlock();
        }
    }

    private <T> T read(Supplier<T> query) {
        lock.readLock().lock();
        try {
            return query.get();
        } finally {
            lock.readLock().unlock();
        }
    }
}
