package com.consento.preferencecentre;

import java.util.List;

/**
 * What the templates render; built by {@link PageBuilder}, plain records. Public only because the template
 * engine calls their methods reflectively; nothing outside this package uses them.
 */
public final class PageModel {
    private PageModel() {
    }

    /** One checkbox/switch: grants or withdraws exactly one key. {@code key} is "purpose|channel". */
    public record Control(String id, String key, String purpose, String channel, String form, String labelPrefix,
                   String labelVisible, boolean checked, boolean disabled, String status) {

        /** The hidden field that tells the no-JavaScript form what the control showed. */
        public String shown() {
            return key + "|" + (checked ? "1" : "0");
        }
    }

    public record Fact(String term, String value) {
    }

    public record Card(String code, String name, String description, List<Fact> facts, String promise, String note,
                String form, boolean separate, List<Control> controls) {
    }

    public record Section(String id, String title, String intro, List<Card> cards) {
        public boolean empty() {
            return cards.isEmpty();
        }
    }

    public record HistoryLine(String when, String where, String what, boolean byGuardian) {
    }

    public record DiffLine(String kind, String sign, String text) {
    }

    public record NoticeInfo(String title, String version, String effective, String body, String url, String handlerName,
                      String handlerContact, String officer, String rights, String agreedVersion, boolean changed,
                      boolean material, List<DiffLine> changes) {
    }

    public record Guardian(boolean verified, String verifiedPhone, String relationship, String pendingPhone) {
    }

    public record TopicBox(String id, String code, String label, boolean checked) {
    }

    public record PreferencesForm(List<TopicBox> topics, String categories, String brands, String maxPerWeek,
                           String quietStart, String quietEnd, String language, String updated) {
    }
}
