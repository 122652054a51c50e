package com.consento.preferences;

import com.consento.identity.IdentityService;
import com.consento.identity.ProfileService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/subjects/{id}/prompts[?feature=<purpose>]}: what may be asked now. {@code guardianRequired}
 * tells the channel that the person is under 14, so a guardian must answer (PIPL-31a).
 */
@RestController
class PromptController {
    private static final int ADULT_AGE = 14;
    private final PromptService prompts;
    private final IdentityService identity;
    private final ProfileService profiles;
    private final Clock clock;

    PromptController(PromptService prompts, IdentityService identity, ProfileService profiles, Clock clock) {
        this.prompts = prompts;
        this.identity = identity;
        this.profiles = profiles;
        this.clock = clock;
    }

    record PromptsView(String subjectId, boolean guardianRequired, List<Prompt> prompts) {
    }

    @GetMapping("/api/v1/subjects/{id}/prompts")
    PromptsView prompts(@PathVariable String id, @RequestParam(required = false) String feature) {
        String subjectId = identity.requireActive(id);
        return new PromptsView(subjectId, minor(subjectId), prompts.prompts(subjectId, feature));
    }

    private boolean minor(String subjectId) {
        Object birth = profiles.profile(subjectId).get("birthDate");
        if (birth == null) {
            return false;
        }
        try {
            return LocalDate.parse(birth.toString()).plusYears(ADULT_AGE).isAfter(LocalDate.now(clock));
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }
}
