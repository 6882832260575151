package kr.mokmin.search.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kr.mokmin.knowledge.chunk.Chunker;
import kr.mokmin.search.IndexedChunk;
import kr.mokmin.search.SearchHit;
import kr.mokmin.search.SearchQuery;
import kr.mokmin.search.lucene.LuceneSearchIndex;
import kr.mokmin.search.lucene.Ranking;

/**
 * The search benchmark's baseline must run the query Mokmin runs, or the overhead ratio compares different work:
 * on the demo corpus both return the same hits in the same order. If Mokmin's default ranking changes, this fails
 * until {@link RawLucene} follows.
 */
class RawLuceneTest {

    @TempDir
    Path dir;

    @Test
    void rawLuceneReturnsWhatMokminReturnsAndHybridRuns() throws Exception {
        BenchCorpus corpus = BenchCorpus.load(dir.resolve("no-shared-data"), null);
        assertThat(corpus.source()).contains("demo");
        assertThat(corpus.questions()).hasSizeGreaterThan(100);

        HashingEmbedder embedder = new HashingEmbedder(64);
        Chunker chunker = new Chunker();
        Map<String, List<IndexedChunk>> docs = new LinkedHashMap<>();
        for (BenchCorpus.Doc doc : corpus.documents().subList(0, 12)) {
            for (int copy = 1; copy <= 2; copy++) {
                List<IndexedChunk> chunks = BenchCorpus.chunks(doc, copy, chunker, embedder);
                docs.put(chunks.get(0).documentId(), chunks);
            }
        }
        Set<String> ids = new HashSet<>();
        docs.values().forEach(cs -> cs.forEach(c -> assertThat(ids.add(c.chunkId())).isTrue()));

        Path path = dir.resolve("index");
        try (LuceneSearchIndex index = LuceneSearchIndex.open(path)) {
            index.replaceDocuments(docs);
        }
        List<String> questions = corpus.questions().subList(0, 60);
        int withHits = 0;
        try (LuceneSearchIndex mokmin = new LuceneSearchIndex(path, LuceneSearchIndex.Analysis.defaults(),
                Ranking.defaults(), null); RawLucene raw = new RawLucene(path, embedder)) {
            for (String q : questions) {
                List<String> expected = mokmin.search(SearchQuery.forPublic(q, 10)).stream()
                        .map(SearchHit::chunkId).toList();
                assertThat(raw.lexical(q, 10)).as(q).containsExactlyElementsOf(expected);
                withHits += expected.isEmpty() ? 0 : 1;
                assertThat(raw.hybrid(q, 10)).isEqualTo(expected);
            }
            // synonym expansion and the function-word fallback take the same path on both sides
            for (String q : List.of("불법주차 과태료", "어떻게 하나요?", "쓰레기 버리는 곳")) {
                assertThat(raw.lexical(q, 10)).as(q).containsExactlyElementsOf(
                        mokmin.search(SearchQuery.forPublic(q, 10)).stream().map(SearchHit::chunkId).toList());
            }
        }
        assertThat(withHits).isGreaterThan(50);
    }
}
