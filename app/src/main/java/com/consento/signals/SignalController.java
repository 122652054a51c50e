package com.consento.signals;

import com.consento.shared.Problems;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class SignalController {
    static final int MAX_LINES = 1_000;
    private final SignalService signals;
    private final Clock clock;

    SignalController(SignalService signals, Clock clock) {
        this.signals = signals;
        this.clock = clock;
    }

    record LineBody(String sku, Integer quantity, BigDecimal unitPrice, String category) {
    }

    record OrderBody(String orderId, String subject, Instant placedAt, List<LineBody> lines) {
    }

    @PostMapping("/orders")
    ResponseEntity<SignalService.Recorded> order(@RequestBody OrderBody body) {
        SignalService.Recorded r = signals.recordOrder(toOrder(body));
        return ResponseEntity.status(r.created() ? HttpStatus.CREATED : HttpStatus.OK).body(r);
    }

    record BrowseBody(String subject, String sku, String category, Instant occurredAt) {
    }

    @PostMapping("/events/browse")
    ResponseEntity<SignalService.Browse> browse(@RequestBody BrowseBody body) {
        Problems problems = new Problems();
        problems.require(body.subject() != null && !body.subject().isBlank(), "/subject", "subject is required");
        problems.require(body.sku() != null && !body.sku().isBlank() && body.sku().length() <= 64, "/sku",
                "sku is required (at most 64 characters)");
        problems.throwIfAny("invalid-browse-event");
        long at = body.occurredAt() == null ? clock.millis() : body.occurredAt().toEpochMilli();
        SignalService.Browse b = signals.recordBrowse(body.subject(), body.sku().strip(), body.category(), at);
        return ResponseEntity.status(b.stored() ? HttpStatus.CREATED : HttpStatus.ACCEPTED).body(b);
    }

    @GetMapping("/subjects/{id}/attributes")
    Map<String, Object> attributes(@PathVariable String id) {
        return Map.of("subjectId", id, "attributes", signals.attributes(id));
    }

    private Order toOrder(OrderBody b) {
        Problems problems = new Problems();
        problems.require(b.orderId() != null && !b.orderId().isBlank() && b.orderId().length() <= 64, "/orderId",
                "orderId is required (at most 64 characters); it makes the call idempotent");
        problems.require(b.subject() != null && !b.subject().isBlank(), "/subject",
                "subject is required: a subject id or type:value, e.g. phone:+8613800138000");
        problems.require(b.lines() != null && !b.lines().isEmpty() && b.lines().size() <= MAX_LINES, "/lines",
                "an order has 1 to " + MAX_LINES + " lines");
        List<OrderLine> lines = new ArrayList<>();
        for (int i = 0; b.lines() != null && i < b.lines().size(); i++) {
            LineBody l = b.lines().get(i);
            String at = "/lines/" + i;
            if (l == null) {
                problems.add(at, "a line is {sku, quantity, unitPrice, category}");
                continue;
            }
            problems.require(l.sku() != null && !l.sku().isBlank() && l.sku().length() <= 64, at + "/sku",
                    "sku is required (at most 64 characters)");
            problems.require(l.quantity() != null && l.quantity() > 0, at + "/quantity", "quantity is a whole number above 0");
            problems.require(l.unitPrice() != null && l.unitPrice().signum() >= 0, at + "/unitPrice",
                    "unitPrice is a number of at least 0");
            problems.require(l.category() == null || l.category().length() <= 64, at + "/category",
                    "category is at most 64 characters");
            if (l.sku() != null && l.quantity() != null && l.unitPrice() != null) {
                lines.add(new OrderLine(l.sku().strip(), l.quantity(), l.unitPrice(), l.category()));
            }
        }
        problems.throwIfAny("invalid-order");
        long placedAt = b.placedAt() == null ? clock.millis() : b.placedAt().toEpochMilli();
        return new Order(b.orderId().strip(), b.subject().strip(), placedAt, lines);
    }
}
