package com.consento.console;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A console user over plain HTTP, as a browser without JavaScript: cookies kept, redirects not followed, the
 * CSRF token taken from the pages' forms.
 */
final class ConsoleClient {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private final String base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private String csrf;

    ConsoleClient(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    record Page(int status, String body, String location) {
    }

    /** Signs in and returns the client; the response of the sign-in POST is kept in {@link #last}. */
    static ConsoleClient signedIn(int port, String username, String password) {
        ConsoleClient c = new ConsoleClient(port);
        c.last = c.signIn(username, password);
        return c;
    }

    Page last;

    Page signIn(String username, String password) {
        get("/admin/login");
        Page page = post("/admin/login", Map.of("username", username, "password", password));
        csrf = null; // signing in replaces the token
        return page;
    }

    Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** A form POST with the CSRF token of the last page that had one (fetching {@code /admin} when none). */
    Page post(String path, Map<String, ?> form) {
        if (csrf == null) {
            get(signedIn() ? "/admin" : "/admin/login");
        }
        return postWithToken(path, form, csrf);
    }

    Page postWithToken(String path, Map<String, ?> form, String token) {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> {
            List<?> values = v instanceof List<?> l ? l : List.of(v);
            for (Object value : values) {
                body.append(body.length() == 0 ? "" : "&").append(enc(k)).append('=').append(enc(value.toString()));
            }
        });
        if (token != null) {
            body.append(body.length() == 0 ? "" : "&").append("_csrf=").append(enc(token));
        }
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    boolean signedIn() {
        return cookie("JSESSIONID") != null;
    }

    String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    List<String> cookieNames() {
        return cookies.getCookieStore().getCookies().stream().map(HttpCookie::getName).collect(Collectors.toList());
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Matcher m = CSRF.matcher(r.body());
            if (m.find()) {
                csrf = m.group(1);
            }
            return new Page(r.statusCode(), r.body(), r.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
