package com.consento.rights;

import java.time.Instant;

/** A filed request and what became of it. {@code resolution} is the answer, or the reason of a refusal. */
public record RightsRequest(String id, String subjectId, RequestType type, RequestStatus status, String details,
                            String assignee, String resolution, Instant createdAt, Instant dueAt, Instant closedAt) {

    public boolean overdue(Instant now) {
        return status.open() && now.isAfter(dueAt);
    }
}
