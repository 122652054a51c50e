package com.consento.preferencecentre;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A cookie-keeping HTTP client that sees the pages as a browser without JavaScript would. */
final class PageClient {
    private static final Pattern CSRF = Pattern.compile("data-csrf=\"([^\"]+)\"");
    private final String base;
    private final HttpClient http;

    PageClient(int port) {
        this.base = "http://127.0.0.1:" + port;
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    HttpResponse<String> get(String pathOrUrl) {
        return send(HttpRequest.newBuilder(uri(pathOrUrl)).GET());
    }

    /** Posts a form; {@code fields} are name, value pairs (a name may repeat). */
    HttpResponse<String> post(String path, String... fields) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            body.append(body.length() == 0 ? "" : "&").append(enc(fields[i])).append('=').append(enc(fields[i + 1]));
        }
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    HttpResponse<String> postJson(String path, String json, String csrf) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (csrf != null) {
            b.header("X-CSRF-Token", csrf);
        }
        return send(b);
    }

    private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>");

    /** The consent control of a key, as its tag ({@code channel} null for none), or null when the page has none. */
    static String control(String html, String purpose, String channel) {
        Matcher m = INPUT.matcher(html);
        while (m.find()) {
            String tag = m.group();
            if (tag.contains("data-purpose=\"" + purpose + "\"") && (channel == null ? !tag.contains("data-channel=")
                    : tag.contains("data-channel=\"" + channel + "\""))) {
                return tag;
            }
        }
        return null;
    }

    static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        return m.find() ? m.group(1) : null;
    }

    private URI uri(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
