package com.consento.signals;

import com.consento.identity.PersonalDataHolder;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Orders and browsing in a person's export (PIPL-45a), and what erasure does to them (ECL-24, PIPL-47b):
 * browsing is deleted; orders are accounting records the retailer must keep, so they stay with amounts and
 * items but lose the link to the person.
 */
@Component
class SignalPersonalData implements PersonalDataHolder {
    static final String ERASED = "erased";
    private final JdbcClient jdbc;
    private final SignalService signals;

    SignalPersonalData(JdbcClient jdbc, SignalService signals) {
        this.jdbc = jdbc;
        this.signals = signals;
    }

    @Override
    public String section() {
        return "signals";
    }

    @Override
    public Object export(String subjectId) {
        List<Map<String, Object>> browsing = jdbc.sql("SELECT sku, category, occurred_at FROM signal_browse "
                + "WHERE subject_id = ? ORDER BY occurred_at").param(subjectId).query().listOfRows();
        return Map.of("orders", signals.ordersOf(subjectId), "browsing", browsing,
                "attributes", signals.attributes(subjectId));
    }

    @Override
    public Map<String, Object> describe(String subjectId) {
        return Map.of("browsingEvents", count("signal_browse", subjectId), "ordersUnlinked",
                count("signal_order", subjectId));
    }

    @Override
    public void erase(String subjectId) {
        jdbc.sql("DELETE FROM signal_browse WHERE subject_id = ?").param(subjectId).update();
        jdbc.sql("UPDATE signal_order SET subject_id = ? WHERE subject_id = ?").params(ERASED, subjectId).update();
    }

    private long count(String table, String subjectId) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE subject_id = ?").param(subjectId)
                .query(Long.class).single();
    }
}
