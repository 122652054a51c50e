package com.consento.console;

import com.consento.catalog.Notice;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The notice form as posted; {@code effectiveAt} is a local date-time in the console's zone, blank = now. */
record NoticeForm(String version, String locale, String title, String body, String url, String handlerName,
                  String handlerContact, String officerContact, List<String> purposes, String methods,
                  String dataCategories, String retention, String rights, Boolean material, String effectiveAt) {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    NoticeForm {
        purposes = purposes == null ? List.of() : List.copyOf(purposes);
    }

    static NoticeForm blank() {
        return new NoticeForm("", "zh-CN", "", "", "", "", "", "", List.of(), "", "", "", "", false, "");
    }

    /** A new version that starts from the text of {@code previous}: only the version and the change to make. */
    static NoticeForm from(Notice previous) {
        return new NoticeForm("", previous.locale(), previous.title(), nz(previous.body()), nz(previous.url()),
                previous.handler() == null ? "" : nz(previous.handler().name()),
                previous.handler() == null ? "" : nz(previous.handler().contact()), nz(previous.officerContact()),
                previous.purposes(), nz(previous.methods()), String.join(", ", previous.dataCategories()),
                nz(previous.retention()), nz(previous.rights()), false, "");
    }

    public boolean covers(String purpose) {
        return purposes.contains(purpose);
    }

    public boolean isMaterial() {
        return Boolean.TRUE.equals(material);
    }

    /** The draft to publish; a malformed effective time goes to {@code errors}. */
    Notice toDraft(ZoneId zone, FormErrors errors, String effectiveAtMessage) {
        Instant effective = null;
        if (effectiveAt != null && !effectiveAt.isBlank()) {
            try {
                effective = LocalDateTime.parse(effectiveAt.trim(), LOCAL).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                errors.add("effectiveAt", effectiveAtMessage);
            }
        }
        return new Notice(trim(version), 0, trim(locale), trim(title), blankToNull(body), blankToNull(url),
                new Notice.Handler(trim(handlerName), trim(handlerContact)), trim(officerContact), purposes,
                trim(methods), PurposeForm.list(dataCategories), trim(retention), trim(rights), isMaterial(), effective,
                Instant.EPOCH, null);
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
