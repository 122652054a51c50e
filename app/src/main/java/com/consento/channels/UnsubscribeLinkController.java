package com.consento.channels;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code GET /api/v1/subjects/{id}/unsubscribe-link?channel=email}: the one-click link an e-mail sender puts in
 * every marketing message (RFC-8058), with the two headers it should set.
 */
@RestController
@RequestMapping("/api/v1/subjects")
class UnsubscribeLinkController {
    private final UnsubscribeLinks links;

    UnsubscribeLinkController(UnsubscribeLinks links) {
        this.links = links;
    }

    record LinkView(String url, String token, String channel, Instant expiresAt, Map<String, String> headers) {
    }

    @GetMapping("/{id}/unsubscribe-link")
    LinkView link(@PathVariable String id, @RequestParam(defaultValue = "email") String channel) {
        UnsubscribeLinks.Link link = links.issue(id, channel);
        String base = links.publicUrl() != null ? links.publicUrl()
                : ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        String url = base + "/unsubscribe/" + link.token();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<" + url + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        return new LinkView(url, link.token(), link.channel().code(), link.expiresAt(), headers);
    }
}
