package com.consento.audiences;

import com.consento.signals.AttributeListener;
import com.consento.signals.CustomerAttributes;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.springframework.stereotype.Component;

/** Keeps the {@link AttributeIndex} in step with the customer attributes that signals derives. */
@Component
class IndexFeeder implements AttributeListener {
    private static final long DAY = 86_400_000L;
    private final AttributeIndex index;

    IndexFeeder(AttributeIndex index) {
        this.index = index;
    }

    @Override
    public void attributesChanged(CustomerAttributes a) {
        int s = a.subject();
        index.setCategory(Attributes.TIER, s, a.tier());
        index.setCategory(Attributes.CITY, s, a.city());
        index.setCategory(Attributes.GENDER, s, a.gender());
        index.setCategory(Attributes.TOP_CATEGORY, s, a.topCategory());
        index.setCategories(Attributes.CATEGORY, s, a.categories());
        index.setNumber(Attributes.BIRTH_MONTH, s, a.birthMonth());
        index.setNumber(Attributes.BIRTH_DAY, s, a.birthDate() == null ? null : (int) a.birthDate().toEpochDay());
        index.setNumber(Attributes.ORDERS, s, a.orders());
        index.setNumber(Attributes.TOTAL_SPEND, s, cents(a.totalSpend()));
        index.setNumber(Attributes.LAST_ORDER_DAY, s, a.orders() == 0 ? null : (int) Math.floorDiv(a.lastOrderAt(), DAY));
    }

    @Override
    public void attributesRemoved(int subject) {
        index.remove(subject);
    }

    static int cents(BigDecimal amount) {
        return amount.movePointRight(2).setScale(0, RoundingMode.HALF_UP)
                .min(BigDecimal.valueOf(Integer.MAX_VALUE)).max(BigDecimal.valueOf(Integer.MIN_VALUE)).intValue();
    }
}
