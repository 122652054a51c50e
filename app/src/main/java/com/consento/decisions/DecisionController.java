package com.consento.decisions;

import com.consento.shared.InvalidRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/decisions")
class DecisionController {
    static final int MAX_CHECKS = 10_000;
    private final DecisionService decisions;

    DecisionController(DecisionService decisions) {
        this.decisions = decisions;
    }

    record DecisionView(boolean allowed, String reason, String eventId) {
        static DecisionView of(Decision d) {
            return new DecisionView(d.allowed(), d.reason().name(), d.eventRef());
        }
    }

    @GetMapping
    DecisionView decide(@RequestParam String subject, @RequestParam String purpose,
                        @RequestParam(required = false) String channel) {
        return DecisionView.of(decisions.decide(subject, purpose, channel));
    }

    record Check(String subject, String purpose, String channel) {
    }

    record Checks(List<Check> checks) {
    }

    @PostMapping("/batch")
    Map<String, List<DecisionView>> batch(@RequestBody Checks body) {
        if (body.checks() == null || body.checks().isEmpty()) {
            throw new InvalidRequest("checks must hold at least one {subject, purpose, channel}", "/checks");
        }
        if (body.checks().size() > MAX_CHECKS) {
            throw new InvalidRequest("at most " + MAX_CHECKS + " checks per batch", "/checks");
        }
        List<DecisionView> results = new ArrayList<>(body.checks().size());
        for (int i = 0; i < body.checks().size(); i++) {
            Check c = body.checks().get(i);
            if (c == null || c.subject() == null || c.purpose() == null) {
                throw new InvalidRequest("each check needs subject and purpose", "/checks/" + i);
            }
            results.add(DecisionView.of(decisions.decide(c.subject(), c.purpose(), c.channel())));
        }
        return Map.of("results", results);
    }
}
