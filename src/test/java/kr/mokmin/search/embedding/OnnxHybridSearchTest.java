package kr.mokmin.search.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
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
import kr.mokmin.search.IndexedChunk;
import kr.mokmin.search.SearchHit;
import kr.mokmin.search.SearchQuery;
import kr.mokmin.search.lucene.LuceneSearchIndex;
import kr.mokmin.search.lucene.Ranking;

/**
 * Hybrid search end to end in process: passages embedded by {@link OnnxEmbedder} (the generated model, e5-style
 * prefixes) into the real Lucene index, queries embedded by the same embedder inside
 * {@link LuceneSearchIndex#search}.
 */
class OnnxHybridSearchTest {

    @TempDir
    Path dir;

    private OnnxEmbedder embedder;
    private LuceneSearchIndex index;

    @BeforeEach
    void open() {
        Path model = TinyOnnxModel.write(dir.resolve("model"));
        embedder = new OnnxEmbedder(new OnnxEmbedder.Settings(model, null, null, 128, OnnxEmbedder.Pooling.MEAN, true,
                "query: ", "passage: ", 1, 4));
        index = new LuceneSearchIndex(dir.resolve("index"), LuceneSearchIndex.Analysis.defaults(), Ranking.defaults(),
                embedder);
        index.replaceDocuments(Map.of(
                "road", chunks("road", "노면 파손 보수 요청은 도로관리과에서 접수합니다."),
                "noise", chunks("noise", "층간소음 상담은 이웃사이센터에서 받습니다."),
                "dog", chunks("dog", "반려견은 생후 2개월이 지나면 동물등록을 해야 합니다."),
                "parking", chunks("parking", "불법 주정차 신고는 안전신문고 앱으로 합니다.")));
    }

    @AfterEach
    void close() {
        index.close();
        embedder.close();
    }

    private List<IndexedChunk> chunks(String documentId, String... texts) {
        List<float[]> vectors = embedder.embedAll(List.of(texts));
        List<IndexedChunk> chunks = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            chunks.add(new IndexedChunk(documentId + "#" + i, documentId, 1, "안내", texts[i], DocumentKind.FAQ, "파주시",
                    LocalDate.of(2026, 1, 1), Audience.PUBLIC, null, null, 0, texts[i].length(), null,
                    vectors.get(i)));
        }
        return chunks;
    }

    @Test
    void aQuestionSharingNoWordWithThePassageFindsItByVectors() {
        // "움푹 패였어요" shares no term with "노면 파손 보수", but both lie on the model's road-damage axis
        List<SearchHit> hits = index.search(SearchQuery.forPublic("집 앞 길이 움푹 패였어요", 3));
        assertThat(hits).isNotEmpty();
        SearchHit top = hits.getFirst();
        assertThat(top.documentId()).isEqualTo("road");
        assertThat(top.lexicalScore()).isZero();
        assertThat(top.vectorScore()).isNotNull();
        // Lucene's cosine score is (1 + cos) / 2 of the query vector (with "query: ") and the stored passage
        // vector (with "passage: "): the index embedded the question as a query, not as a passage
        double cosine = dot(embedder.embedQuery("집 앞 길이 움푹 패였어요"),
                embedder.embed("노면 파손 보수 요청은 도로관리과에서 접수합니다."));
        assertThat(top.vectorScore()).isCloseTo((1 + cosine) / 2, within(1e-5));
        double asPassage = dot(embedder.embed("집 앞 길이 움푹 패였어요"),
                embedder.embed("노면 파손 보수 요청은 도로관리과에서 접수합니다."));
        assertThat(Math.abs((1 + asPassage) / 2 - top.vectorScore())).isGreaterThan(1e-3);
    }

    @Test
    void keywordsAndVectorsAgreeingRankFirst() {
        List<SearchHit> hits = index.search(SearchQuery.forPublic("반려견 동물등록", 4));
        assertThat(hits.getFirst().documentId()).isEqualTo("dog");
        assertThat(hits.getFirst().lexicalScore()).isPositive();
        assertThat(hits.getFirst().vectorScore()).isNotNull();
        assertThat(hits.getFirst().score()).isCloseTo(2.0 / 61, within(1e-9));
    }

    @Test
    void aClosedEmbedderLeavesKeywordSearchWorking() {
        embedder.close();
        List<SearchHit> hits = index.search(SearchQuery.forPublic("반려견 동물등록", 4));
        assertThat(hits.getFirst().documentId()).isEqualTo("dog");
        assertThat(hits).allSatisfy(hit -> assertThat(hit.vectorScore()).isNull());
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
