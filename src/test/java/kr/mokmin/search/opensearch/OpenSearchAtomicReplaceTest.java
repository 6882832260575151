package kr.mokmin.search.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import kr.mokmin.search.Audience;
import kr.mokmin.search.DocumentKind;
import kr.mokmin.search.IndexedChunk;
import kr.mokmin.search.SearchHit;
import kr.mokmin.search.SearchQuery;

/**
 * OpenSearch has no multi-document transactions: the adapter keeps a document's chunks together as nested objects
 * of one OpenSearch document, which the engine replaces as one Lucene block. Two searchers run while three
 * documents are replaced again and again (singly and through the bulk path, whose refresh comes only at the end);
 * every search must see each document whole, in exactly one version, and count() must never see a half.
 */
class OpenSearchAtomicReplaceTest {

    private static final List<String> DOCUMENTS = List.of("ord-a", "ord-b", "ord-c");
    /** Version 1 has 30 chunks, version 2 has 20: a mix or a part shows in the counts. */
    private static final Map<Integer, Integer> CHUNKS = Map.of(1, 30, 2, 20);
    private static final int ROUNDS = 24;

    private OpenSearchIndex index;

    @BeforeEach
    void open() {
        index = OpenSearchIndex.connect(OpenSearchIndexTest.settings("atomic-"), null);
    }

    @AfterEach
    void drop() {
        index.close();
        EmbeddedOpenSearch.shared().deleteIndex(index.indexName());
    }

    private static List<IndexedChunk> version(String documentId, int version) {
        List<IndexedChunk> chunks = new ArrayList<>();
        for (int i = 1; i <= CHUNKS.get(version); i++) {
            String text = "주차장 사용료 감면 조례 개정 제" + i + "조 판" + version;
            chunks.add(new IndexedChunk(documentId + "#" + i + "@v" + version, documentId, version, "사용료 조례",
                    text, DocumentKind.ORDINANCE, "파주시", LocalDate.of(2024, 1, 1), Audience.PUBLIC, "제" + i + "조",
                    null, 0, text.length(), null, null));
        }
        return chunks;
    }

    @Test
    void searchesAndCountsNeverSeeAMixOrAPartOfADocument() throws Exception {
        Map<String, List<IndexedChunk>> first = new LinkedHashMap<>();
        DOCUMENTS.forEach(id -> first.put(id, version(id, 1)));
        index.replaceDocuments(first);

        AtomicBoolean writing = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
        AtomicInteger searches = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> readers = new ArrayList<>();
        try {
            readers.add(pool.submit(() -> {
                SearchQuery query = SearchQuery.forPublic("주차장 사용료 감면", SearchQuery.MAX_K);
                while (writing.get()) {
                    Map<String, Map<Integer, Long>> seen = index.search(query).stream().collect(Collectors.groupingBy(
                            SearchHit::documentId,
                            Collectors.groupingBy(h -> h.chunk().documentVersion(), Collectors.counting())));
                    for (String id : DOCUMENTS) {
                        Map<Integer, Long> versions = seen.get(id);
                        boolean whole = versions != null && versions.size() == 1 && versions.entrySet().stream()
                                .allMatch(v -> v.getValue() == (long) CHUNKS.get(v.getKey()));
                        if (!whole) {
                            violations.add("search saw " + id + " as " + versions);
                        }
                    }
                    searches.incrementAndGet();
                }
            }));
            readers.add(pool.submit(() -> {
                while (writing.get()) {
                    // each document has 30 or 20 chunks: any total is a sum of those
                    long count = index.count();
                    if ((count - 60) % 10 != 0 || count < 60 || count > 90) {
                        violations.add("count " + count);
                    }
                }
            }));
            for (int round = 0; round < ROUNDS; round++) {
                int version = round % 2 == 0 ? 2 : 1;
                if (round % 3 == 0) {
                    Map<String, List<IndexedChunk>> all = new LinkedHashMap<>();
                    DOCUMENTS.forEach(id -> all.put(id, version(id, version)));
                    index.replaceDocuments(all);
                } else {
                    for (String id : DOCUMENTS) {
                        index.replaceDocument(id, version(id, version));
                    }
                }
            }
        } finally {
            writing.set(false);
            for (Future<?> reader : readers) {
                reader.get(60, TimeUnit.SECONDS);
            }
            pool.shutdownNow();
        }
        assertThat(violations).isEmpty();
        assertThat(searches.get()).isPositive();
        // the last round (23) wrote version 1 everywhere
        assertThat(index.count()).isEqualTo(90);
    }
}
