package com.consento.campaigns;

/** One person's outcome in one launch: {@code status} SENT, SUPPRESSED or CONTROL, with the reason if suppressed. */
public record Send(String subjectId, Status status, String reason, long at) {

    public enum Status { SENT, SUPPRESSED, CONTROL }
}
