package com.consento.campaigns;

import com.consento.shared.InvalidRequest;
import java.math.BigDecimal;
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
@RequestMapping("/api/v1/campaigns")
class CampaignController {
    private final CampaignService campaigns;
    private final CampaignLauncher launcher;

    CampaignController(CampaignService campaigns, CampaignLauncher launcher) {
        this.campaigns = campaigns;
        this.launcher = launcher;
    }

    record AudienceBody(Map<String, Object> rule, List<String> suppressionLists) {
    }

    record TemplateBody(String text) {
    }

    record CapBody(Integer perWeek, Integer perCampaign) {
    }

    record OfferBody(String description) {
    }

    record CampaignBody(String name, String type, String purpose, String channel, AudienceBody audience,
                        BigDecimal controlPercent, BigDecimal costPerMessage, TemplateBody template, String topic,
                        OfferBody offer, Integer attributionWindowDays, CapBody frequencyCap) {
    }

    @PostMapping
    ResponseEntity<Campaign> create(@RequestBody CampaignBody b) {
        if (b.template() == null) {
            throw new InvalidRequest("invalid-campaign", "CPL-29: a campaign needs a template {text}",
                    List.of(new com.consento.shared.FieldProblem("/template", "required")));
        }
        AudienceBody audience = b.audience() == null ? new AudienceBody(null, null) : b.audience();
        CapBody cap = b.frequencyCap() == null ? new CapBody(null, null) : b.frequencyCap();
        Campaign c = campaigns.create(new CampaignService.Draft(b.name(), b.type(), b.purpose(), b.channel(),
                audience.rule(), audience.suppressionLists(), b.topic(), b.controlPercent(), b.costPerMessage(),
                b.template().text(), b.offer() == null ? null : b.offer().description(), b.attributionWindowDays(),
                cap.perWeek(), cap.perCampaign()));
        return ResponseEntity.status(HttpStatus.CREATED).body(c);
    }

    @GetMapping
    Map<String, List<Campaign>> list() {
        return Map.of("campaigns", campaigns.campaigns());
    }

    @GetMapping("/{id}")
    Campaign get(@PathVariable String id) {
        return campaigns.campaign(id);
    }

    @PostMapping("/{id}/launch")
    CampaignLauncher.Launch launch(@PathVariable String id) {
        return launcher.launch(id);
    }

    /** Every outcome of every launch: who was sent, held out or suppressed, why and when (for audit). */
    @GetMapping("/{id}/sends")
    Map<String, List<Send>> sends(@PathVariable String id) {
        return Map.of("sends", campaigns.sends(id));
    }

    @GetMapping("/{id}/report")
    CampaignReport report(@PathVariable String id) {
        return campaigns.report(id);
    }
}
