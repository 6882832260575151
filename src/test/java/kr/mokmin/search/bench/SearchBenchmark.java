package kr.mokmin.search.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.ThreadParams;

import kr.mokmin.search.SearchHit;
import kr.mokmin.search.SearchQuery;
import kr.mokmin.search.lucene.LuceneSearchIndex;
import kr.mokmin.search.lucene.Ranking;

/**
 * Query latency on an index that {@link SearchBench} built: Mokmin's search ({@link LuceneSearchIndex#search}, ten
 * hits with snippets, the public-audience filter) against the same query on the same index through plain Lucene
 * ({@link RawLucene}). {@code mode} is {@code lexical} (no embedder) or {@code hybrid} (the {@link HashingEmbedder}
 * stand-in, HNSW and rank fusion). Each thread walks the query list from its own starting point. Run through
 * {@code ./mokmin bench-search}, which sets the parameters, the thread counts and the iterations.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SearchBenchmark {

    /** Hits per search, as a result page shows. */
    static final int K = 10;

    @Param({"lexical", "hybrid"})
    public String mode;
    /** The index directory. */
    @Param("")
    public String index;
    /** A UTF-8 file of questions, one per line. */
    @Param("")
    public String queries;
    @Param("384")
    public int dimension;

    private LuceneSearchIndex mokmin;
    private RawLucene raw;
    private String[] questions;

    @Setup(Level.Trial)
    public void open() throws IOException {
        questions = Files.readAllLines(Path.of(queries), StandardCharsets.UTF_8).stream()
                .filter(q -> !q.isBlank()).toArray(String[]::new);
        HashingEmbedder embedder = new HashingEmbedder(dimension);
        boolean hybrid = switch (mode) {
            case "lexical" -> false;
            case "hybrid" -> true;
            default -> throw new IllegalArgumentException("mode is lexical or hybrid: " + mode);
        };
        mokmin = new LuceneSearchIndex(Path.of(index), LuceneSearchIndex.Analysis.defaults(), Ranking.defaults(),
                hybrid ? embedder : null);
        raw = new RawLucene(Path.of(index), embedder);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        mokmin.close();
        raw.close();
    }

    /** Where one thread is in the query list. */
    @State(Scope.Thread)
    public static class Cursor {
        private int next;

        @Setup(Level.Trial)
        public void start(ThreadParams thread) {
            // threads start far apart, so they do not run the same query at the same time
            next = thread.getThreadIndex() * 1_000_003;
        }

        String next(String[] questions) {
            next = (next + 1) % questions.length;
            return questions[next];
        }
    }

    @Benchmark
    public List<SearchHit> mokmin(Cursor cursor) {
        return mokmin.search(SearchQuery.forPublic(cursor.next(questions), K));
    }

    @Benchmark
    public List<String> raw(Cursor cursor) throws IOException {
        String q = cursor.next(questions);
        return "hybrid".equals(mode) ? raw.hybrid(q, K) : raw.lexical(q, K);
    }
}
