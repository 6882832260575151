package kr.mokmin.search.embedding;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A fake OpenAI-compatible embeddings server on loopback, for tests: {@code POST /v1/embeddings} answers with
 * vectors from a function of the input text, and records what it was sent. Behaviour can be switched to an
 * error status, a slow answer, or a raw body.
 */
final class FakeEmbeddingsServer implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Received(String path, Map<String, List<String>> headers, JsonNode body) {
        String header(String name) {
            for (var e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().getFirst();
                }
            }
            return null;
        }
    }

    private final HttpServer server;
    private final Function<String, float[]> vectors;
    final List<Received> received = new CopyOnWriteArrayList<>();
    volatile int failWithStatus;
    volatile long delayMillis;
    volatile String rawBody;
    volatile boolean reverseOrder;

    FakeEmbeddingsServer(Function<String, float[]> vectors) throws IOException {
        this.vectors = vectors;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/v1/embeddings", this::handle);
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            received.add(new Received(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()), body));
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "{\"error\":{\"message\":\"method not allowed\"}}");
                return;
            }
            if (failWithStatus != 0) {
                send(exchange, failWithStatus, "{\"error\":{\"message\":\"fake failure\",\"type\":\"server_error\"}}");
                return;
            }
            if (rawBody != null) {
                send(exchange, 200, rawBody);
                return;
            }
            ObjectNode response = JSON.createObjectNode();
            response.put("object", "list");
            response.put("model", body.path("model").asString());
            ArrayNode data = response.putArray("data");
            JsonNode input = body.path("input");
            int n = input.size();
            for (int k = 0; k < n; k++) {
                int i = reverseOrder ? n - 1 - k : k;
                ObjectNode item = data.addObject();
                item.put("object", "embedding");
                item.put("index", i);
                ArrayNode embedding = item.putArray("embedding");
                for (float v : vectors.apply(input.get(i).asString())) {
                    embedding.add(v);
                }
            }
            response.putObject("usage").put("prompt_tokens", n).put("total_tokens", n);
            send(exchange, 200, JSON.writeValueAsString(response));
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
