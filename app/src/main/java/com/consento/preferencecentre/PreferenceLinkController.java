package com.consento.preferencecentre;

import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/subjects/{id}/preference-link[?via=app]}: a signed, expiring link to the person's
 * preference centre, for an SMS, an e-mail, the app's privacy entry or a QR code on a store receipt.
 */
@RestController
class PreferenceLinkController {
    private final PreferenceLinks links;

    PreferenceLinkController(PreferenceLinks links) {
        this.links = links;
    }

    record LinkView(String subjectId, String url, String token, Instant expiresAt) {
    }

    @GetMapping("/api/v1/subjects/{id}/preference-link")
    LinkView link(@PathVariable String id, @RequestParam(required = false) String via) {
        PreferenceLinks.Link link = links.issue(id, "app".equalsIgnoreCase(via));
        return new LinkView(id, link.url(), link.token(), link.expiresAt());
    }
}
