package com.consento.console;

import java.time.Instant;
import java.util.List;

/**
 * What the console shows of rights requests (PIPL-50): open and overdue counts for the dashboard, a subject's
 * requests on its page, recent requests for the CSV export. The console works without it (zeros, no requests);
 * to connect the rights capability, add a bean implementing this port in this package that reads the rights
 * API ({@code console} may depend on {@code rights}; never the other way round).
 */
public interface RightsSummaryPort {

    /** {@code pending}: received or in progress; {@code overdue}: pending past the due date (both counts). */
    record Summary(long pending, long overdue) {
    }

    record Request(String id, String subjectId, String type, String status, Instant createdAt, Instant dueAt,
                   Instant closedAt, boolean overdue) {
    }

    Summary summary();

    default List<Request> ofSubject(String subjectId) {
        return List.of();
    }

    /** Most recent first. */
    default List<Request> recent(int limit) {
        return List.of();
    }

    /** False for the built-in stand-in, so pages can say that rights requests are not connected. */
    default boolean connected() {
        return true;
    }

    /** Used while no bean implements the port. */
    RightsSummaryPort NONE = new RightsSummaryPort() {
        @Override
        public Summary summary() {
            return new Summary(0, 0);
        }

        @Override
        public boolean connected() {
            return false;
        }
    };
}
