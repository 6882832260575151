package kr.mokmin.search.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kr.mokmin.search.Audience;
import kr.mokmin.search.DocumentKind;
import kr.mokmin.search.Embedder;
import kr.mokmin.search.IndexedChunk;
import kr.mokmin.search.SearchHit;
import kr.mokmin.search.SearchQuery;
import kr.mokmin.search.lucene.LuceneSearchIndex;
import kr.mokmin.search.lucene.Ranking;

/**
 * Keyword + vector search through the real Lucene index (HNSW on disk) with chunks and queries embedded by
 * {@link OpenAiEmbedder} over HTTP from the fake embeddings server.
 */
class HybridSearchTest {

    @TempDir
    Path dir;

    private FakeEmbeddingsServer server;
    private OpenAiEmbedder embedder;
    private LuceneSearchIndex index;

    @BeforeEach
    void start() throws Exception {
        server = new FakeEmbeddingsServer(ConceptVectors::of);
        embedder = new OpenAiEmbedder(OpenAiEmbedder.Settings.of(server.baseUrl(), "fake", null));
        index = open(embedder);
    }

    @AfterEach
    void stop() {
        if (index != null) {
            index.close();
        }
        server.close();
    }

    private LuceneSearchIndex open(Embedder queryEmbedder) {
        return new LuceneSearchIndex(dir.resolve("index"), LuceneSearchIndex.Analysis.defaults(), Ranking.defaults(),
                queryEmbedder);
    }

    private List<IndexedChunk> embedded(String documentId, Audience audience, String... texts) {
        List<float[]> vectors = embedder.embedAll(List.of(texts));
        List<IndexedChunk> chunks = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            chunks.add(new IndexedChunk(documentId + "#" + i, documentId, 1, "안내", texts[i], DocumentKind.FAQ, "파주시",
                    LocalDate.of(2026, 1, 1), audience, null, null, 0, texts[i].length(), null, vectors.get(i)));
        }
        return chunks;
    }

    private void loadCorpus() {
        index.replaceDocuments(Map.of(
                "road", embedded("road", Audience.PUBLIC, "노면 파손 보수 요청은 도로관리과에서 접수합니다."),
                "noise", embedded("noise", Audience.PUBLIC, "층간소음 상담은 이웃사이센터에서 받습니다."),
                "dog", embedded("dog", Audience.PUBLIC, "반려견은 생후 2개월이 지나면 동물등록을 해야 합니다."),
                "parking", embedded("parking", Audience.PUBLIC, "불법 주정차 신고는 안전신문고 앱으로 합니다."),
                "internal", embedded("internal", Audience.INTERNAL, "포트홀 긴급 보수 내부 절차: 노면 파손 현장 사진 필수")));
    }

    @Test
    void vectorsFindAPassageThatSharesNoWordWithTheQuestion() {
        loadCorpus();
        // "움푹 패였" shares no term with "노면 파손 보수" but the same concept
        List<SearchHit> hits = index.search(SearchQuery.forPublic("집 앞 길이 움푹 패였어요", 3));
        assertThat(hits).isNotEmpty();
        SearchHit top = hits.getFirst();
        assertThat(top.documentId()).isEqualTo("road");
        assertThat(top.vectorScore()).isNotNull().isGreaterThan(0.9);
        assertThat(top.lexicalScore()).isZero();
        assertThat(top.chunk().vector()).as("hits do not carry vectors").isNull();
        // its snippet is the passage's opening, unmarked
        assertThat(top.snippet()).startsWith("노면 파손").doesNotContain("<mark>");
    }

    @Test
    void keywordAndVectorAgreementRanksFirst() {
        loadCorpus();
        List<SearchHit> hits = index.search(SearchQuery.forPublic("반려견 동물등록", 5));
        SearchHit top = hits.getFirst();
        assertThat(top.documentId()).isEqualTo("dog");
        assertThat(top.lexicalScore()).isPositive();
        assertThat(top.vectorScore()).isNotNull();
        // reciprocal rank fusion of two first places
        assertThat(top.score()).isCloseTo(2.0 / 61, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void theAudienceFilterAppliesToTheVectorSearchToo() {
        loadCorpus();
        // the internal chunk is the closest vector and a keyword match; a public search must still never see it
        List<SearchHit> hits = index.search(SearchQuery.forPublic("포트홀 노면 파손 움푹", 10));
        assertThat(hits).extracting(SearchHit::documentId).doesNotContain("internal").contains("road");
        assertThat(index.search(SearchQuery.forStaff("포트홀 노면 파손 움푹", 10)))
                .extracting(SearchHit::documentId).contains("internal");
    }

    @Test
    void anEmbeddingsOutageFallsBackToKeywords() {
        loadCorpus();
        server.failWithStatus = 503;
        List<SearchHit> hits = index.search(SearchQuery.forPublic("반려견 동물등록", 5));
        assertThat(hits.getFirst().documentId()).isEqualTo("dog");
        assertThat(hits).allSatisfy(hit -> assertThat(hit.vectorScore()).isNull());
        // a question with no keyword match then finds nothing, rather than failing
        assertThat(index.search(SearchQuery.forPublic("집 앞 길이 움푹 패였어요", 5))).isEmpty();
    }

    @Test
    void aQueryEmbedderOfAnotherDimensionFallsBackToKeywords() {
        loadCorpus();
        index.close();
        Embedder wrong = new Embedder() {
            @Override
            public float[] embed(String text) {
                return new float[] {1f, 0f, 0f};
            }

            @Override
            public int dimension() {
                return 3;
            }
        };
        index = open(wrong);
        List<SearchHit> hits = index.search(SearchQuery.forPublic("반려견 동물등록", 5));
        assertThat(hits.getFirst().documentId()).isEqualTo("dog");
        assertThat(hits.getFirst().vectorScore()).isNull();
    }

    @Test
    void anEmbedderThatThrowsAnythingFallsBackToTheKeywordRanking() {
        loadCorpus();
        index.close();
        index = open(null);
        SearchQuery query = SearchQuery.forStaff("노면 파손 보수", 5);
        List<SearchHit> keywordsOnly = index.search(query);
        index.close();
        Embedder broken = new Embedder() {
            @Override
            public float[] embed(String text) {
                throw new IllegalStateException("model not loaded");
            }

            @Override
            public int dimension() {
                return ConceptVectors.DIMENSION;
            }
        };
        index = open(broken);
        List<SearchHit> hits = index.search(query);
        assertThat(hits).isNotEmpty();
        assertThat(hits).extracting(SearchHit::chunkId).isEqualTo(keywordsOnly.stream().map(SearchHit::chunkId).toList());
        assertThat(hits).allSatisfy(hit -> {
            assertThat(hit.vectorScore()).isNull();
            assertThat(hit.lexicalScore()).isPositive();
            assertThat(hit.snippet()).contains("<mark>");
        });
    }

    @Test
    void chunksWithoutVectorsAndAnIndexWithoutAnEmbedderStillWork() {
        index.replaceDocument("plain", List.of(new IndexedChunk("plain#0", "plain", 1, "안내", "동물등록 안내",
                DocumentKind.FAQ, null, null, Audience.PUBLIC, null, null, 0, 6, null, null)));
        loadCorpus();
        assertThat(index.search(SearchQuery.forPublic("동물등록", 5))).extracting(SearchHit::documentId)
                .contains("plain", "dog");
        index.close();
        index = open(null);
        assertThat(index.search(SearchQuery.forPublic("동물등록", 5))).allSatisfy(h -> assertThat(h.vectorScore()).isNull());
    }

    @Test
    void vectorsOfAnotherDimensionThanTheIndexAreRejected() {
        loadCorpus();
        IndexedChunk odd = new IndexedChunk("odd#0", "odd", 1, null, "다른 모델", DocumentKind.FAQ, null, null,
                Audience.PUBLIC, null, null, 0, 5, null, new float[] {1f, 2f});
        assertThatThrownBy(() -> index.replaceDocument("odd", List.of(odd))).isInstanceOf(IllegalArgumentException.class);
        // the index is still usable and unchanged
        assertThat(index.count()).isEqualTo(5);
        assertThat(index.search(SearchQuery.forPublic("동물등록", 5))).isNotEmpty();
    }

    @Test
    void embedderTimeoutDoesNotHoldSearchLong() {
        loadCorpus();
        index.close();
        // the server would answer after 6 s; the search must not wait for it (bound generous for a busy machine)
        server.delayMillis = 6_000;
        index = open(new OpenAiEmbedder(new OpenAiEmbedder.Settings(server.baseUrl(), "fake", null,
                Duration.ofSeconds(1), Duration.ofMillis(300), null, 8)));
        long t0 = System.nanoTime();
        assertThat(index.search(SearchQuery.forPublic("반려견 동물등록", 5)).getFirst().documentId()).isEqualTo("dog");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
    }
}
