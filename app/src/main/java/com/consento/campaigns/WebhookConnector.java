package com.consento.campaigns;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts each message as JSON to a gateway ({@code consento.campaigns.webhook.url}), signed like every Consento
 * webhook: {@code X-Consento-Signature: sha256=<hex HMAC-SHA256 of the raw body>} with the configured secret.
 * A non-2xx answer is a refusal.
 */
final class WebhookConnector implements ChannelConnector {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI url;
    private final byte[] secret;
    private final JsonMapper json;

    WebhookConnector(String url, String secret, JsonMapper json) {
        this.url = URI.create(url);
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.json = json;
    }

    @Override
    public void send(OutboundMessage m) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("messageId", m.messageId());
        payload.put("campaignId", m.campaignId());
        payload.put("subjectId", m.subjectId());
        payload.put("channel", m.channel());
        payload.put("to", m.address());
        payload.put("text", m.text());
        String body = json.writeValueAsString(payload);
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("X-Consento-Signature", "sha256=" + hmac(body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        try {
            HttpResponse<Void> r = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException("gateway answered " + r.statusCode());
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("gateway unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private String hmac(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
