package kr.mokmin.search.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a fake embeddings server over real HTTP on loopback. */
class OpenAiEmbedderTest {

    private FakeEmbeddingsServer server;

    @BeforeEach
    void start() throws Exception {
        server = new FakeEmbeddingsServer(ConceptVectors::of);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private OpenAiEmbedder embedder(String apiKey, Integer dimensions, int batchSize, Duration timeout) {
        return new OpenAiEmbedder(new OpenAiEmbedder.Settings(server.baseUrl(), "bge-m3", apiKey,
                Duration.ofSeconds(2), timeout, dimensions, batchSize));
    }

    @Test
    void postsAnOpenAiEmbeddingsRequestAndReadsTheVector() {
        OpenAiEmbedder embedder = embedder("sk-test-123", null, 32, Duration.ofSeconds(5));
        float[] vector = embedder.embed("길이 움푹 패였어요");
        assertThat(vector).containsExactly(1f, 0f, 0f, 0f, 0.1f);
        assertThat(embedder.dimension()).isEqualTo(ConceptVectors.DIMENSION);

        FakeEmbeddingsServer.Received request = server.received.getFirst();
        assertThat(request.path()).isEqualTo("/v1/embeddings");
        assertThat(request.header("Authorization")).isEqualTo("Bearer sk-test-123");
        assertThat(request.header("Content-Type")).startsWith("application/json");
        assertThat(request.body().path("model").asString()).isEqualTo("bge-m3");
        assertThat(request.body().path("input").get(0).asString()).isEqualTo("길이 움푹 패였어요");
        assertThat(request.body().path("encoding_format").asString()).isEqualTo("float");
        assertThat(request.body().has("dimensions")).isFalse();
    }

    @Test
    void sendsNoAuthorizationWithoutAKeyAndAsksForDimensionsWhenSet() {
        OpenAiEmbedder embedder = embedder(null, 5, 32, Duration.ofSeconds(5));
        assertThat(embedder.dimension()).isEqualTo(5);
        embedder.embed("소음");
        FakeEmbeddingsServer.Received request = server.received.getFirst();
        assertThat(request.header("Authorization")).isNull();
        assertThat(request.body().path("dimensions").asInt()).isEqualTo(5);
    }

    @Test
    void batchesAndKeepsTheOrderEvenWhenTheServerShufflesIt() {
        server.reverseOrder = true;
        OpenAiEmbedder embedder = embedder(null, null, 2, Duration.ofSeconds(5));
        List<String> texts = List.of("포트홀", "층간소음", "반려견", "불법 주차", "민원");
        List<float[]> vectors = embedder.embedAll(texts);
        assertThat(vectors).hasSize(5);
        for (int i = 0; i < texts.size(); i++) {
            assertThat(vectors.get(i)).containsExactly(ConceptVectors.of(texts.get(i)));
        }
        // 5 texts in batches of 2: 3 requests
        assertThat(server.received).hasSize(3);
        assertThat(server.received.get(2).body().path("input").size()).isEqualTo(1);
    }

    @Test
    void errorStatusBecomesAnExceptionWithoutTheKey() {
        server.failWithStatus = 401;
        OpenAiEmbedder embedder = embedder("sk-secret-key", null, 32, Duration.ofSeconds(5));
        assertThatThrownBy(() -> embedder.embed("민원"))
                .isInstanceOf(EmbeddingException.class)
                .hasMessageContaining("401").hasMessageContaining("fake failure")
                .hasMessageNotContaining("sk-secret-key")
                .satisfies(e -> assertThat(((EmbeddingException) e).status()).isEqualTo(401));
        assertThat(embedder.toString()).doesNotContain("sk-secret-key");
        assertThat(new OpenAiEmbedder.Settings(server.baseUrl(), "m", "sk-secret-key", null, null, null, 1).toString())
                .doesNotContain("sk-secret-key");
    }

    @Test
    void malformedAnswersAreRejected() {
        OpenAiEmbedder embedder = embedder(null, null, 32, Duration.ofSeconds(5));
        List<String> bodies = new ArrayList<>(List.of(
                "<html>bad gateway</html>",
                "{\"data\": []}",
                "{\"data\": [{\"index\": 0, \"embedding\": []}]}",
                "{\"data\": [{\"index\": 0, \"embedding\": [1, \"x\"]}]}",
                "{\"data\": [{\"index\": 3, \"embedding\": [1, 2]}]}"));
        for (String body : bodies) {
            server.rawBody = body;
            assertThatThrownBy(() -> embedder.embed("민원")).as(body).isInstanceOf(EmbeddingException.class);
        }
    }

    @Test
    void vectorsOfAnotherLengthThanBeforeAreRejected() {
        OpenAiEmbedder embedder = embedder(null, null, 32, Duration.ofSeconds(5));
        embedder.embed("민원");
        server.rawBody = "{\"data\": [{\"index\": 0, \"embedding\": [1, 2]}]}";
        assertThatThrownBy(() -> embedder.embed("민원")).isInstanceOf(EmbeddingException.class)
                .hasMessageContaining("2 dimensions");
    }

    @Test
    void slowServerTimesOut() {
        server.delayMillis = 6_000;
        OpenAiEmbedder embedder = embedder(null, null, 32, Duration.ofMillis(300));
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> embedder.embed("민원")).isInstanceOf(EmbeddingException.class)
                .hasMessageContaining("timed out");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void unreachableServerFailsFast() {
        server.close();
        OpenAiEmbedder embedder = embedder(null, null, 32, Duration.ofSeconds(2));
        assertThatThrownBy(() -> embedder.embed("민원")).isInstanceOf(EmbeddingException.class)
                .satisfies(e -> assertThat(((EmbeddingException) e).status()).isZero());
    }

    @Test
    void blankTextIsRefusedBeforeTheRequest() {
        OpenAiEmbedder embedder = embedder(null, null, 32, Duration.ofSeconds(2));
        assertThatThrownBy(() -> embedder.embed("  ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(server.received).isEmpty();
    }
}
