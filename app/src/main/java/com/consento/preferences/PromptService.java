package com.consento.preferences;

import com.consento.catalog.Catalog;
import com.consento.catalog.CatalogService;
import com.consento.ledger.ConsentQueries;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.stereotype.Service;

/**
 * The prompt API: which consents a channel may ask a person for now (NDSR-22e). The refusal cooldown is
 * {@code consento.prompts.cooldown} (default {@code 48h}).
 */
@Service
public class PromptService {
    private final CatalogService catalog;
    private final ConsentQueries consents;
    private final Clock clock;
    private final Duration cooldown;

    PromptService(CatalogService catalog, ConsentQueries consents, Clock clock,
                  @Value("${consento.prompts.cooldown:48h}") String cooldown) {
        this.catalog = catalog;
        this.consents = consents;
        this.clock = clock;
        this.cooldown = DurationStyle.detectAndParse(cooldown);
    }

    public Duration cooldown() {
        return cooldown;
    }

    /**
     * @param feature the purpose whose feature the person opened themselves (lifts that purpose's cooldown), or null
     */
    public List<Prompt> prompts(String subjectId, String feature) {
        Map<String, PromptRule.KeyState> states = new HashMap<>();
        consents.consents(subjectId, null).forEach(v -> states.put(PromptRule.key(v.purpose(), v.channel()),
                new PromptRule.KeyState(v.status(), v.since())));
        Catalog snapshot = catalog.snapshot();
        return PromptRule.prompts(snapshot.purposes().values(), snapshot::currentNoticeFor, states, clock.instant(),
                cooldown, feature);
    }
}
