package com.consento.propagation;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP webhook receiver on 127.0.0.1: records every request and answers as told. */
final class Receiver implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Function<Request, Integer> answer = r -> 200;

    record Request(String path, byte[] body, String signature, String deliveryId, String event, int attempt,
                   long receivedNanos) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            return JSON.readTree(body);
        }

        String changeId() {
            return json().get("id").asString();
        }

        String subjectId() {
            JsonNode s = json().get("subjectId");
            return s == null ? null : s.asString();
        }
    }

    Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            var h = exchange.getRequestHeaders();
            String attempt = h.getFirst("X-Consento-Attempt");
            Request r = new Request(exchange.getRequestURI().getPath(), body, h.getFirst("X-Consento-Signature"),
                    h.getFirst("X-Consento-Delivery"), h.getFirst("X-Consento-Event"),
                    attempt == null ? 0 : Integer.parseInt(attempt), System.nanoTime());
            requests.add(r);
            int status;
            try {
                status = answer.apply(r);
            } catch (RuntimeException e) {
                status = 500;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    Receiver answering(Function<Request, Integer> answer) {
        this.answer = answer;
        return this;
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    List<Request> about(String subjectId) {
        return requests.stream().filter(r -> subjectId.equals(r.subjectId())).toList();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
