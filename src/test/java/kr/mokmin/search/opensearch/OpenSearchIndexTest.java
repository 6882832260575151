package kr.mokmin.search.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kr.mokmin.search.Fixtures;
import kr.mokmin.search.SearchHit;
import kr.mokmin.search.SearchIndex;
import kr.mokmin.search.SearchIndexContract;
import kr.mokmin.search.SearchQuery;
import kr.mokmin.search.lucene.LuceneSearchIndex;

/** The contract against a real OpenSearch node (in-process, see {@link EmbeddedOpenSearch}), one index per test. */
class OpenSearchIndexTest extends SearchIndexContract {

    private static final AtomicInteger TESTS = new AtomicInteger();

    /** Fresh storage per test: its own index in the shared node. */
    private final String prefix = "contract-" + TESTS.incrementAndGet() + "-";

    static OpenSearchIndex.Settings settings(String prefix) {
        return new OpenSearchIndex.Settings(List.of(EmbeddedOpenSearch.shared().url()), null, null, prefix,
                java.time.Duration.ofMillis(100), null);
    }

    @Override
    protected SearchIndex open() {
        return OpenSearchIndex.connect(settings(prefix), null);
    }

    @Test
    void snippetsMarkTheHanjaAsWrittenForAHangulQuery() {
        index.replaceDocuments(Fixtures.all());
        SearchHit hit = index.search(SearchQuery.forPublic("대형 폐기물 수거", 5)).getFirst();
        assertThat(hit.documentId()).isEqualTo(Fixtures.HANJA_ORDINANCE);
        // the index reads 大型廢棄物 as 대형폐기물; the highlight offsets still point into the Hanja text
        assertThat(hit.snippet()).containsPattern("<mark>[^<]*廢棄物[^<]*</mark>").contains("<mark>收去</mark>");
    }

    /**
     * Same analysis, same query terms, same BM25F query shape: the cluster must rank the fixtures as the embedded
     * index does (chunk order; OpenSearch's scores may differ by a constant factor).
     */
    @Test
    void ranksLikeTheEmbeddedIndex(@TempDir Path dir) {
        index.replaceDocuments(Fixtures.all());
        try (LuceneSearchIndex lucene = LuceneSearchIndex.open(dir)) {
            lucene.replaceDocuments(Fixtures.all());
            for (String query : List.of("불법 주차 과태료", "기준 중위소득이 뭔가요?", "주민등록등본 발급 받으려면 어디로 가나요",
                    "등본 떼는 곳", "민원 처리기간 계산할 때 토요일도 들어가나요?", "대형 폐기물 수거 조례", "쓰레기 뜻", "폐기물",
                    "과태료 주차 폐기물 민원 소득", "생계급여 수급권자 부양의무자", "주차위반 차 보관", "교차로에 정차해도 되나요",
                    "소득인정액", "주민등록표 열람 수수료", "불법 주정차 단속 내부 지침", "法 條例")) {
                SearchQuery staff = SearchQuery.forStaff(query, 10);
                assertThat(chunkIds(index.search(staff))).as(query).isEqualTo(chunkIds(lucene.search(staff)));
            }
        }
    }

    private static List<String> chunkIds(List<SearchHit> hits) {
        return hits.stream().map(SearchHit::chunkId).toList();
    }

    @AfterEach
    void dropIndex() {
        EmbeddedOpenSearch.shared().deleteIndex(prefix + "search");
    }
}
