package com.consento.propagation;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Sends one signed delivery over HTTP on the relay's own threads, with connect and request time-outs, so a
 * slow or dead receiver costs a delivery slot, never an ingest request. Redirects are not followed.
 */
@Component
class WebhookSender implements DisposableBean {
    static final String DELIVERY_HEADER = "X-Consento-Delivery";
    private final ExecutorService executor;
    private final HttpClient http;
    private final Duration requestTimeout;

    WebhookSender(@Value("${consento.webhooks.connect-timeout:2s}") Duration connectTimeout,
                  @Value("${consento.webhooks.request-timeout:5s}") Duration requestTimeout) {
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "consento-webhook-http");
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).executor(executor).build();
        this.requestTimeout = requestTimeout;
    }

    /** The receiver's HTTP status, or a failed future (time-out, refused connection …). */
    CompletableFuture<Integer> send(String url, String secret, String deliveryId, String type, int attempt,
                                    byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Consento-Webhooks/1")
                .header(Signatures.HEADER, Signatures.sign(secret, body))
                .header(DELIVERY_HEADER, deliveryId)
                .header("X-Consento-Event", type)
                .header("X-Consento-Attempt", Integer.toString(attempt))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode);
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
