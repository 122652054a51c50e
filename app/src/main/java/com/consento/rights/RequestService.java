package com.consento.rights;

import com.consento.identity.IdentityService;
import com.consento.identity.SubjectKeys;
import com.consento.shared.Conflict;
import com.consento.shared.InvalidRequest;
import com.consento.shared.NotFound;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;

/**
 * Files and steers rights requests: due in 15 working days (PIPL-50), refused only with a reason, and
 * counted as overdue or due soon in the metrics. Completing a DELETION request erases the subject.
 */
@Service
public class RequestService {
    static final int WORKING_DAYS = 15;
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Logger log = LoggerFactory.getLogger(RequestService.class);
    private final RequestStore store;
    private final IdentityService identity;
    private final SubjectKeys keys;
    private final ErasureService erasure;
    private final WorkingCalendar calendar;
    private final Clock clock;

    RequestService(RequestStore store, IdentityService identity, SubjectKeys keys, ErasureService erasure,
                   @Value("${consento.rights.calendar:classpath:rights/cn-calendar.txt}") Resource calendar,
                   MeterRegistry metrics, Clock clock) throws java.io.IOException {
        this.store = store;
        this.identity = identity;
        this.keys = keys;
        this.erasure = erasure;
        this.clock = clock;
        this.calendar = WorkingCalendar.parse(new InputStreamReader(calendar.getInputStream(), StandardCharsets.UTF_8));
        Gauge.builder("consento.requests.overdue", () -> store.countOpenDueBefore(clock.millis()))
                .description("open rights requests past their due date").register(metrics);
        Gauge.builder("consento.requests.due_soon",
                        () -> store.countOpenDueBefore(clock.millis() + Duration.ofDays(3).toMillis()))
                .description("open rights requests due within 3 days (overdue included)").register(metrics);
        Gauge.builder("consento.requests.open", store::countOpen).register(metrics);
    }

    public RightsRequest file(String subjectId, String type, String details) {
        String id = identity.requireActive(subjectId);
        RequestType t = parseType(type);
        LocalDate filed = LocalDate.now(clock.withZone(CHINA));
        if (!calendar.covers(filed.getYear()) || !calendar.covers(calendar.addWorkingDays(filed, WORKING_DAYS).getYear())) {
            log.warn("working-day calendar does not cover {}; counting weekdays only — update rights/cn-calendar.txt",
                    filed.getYear());
        }
        long due = calendar.addWorkingDays(filed, WORKING_DAYS).atTime(LocalTime.of(23, 59, 59)).atZone(CHINA)
                .toInstant().toEpochMilli();
        String sealed = details == null || details.isBlank() ? null : keys.encrypt(id, details);
        RequestStore.Row row = new RequestStore.Row("req_" + UUID.randomUUID().toString().replace("-", ""), id, t,
                RequestStatus.RECEIVED, sealed, null, null, clock.millis(), due, null);
        store.insert(row);
        return view(row);
    }

    public RightsRequest get(String id) {
        return view(row(id));
    }

    public List<RightsRequest> list(String status, boolean overdueOnly) {
        RequestStatus s = null;
        if (status != null) {
            try {
                s = RequestStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw new InvalidRequest("status is one of RECEIVED, IN_PROGRESS, COMPLETED, REFUSED", "/query/status");
            }
        }
        return store.list(s, overdueOnly, clock.millis(), 1000).stream().map(this::view).toList();
    }

    public List<RightsRequest> ofSubject(String subjectId) {
        return store.ofSubject(subjectId).stream().map(this::view).toList();
    }

    /** Requests filed in a period, e.g. for an evidence pack. */
    public List<RightsRequest> filedBetween(long from, long to) {
        return store.createdBetween(from, to).stream().map(this::view).toList();
    }

    public RightsRequest assign(String id, String assignee) {
        RequestStore.Row r = open(id);
        if (assignee == null || assignee.isBlank()) {
            throw new InvalidRequest("name the person who handles the request", "/assignee");
        }
        store.update(id, RequestStatus.IN_PROGRESS, assignee, null, null, clock.millis());
        return get(id);
    }

    /** Completes a request with its answer; a DELETION request erases the subject first. */
    public RightsRequest complete(String id, String answer) {
        RequestStore.Row r = open(id);
        if (r.type() == RequestType.DELETION) {
            erasure.erase(r.subjectId());
        }
        store.update(id, RequestStatus.COMPLETED, r.assignee(), answer, clock.millis(), clock.millis());
        return get(id);
    }

    /** PIPL-50: a refusal always carries its reason. */
    public RightsRequest refuse(String id, String reason) {
        RequestStore.Row r = open(id);
        if (reason == null || reason.isBlank()) {
            throw new InvalidRequest("a refusal must give the person its reason (PIPL-50)", "/reason");
        }
        store.update(id, RequestStatus.REFUSED, r.assignee(), reason, clock.millis(), clock.millis());
        return get(id);
    }

    private RequestStore.Row open(String id) {
        RequestStore.Row r = row(id);
        if (!r.status().open()) {
            throw new Conflict("request-closed", "request " + id + " is already " + r.status());
        }
        return r;
    }

    private RequestStore.Row row(String id) {
        return store.find(id).orElseThrow(() -> new NotFound("no request " + id));
    }

    private RightsRequest view(RequestStore.Row r) {
        String details = r.detailsEnc() == null ? null : keys.decrypt(r.subjectId(), r.detailsEnc());
        return new RightsRequest(r.id(), r.subjectId(), r.type(), r.status(), details, r.assignee(), r.resolution(),
                RequestStore.instant(r.createdAt()), RequestStore.instant(r.dueAt()), RequestStore.instant(r.closedAt()));
    }

    private static RequestType parseType(String type) {
        try {
            return RequestType.valueOf(type == null ? "" : type);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest("type is one of ACCESS, PORTABILITY, CORRECTION, DELETION, EXPLANATION", "/type");
        }
    }
}
