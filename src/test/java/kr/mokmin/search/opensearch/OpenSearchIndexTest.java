package kr.mokmin.search.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import kr.mokmin.search.Fixtures;
import kr.mokmin.search.SearchHit;
import kr.mokmin.search.SearchIndex;
import kr.mokmin.search.SearchIndexContract;
import kr.mokmin.search.SearchQuery;

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

    @AfterEach
    void dropIndex() {
        EmbeddedOpenSearch.shared().deleteIndex(prefix + "search");
    }
}
