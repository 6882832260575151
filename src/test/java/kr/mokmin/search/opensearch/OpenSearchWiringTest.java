package kr.mokmin.search.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import kr.mokmin.search.Fixtures;
import kr.mokmin.search.SearchIndex;
import kr.mokmin.search.SearchQuery;
import kr.mokmin.support.IntegrationTest;

/** The application started with {@code mokmin.search.opensearch.url} set searches the cluster, not Lucene. */
class OpenSearchWiringTest extends IntegrationTest {

    private static final String PREFIX = "wiring-";

    @DynamicPropertySource
    static void openSearch(DynamicPropertyRegistry registry) {
        registry.add("mokmin.search.opensearch.url", () -> EmbeddedOpenSearch.shared().url().toString());
        registry.add("mokmin.search.opensearch.index-prefix", () -> PREFIX);
    }

    @Autowired
    SearchIndex searchIndex;

    @AfterAll
    static void dropIndex() {
        EmbeddedOpenSearch.shared().deleteIndex(PREFIX + "search");
    }

    @Test
    void theSearchIndexBeanIsTheClusterAndSearchesEndToEnd() {
        assertThat(searchIndex).isInstanceOf(OpenSearchIndex.class);
        assertThat(((OpenSearchIndex) searchIndex).indexName()).isEqualTo(PREFIX + "search");

        searchIndex.replaceDocuments(Fixtures.all());
        assertThat(searchIndex.search(SearchQuery.forPublic("기준 중위소득이 뭔가요?", 5)).getFirst().documentId())
                .isEqualTo(Fixtures.LIVELIHOOD_ACT);
        // the chunks are in the cluster's index, read behind the adapter's back
        String count = EmbeddedOpenSearch.shared().request("GET", "/" + PREFIX + "search/_count", null).body();
        assertThat(count).contains("\"count\":" + Fixtures.all().size());
    }
}
