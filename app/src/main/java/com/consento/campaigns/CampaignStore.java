package com.consento.campaigns;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Campaigns (the definition stored whole as JSON), launches and sends as rows (V7__campaigns.sql). */
@Repository
class CampaignStore {
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final JsonMapper json;

    CampaignStore(JdbcClient jdbc, JdbcTemplate batch, JsonMapper json) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.json = json;
    }

    void insert(Campaign c) {
        jdbc.sql("INSERT INTO campaign (id, name, type, purpose, channel, doc, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(c.id(), c.name(), c.type().name(), c.purpose(), c.channel(), json.writeValueAsString(c),
                        c.createdAt()).update();
    }

    Optional<Campaign> find(String id) {
        return jdbc.sql("SELECT doc FROM campaign WHERE id = ?").param(id).query(String.class).optional()
                .map(doc -> json.readValue(doc, Campaign.class));
    }

    List<Campaign> all() {
        return jdbc.sql("SELECT doc FROM campaign ORDER BY created_at DESC, id").query(String.class).list().stream()
                .map(doc -> json.readValue(doc, Campaign.class)).toList();
    }

    int launches(String campaignId) {
        return jdbc.sql("SELECT COUNT(*) FROM campaign_launch WHERE campaign_id = ?").param(campaignId)
                .query(Integer.class).single();
    }

    /** Messages already sent per person by this campaign: the campaign cap counts them. */
    Map<String, Integer> sentPerPerson(String campaignId) {
        Map<String, Integer> counts = new HashMap<>();
        jdbc.sql("SELECT subject_id, COUNT(*) FROM campaign_send WHERE campaign_id = ? AND status = 'SENT' "
                + "GROUP BY subject_id").param(campaignId).query(rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                });
        return counts;
    }

    void insertLaunch(String campaignId, int launchNo, long at, List<Send> sends) {
        int[] counts = new int[Send.Status.values().length];
        sends.forEach(s -> counts[s.status().ordinal()]++);
        jdbc.sql("INSERT INTO campaign_launch (campaign_id, launch_no, launched_at, sent, suppressed, control) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(campaignId, launchNo, at, counts[Send.Status.SENT.ordinal()],
                        counts[Send.Status.SUPPRESSED.ordinal()], counts[Send.Status.CONTROL.ordinal()]).update();
        batch.batchUpdate("INSERT INTO campaign_send (campaign_id, launch_no, subject_id, status, reason, sent_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)",
                sends.stream().map(s -> new Object[] {campaignId, launchNo, s.subjectId(), s.status().name(),
                        s.reason(), s.at()}).toList());
    }

    List<Send> sends(String campaignId) {
        return jdbc.sql("SELECT subject_id, status, reason, sent_at FROM campaign_send WHERE campaign_id = ? "
                        + "ORDER BY sent_at, subject_id").param(campaignId)
                .query((rs, n) -> new Send(rs.getString(1), Send.Status.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getLong(4))).list();
    }

    /** Every message sent since {@code from}, for the frequency caps at start-up. */
    void forEachSentSince(long from, BiConsumer<String, Long> subjectAndTime) {
        jdbc.sql("SELECT subject_id, sent_at FROM campaign_send WHERE status = 'SENT' AND sent_at >= ?").param(from)
                .query(rs -> {
                    subjectAndTime.accept(rs.getString(1), rs.getLong(2));
                });
    }
}
