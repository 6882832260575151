package kr.mokmin.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import kr.mokmin.support.Http;
import kr.mokmin.support.IntegrationTest;

/**
 * A server with a tiny public search budget (3 at once, 1 a minute) and an embeddings server that is down:
 * anonymous searches over the budget get 429, staff are not limited, and search answers by keywords.
 */
@TestPropertySource(properties = {"mokmin.search.rate-per-minute=1", "mokmin.search.burst=3",
        "mokmin.search.embedding.provider=openai", "mokmin.search.embedding.model=absent"})
class PublicSearchLimitsTest extends IntegrationTest {

    @DynamicPropertySource
    static void deadEmbeddingsServer(DynamicPropertyRegistry registry) throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort(); // closed again: connections to it are refused
        }
        String base = "http://127.0.0.1:" + port + "/v1";
        registry.add("mokmin.search.embedding.base-url", () -> base);
    }

    @Autowired
    SearchIndex index;

    @Autowired
    Embedder embedder;

    @Test
    void anonymousSearchesOverTheBudgetGet429WhileStaffAreNotLimited() {
        String url = url("/api/v1/search?q=%EC%A3%BC%EC%B0%A8"); // 주차
        for (int i = 0; i < 3; i++) {
            assertThat(Http.get(url, null).status()).isEqualTo(200);
        }
        Http.Response limited = Http.get(url, null);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(limited.json().get("type").asString()).isEqualTo("/problems/rate-limited");
        // bad requests count too, and are refused the same way
        assertThat(Http.get(url("/api/v1/search?k=0"), null).status()).isEqualTo(429);
        for (int i = 0; i < 5; i++) {
            assertThat(Http.get(url, ADMIN_TOKEN).status()).isEqualTo(200);
        }
    }

    @Test
    void anEmbeddingsOutageAtQueryTimeFallsBackToKeywordSearch() {
        assertThat(embedder).as("the openai embedder is configured").isNotNull();
        index.replaceDocument(Fixtures.PARKING_ACT, Fixtures.parkingAct());
        Http.Response r = Http.get(url("/api/v1/search?q=%EA%B3%BC%ED%83%9C%EB%A3%8C"), ADMIN_TOKEN); // 과태료
        assertThat(r.status()).isEqualTo(200);
        var hits = r.json().get("hits");
        assertThat(hits).hasSize(2);
        hits.forEach(hit -> {
            assertThat(hit.get("documentId").asString()).isEqualTo(Fixtures.PARKING_ACT);
            assertThat(hit.get("lexicalScore").asDouble()).isPositive();
            assertThat(hit.get("vectorScore").isNull()).isTrue();
            assertThat(hit.get("snippet").get("html").asString()).contains("<mark>과태료</mark>");
        });
    }
}
