package com.consento.console;

import com.consento.rights.RequestService;
import com.consento.rights.RightsRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/** The console's view of rights requests, read through the rights API (PIPL-50). */
@Component("consoleRightsSummary")
class RightsSummary implements RightsSummaryPort {
    private final RequestService requests;
    private final Clock clock;

    RightsSummary(RequestService requests, Clock clock) {
        this.requests = requests;
        this.clock = clock;
    }

    @Override
    public Summary summary() {
        List<RightsRequest> open = requests.list("RECEIVED", false);
        List<RightsRequest> working = requests.list("IN_PROGRESS", false);
        long overdue = requests.list(null, true).size();
        return new Summary(open.size() + working.size(), overdue);
    }

    @Override
    public List<Request> ofSubject(String subjectId) {
        return requests.ofSubject(subjectId).stream().map(this::view).toList();
    }

    @Override
    public List<Request> recent(int limit) {
        return requests.list(null, false).stream().sorted(Comparator.comparing(RightsRequest::createdAt).reversed())
                .limit(limit).map(this::view).toList();
    }

    private Request view(RightsRequest r) {
        Instant now = clock.instant();
        return new Request(r.id(), r.subjectId(), r.type().name(), r.status().name(), r.createdAt(), r.dueAt(),
                r.closedAt(), r.overdue(now));
    }
}
