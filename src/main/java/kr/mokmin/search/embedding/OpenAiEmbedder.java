package kr.mokmin.search.embedding;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import kr.mokmin.search.Embedder;

/**
 * An {@link Embedder} over an OpenAI-compatible {@code POST /embeddings} endpoint: vLLM, Ollama, llama.cpp's
 * server, text-embeddings-inference, or OpenAI itself.
 *
 * <p>Requests {@code {"model", "input": [..], "encoding_format": "float"}} (plus {@code "dimensions"} when set,
 * for models that can shorten their vectors) and reads {@code data[].embedding} in {@code data[].index} order.
 * No retries here: ingestion jobs retry a failed document, and a failed query embedding falls back to keyword
 * search in the index.
 */
public final class OpenAiEmbedder implements Embedder {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** How much of an error body goes into an exception message: enough to diagnose, not a whole HTML page. */
    private static final int ERROR_BODY_CHARS = 300;

    /**
     * @param baseUrl        the API base including its version path, e.g. {@code http://localhost:8000/v1};
     *                       requests go to {@code <baseUrl>/embeddings}
     * @param model          the model name the server knows
     * @param apiKey         sent as {@code Authorization: Bearer …}; {@code null} or blank = no header
     * @param connectTimeout time to establish the connection
     * @param requestTimeout time for one whole request
     * @param dimensions     vector length to ask for, or {@code null} for the model's own; Lucene's HNSW
     *                       indexes at most 1024 dimensions
     * @param batchSize      texts per request in {@link #embedAll}
     */
    public record Settings(URI baseUrl, String model, String apiKey, Duration connectTimeout, Duration requestTimeout,
            Integer dimensions, int batchSize) {

        public Settings {
            Objects.requireNonNull(baseUrl, "baseUrl");
            if (model == null || model.isBlank()) {
                throw new IllegalArgumentException("model must not be blank");
            }
            connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
            requestTimeout = requestTimeout == null ? Duration.ofSeconds(30) : requestTimeout;
            if (dimensions != null && dimensions < 1) {
                throw new IllegalArgumentException("dimensions must be positive");
            }
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be positive");
            }
        }

        /** Local defaults: 5 s to connect, 30 s a request, the model's own dimensions, 32 texts a request. */
        public static Settings of(URI baseUrl, String model, String apiKey) {
            return new Settings(baseUrl, model, apiKey, null, null, null, 32);
        }

        @Override
        public String toString() {
            // never print the key
            return "Settings[" + baseUrl + ", model=" + model + ", apiKey=" + (apiKey == null || apiKey.isBlank()
                    ? "none" : "***") + ", dimensions=" + dimensions + "]";
        }
    }

    private final Settings settings;
    private final URI endpoint;
    private final HttpClient http;
    private volatile int dimension;

    public OpenAiEmbedder(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        String base = settings.baseUrl().toString();
        this.endpoint = URI.create((base.endsWith("/") ? base : base + "/") + "embeddings");
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.dimension = settings.dimensions() == null ? 0 : settings.dimensions();
    }

    @Override
    public float[] embed(String text) {
        return request(List.of(text)).getFirst();
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<float[]> out = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i += settings.batchSize()) {
            out.addAll(request(texts.subList(i, Math.min(texts.size(), i + settings.batchSize()))));
        }
        return out;
    }

    /** The configured dimension, else the length of the vectors seen so far, else one probe request. */
    @Override
    public int dimension() {
        if (dimension == 0) {
            embed("차원 확인");
        }
        return dimension;
    }

    private List<float[]> request(List<String> texts) {
        for (String text : texts) {
            if (text == null || text.isBlank()) {
                // OpenAI rejects empty input with a 400; say so before the round trip
                throw new IllegalArgumentException("cannot embed blank text");
            }
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("model", settings.model());
        ArrayNode input = body.putArray("input");
        texts.forEach(input::add);
        body.put("encoding_format", "float");
        if (settings.dimensions() != null) {
            body.put("dimensions", settings.dimensions());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
        if (settings.apiKey() != null && !settings.apiKey().isBlank()) {
            request.header("Authorization", "Bearer " + settings.apiKey());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new EmbeddingException("embeddings request to " + endpoint + " timed out", 0, e);
        } catch (IOException e) {
            throw new EmbeddingException("embeddings request to " + endpoint + " failed: " + e, 0, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddingException("interrupted while waiting for " + endpoint, 0, e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new EmbeddingException("embeddings server answered " + response.statusCode() + ": "
                    + excerpt(response.body()), response.statusCode(), null);
        }
        return parse(response.body(), texts.size());
    }

    private List<float[]> parse(String body, int expected) {
        JsonNode data;
        try {
            data = JSON.readTree(body).path("data");
        } catch (JacksonException e) {
            throw new EmbeddingException("embeddings server sent invalid JSON: " + excerpt(body), 200, e);
        }
        if (!data.isArray() || data.size() != expected) {
            throw new EmbeddingException("expected " + expected + " embeddings, got: " + excerpt(body), 200, null);
        }
        float[][] vectors = new float[expected][];
        for (int i = 0; i < data.size(); i++) {
            JsonNode item = data.get(i);
            int index = item.path("index").asInt(i);
            JsonNode embedding = item.path("embedding");
            if (index < 0 || index >= expected || vectors[index] != null || !embedding.isArray() || embedding.isEmpty()) {
                throw new EmbeddingException("malformed embedding item " + i + ": " + excerpt(item.toString()), 200, null);
            }
            float[] vector = new float[embedding.size()];
            for (int j = 0; j < vector.length; j++) {
                JsonNode v = embedding.get(j);
                if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
                    throw new EmbeddingException("non-numeric embedding component in item " + i, 200, null);
                }
                vector[j] = (float) v.asDouble();
            }
            vectors[index] = vector;
        }
        for (float[] vector : vectors) {
            checkDimension(vector.length);
        }
        return List.of(vectors);
    }

    private synchronized void checkDimension(int length) {
        if (dimension == 0) {
            dimension = length;
        } else if (dimension != length) {
            throw new EmbeddingException("embedding has " + length + " dimensions, expected " + dimension, 200, null);
        }
    }

    private static String excerpt(String body) {
        String oneLine = body == null ? "" : body.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= ERROR_BODY_CHARS ? oneLine : oneLine.substring(0, ERROR_BODY_CHARS) + "…";
    }
}
