package com.consento.signals;

import com.consento.identity.IdentityService;
import com.consento.identity.ProfileService;
import com.consento.shared.NotFound;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Per-subject facts in memory (profile fields read through {@link ProfileService}, order counts, spend by
 * category, last order), folded into {@link CustomerAttributes} and handed to every {@link AttributeListener}
 * after each change. Only ever updated after the change is committed.
 */
@Component
class CustomerFacts {
    private final Map<Integer, Facts> bySubject = new ConcurrentHashMap<>();
    private final IdentityService identity;
    private final ProfileService profiles;
    private final ObjectProvider<AttributeListener> listeners;

    CustomerFacts(IdentityService identity, ProfileService profiles, ObjectProvider<AttributeListener> listeners) {
        this.identity = identity;
        this.profiles = profiles;
        this.listeners = listeners;
    }

    /** Mutable per-subject totals; guarded by its own monitor. */
    private static final class Facts {
        LocalDate birthDate;
        String gender;
        String tier;
        String city;
        int orders;
        BigDecimal spend = BigDecimal.ZERO;
        long lastOrderAt;
        final Map<String, BigDecimal> byCategory = new HashMap<>();
    }

    /** Folds a committed order in; {@code publish} false while bulk-loading (call {@link #publish} after). */
    void addOrder(Order order, boolean publish) {
        int subject = subjectIndex(order.subjectId());
        if (subject < 0) {
            return;
        }
        Facts f = bySubject.computeIfAbsent(subject, s -> new Facts());
        synchronized (f) {
            f.orders++;
            f.spend = f.spend.add(order.amount());
            f.lastOrderAt = Math.max(f.lastOrderAt, order.placedAt());
            order.lines().forEach(l -> {
                if (l.category() != null && !l.category().isBlank()) {
                    f.byCategory.merge(l.category().strip(), l.amount(), BigDecimal::add);
                }
            });
        }
        if (publish) {
            publish(subject);
        }
    }

    /** Re-reads the profile fields (birthDate, gender, tier, city) of a subject; false when it is gone. */
    boolean refreshProfile(String subjectId) {
        int subject = subjectIndex(subjectId);
        Map<String, Object> profile;
        try {
            profile = subject < 0 ? null : profiles.profile(identity.idOf(subject));
        } catch (NotFound e) {
            profile = null;
        }
        if (profile == null) {
            return false;
        }
        Facts f = bySubject.computeIfAbsent(subject, s -> new Facts());
        synchronized (f) {
            f.birthDate = date(profile.get("birthDate"));
            f.gender = text(profile.get("gender"));
            f.tier = text(profile.get("tier"));
            f.city = text(profile.get("city"));
        }
        return true;
    }

    void publish(int subject) {
        attributes(subject).ifPresent(a -> listeners.forEach(l -> l.attributesChanged(a)));
    }

    void publishAll() {
        bySubject.keySet().forEach(this::publish);
    }

    Optional<CustomerAttributes> attributes(int subject) {
        Facts f = bySubject.get(subject);
        if (f == null) {
            return Optional.empty();
        }
        synchronized (f) {
            String top = f.byCategory.entrySet().stream()
                    .max(Map.Entry.<String, BigDecimal>comparingByValue().thenComparing(Map.Entry.comparingByKey(
                            java.util.Comparator.reverseOrder())))
                    .map(Map.Entry::getKey).orElse(null);
            return Optional.of(new CustomerAttributes(subject, identity.idOf(subject), f.birthDate, f.gender, f.tier,
                    f.city, f.orders, f.spend, f.lastOrderAt, f.byCategory.keySet(), top));
        }
    }

    boolean known(int subject) {
        return bySubject.containsKey(subject);
    }

    /** The surviving subject's dense index for an id, or -1. */
    int subjectIndex(String subjectId) {
        int index = identity.indexOf(subjectId);
        return index < 0 ? -1 : identity.directory().survivor(index);
    }

    private static LocalDate date(Object value) {
        try {
            return value == null ? null : LocalDate.parse(value.toString());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }
}
