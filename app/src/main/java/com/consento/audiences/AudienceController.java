package com.consento.audiences;

import com.consento.shared.InvalidRequest;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/audiences")
class AudienceController {
    private final AudienceService audiences;

    AudienceController(AudienceService audiences) {
        this.audiences = audiences;
    }

    record FrequencyCap(Integer perWeek) {
    }

    record PreviewBody(String purpose, String channel, Map<String, Object> rule, FrequencyCap frequencyCap,
                       List<String> suppressionLists, String topic) {
    }

    /** The contract's counts; {@code count} = matchedRule minus every exclusion. */
    record PreviewView(int count, int matchedRule, int excludedByConsent, int excludedBySuppression,
                       int excludedByPreference, int excludedByFrequencyCap) {
    }

    @PostMapping("/preview")
    PreviewView preview(@RequestBody PreviewBody body) {
        if (body.purpose() == null || body.purpose().isBlank()) {
            throw new InvalidRequest("purpose is required: the consent that gates this audience", "/purpose");
        }
        if (body.rule() == null) {
            throw new InvalidRequest("rule is required, e.g. {\"all\": [{\"attr\": \"tier\", \"op\": \"eq\", "
                    + "\"value\": \"gold\"}]}", "/rule");
        }
        AudienceQuery query = new AudienceQuery(body.purpose(), body.channel(), RuleParser.parse(body.rule(), "/rule"),
                body.frequencyCap() == null ? null : body.frequencyCap().perWeek(), body.suppressionLists(),
                body.topic());
        AudienceFunnel.Counts c = audiences.evaluate(query).counts();
        return new PreviewView(c.count(), c.matchedRule(), c.excludedByConsent(), c.excludedBySuppression(),
                c.excludedByPreference(), c.excludedByFrequencyCap());
    }
}
