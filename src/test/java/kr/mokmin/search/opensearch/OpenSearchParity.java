package kr.mokmin.search.opensearch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import kr.mokmin.knowledge.chunk.Chunk;
import kr.mokmin.knowledge.chunk.Chunker;
import kr.mokmin.knowledge.demo.DemoCorpus;
import kr.mokmin.knowledge.demo.DemoDocument;
import kr.mokmin.knowledge.demo.DemoEntry;
import kr.mokmin.search.Audience;
import kr.mokmin.search.IndexedChunk;
import kr.mokmin.search.SearchHit;
import kr.mokmin.search.SearchIndex;
import kr.mokmin.search.SearchQuery;
import kr.mokmin.search.lucene.LuceneSearchIndex;

/**
 * Measurement, not a test: loads the bundled demo corpus (public-domain ordinances and statutes) into the embedded
 * Lucene index and into an in-process OpenSearch node, asks both the same questions (article headings without
 * their numbers, e.g. "과태료의 부과ㆍ징수"), and prints how often the two rankings agree and how long each took.
 * Run with the test classpath: {@code java -cp target/test-classes:target/classes:<deps> ...OpenSearchParity}.
 */
public final class OpenSearchParity {

    private OpenSearchParity() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, List<IndexedChunk>> corpus = demoCorpus();
        List<String> queries = queries(corpus, 400);
        int chunks = corpus.values().stream().mapToInt(List::size).sum();
        System.out.printf("corpus: %d documents, %d chunks; %d queries%n", corpus.size(), chunks, queries.size());

        Path dir = Files.createTempDirectory("mokmin-parity-");
        try (LuceneSearchIndex lucene = LuceneSearchIndex.open(dir);
             OpenSearchIndex cluster = OpenSearchIndex.connect(new OpenSearchIndex.Settings(
                     List.of(EmbeddedOpenSearch.shared().url()), null, null, "parity-", null, Duration.ofMinutes(5)),
                     null)) {
            long luceneLoad = load(lucene, corpus);
            long clusterLoad = load(cluster, corpus);
            System.out.printf("load: lucene %d ms, opensearch %d ms%n", luceneLoad, clusterLoad);
            // warm-up, then measured runs
            run(lucene, queries);
            run(cluster, queries);
            long[] luceneTimes = new long[queries.size()];
            long[] clusterTimes = new long[queries.size()];
            List<List<String>> luceneTop = run(lucene, queries, luceneTimes);
            List<List<String>> clusterTop = run(cluster, queries, clusterTimes);
            int sameFirst = 0;
            int sameTen = 0;
            double overlap = 0;
            for (int i = 0; i < queries.size(); i++) {
                List<String> a = luceneTop.get(i);
                List<String> b = clusterTop.get(i);
                if (!a.isEmpty() && !b.isEmpty() && a.getFirst().equals(b.getFirst())) {
                    sameFirst++;
                }
                if (a.equals(b)) {
                    sameTen++;
                }
                Set<String> common = new HashSet<>(a);
                common.retainAll(b);
                overlap += a.isEmpty() ? 1 : (double) common.size() / Math.max(a.size(), b.size());
            }
            int n = queries.size();
            System.out.printf("same top-1: %.3f, identical top-10: %.3f, mean top-10 overlap: %.3f%n",
                    (double) sameFirst / n, (double) sameTen / n, overlap / n);
            System.out.printf("query ms p50/p99: lucene %.1f/%.1f, opensearch %.1f/%.1f%n",
                    percentile(luceneTimes, 50), percentile(luceneTimes, 99),
                    percentile(clusterTimes, 50), percentile(clusterTimes, 99));
            EmbeddedOpenSearch.shared().deleteIndex(cluster.indexName());
        }
        System.exit(0);
    }

    private static Map<String, List<IndexedChunk>> demoCorpus() {
        Chunker chunker = new Chunker();
        Map<String, List<IndexedChunk>> corpus = new LinkedHashMap<>();
        DemoCorpus demo = DemoCorpus.load();
        for (DemoDocument document : demo.documents()) {
            DemoEntry entry = demo.read(document);
            String id = document.path();
            List<IndexedChunk> chunks = new ArrayList<>();
            for (Chunk chunk : chunker.chunk(entry.chunkSource())) {
                String title = chunk.heading() == null ? document.title() : document.title() + " " + chunk.heading();
                chunks.add(new IndexedChunk(id + "#" + chunk.ordinal(), id, 1, title, chunk.indexText(),
                        document.kind(), document.issuer(), document.effective(),
                        document.audience() == DemoDocument.Audience.PUBLIC ? Audience.PUBLIC : Audience.INTERNAL,
                        chunk.locator(), chunk.page(), chunk.startOffset(), chunk.endOffset(), document.source(),
                        null));
            }
            if (!chunks.isEmpty()) {
                corpus.put(id, chunks);
            }
        }
        return corpus;
    }

    /** Distinct article headings without "제N조", every n-th so the set spreads over the corpus. */
    private static List<String> queries(Map<String, List<IndexedChunk>> corpus, int max) {
        Set<String> headings = new java.util.LinkedHashSet<>();
        for (List<IndexedChunk> chunks : corpus.values()) {
            for (IndexedChunk chunk : chunks) {
                String title = chunk.title();
                int open = title.lastIndexOf('(');
                int close = title.lastIndexOf(')');
                if (open >= 0 && close > open + 1) {
                    headings.add(title.substring(open + 1, close));
                }
            }
        }
        List<String> all = new ArrayList<>(headings);
        int step = Math.max(1, all.size() / max);
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < all.size() && queries.size() < max; i += step) {
            queries.add(all.get(i));
        }
        return queries;
    }

    private static long load(SearchIndex index, Map<String, List<IndexedChunk>> corpus) {
        long start = System.nanoTime();
        index.replaceDocuments(corpus);
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static void run(SearchIndex index, List<String> queries) {
        run(index, queries, new long[queries.size()]);
    }

    private static List<List<String>> run(SearchIndex index, List<String> queries, long[] nanos) {
        List<List<String>> tops = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            long start = System.nanoTime();
            List<SearchHit> hits = index.search(SearchQuery.forStaff(queries.get(i), 10));
            nanos[i] = System.nanoTime() - start;
            tops.add(hits.stream().map(SearchHit::chunkId).toList());
        }
        return tops;
    }

    private static double percentile(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }
}
