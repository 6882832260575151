package kr.mokmin.search.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;

import kr.mokmin.knowledge.chunk.Chunker;
import kr.mokmin.search.IndexedChunk;
import kr.mokmin.search.SearchHit;
import kr.mokmin.search.SearchQuery;
import kr.mokmin.search.lucene.LuceneSearchIndex;
import kr.mokmin.search.lucene.Ranking;

/**
 * {@code ./mokmin bench-search}: builds (or reuses) an index of at least {@code --min-chunks} chunks with
 * {@link HashingEmbedder} vectors, reports its ingest rate and size on disk, checks that {@link RawLucene} returns
 * the same top hits as Mokmin's lexical search, then runs {@link SearchBenchmark} with JMH at each thread count and
 * prints p50/p90/p99 per system and the Mokmin / raw Lucene ratio.
 *
 * <pre>
 * SearchBench [--data shared/data] [--dev-queries queries.jsonl] [--work DIR] [--min-chunks 100000]
 *             [--dimension 384] [--threads 1,2] [--modes lexical,hybrid] [--warmup 4x5] [--measure 6x10]
 *             [--ingest-threads 2] [--rebuild] [--jvm-args "..."] [--include mokmin|raw]
 * </pre>
 */
public final class SearchBench {

    private SearchBench() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Map<String, String> opts = options(args);
        Path data = Path.of(opts.getOrDefault("data", "../shared/data"));
        Path devQueries = opts.containsKey("dev-queries") ? Path.of(opts.get("dev-queries")) : null;
        Path work = Path.of(opts.getOrDefault("work", "target/bench-search"));
        int minChunks = Integer.parseInt(opts.getOrDefault("min-chunks", "100000"));
        int dimension = Integer.parseInt(opts.getOrDefault("dimension", "384"));
        int ingestThreads = Integer.parseInt(opts.getOrDefault("ingest-threads", "2"));

        out.printf(Locale.ROOT, "bench-search: Java %s, %d cores; %s%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), loadLine());
        BenchCorpus corpus = BenchCorpus.load(data, devQueries);
        out.printf(Locale.ROOT, "corpus: %s, %d documents a copy; %d questions%n", corpus.source(),
                corpus.documents().size(), corpus.questions().size());

        Path index = work.resolve("index-" + minChunks + "-" + dimension);
        Path ready = index.resolve("bench-ready.txt");
        if (opts.containsKey("rebuild") || !Files.isRegularFile(ready)) {
            build(corpus, index, minChunks, dimension, ingestThreads, ready);
        } else {
            out.println("reusing the index built earlier (--rebuild builds it again):");
        }
        Files.readAllLines(ready).forEach(l -> out.println("  " + l));

        List<String> questions = new ArrayList<>(corpus.questions());
        // dev-set questions and complaint titles mixed, the same order every run
        Collections.shuffle(questions, new Random(42));
        Path queries = work.resolve("queries.txt");
        Files.write(queries, questions, StandardCharsets.UTF_8);
        out.println(compare(index, questions.subList(0, Math.min(1_000, questions.size())), dimension));

        String[] warmup = opts.getOrDefault("warmup", "4x5").split("x");
        String[] measure = opts.getOrDefault("measure", "6x10").split("x");
        List<String[]> rows = new ArrayList<>();
        for (String t : opts.getOrDefault("threads", "1,2").split(",")) {
            int threads = Integer.parseInt(t.strip());
            ChainedOptionsBuilder jmh = new OptionsBuilder()
                    .include(SearchBenchmark.class.getName() + "\\.(" + opts.getOrDefault("include", "mokmin|raw") + ")$")
                    .param("index", index.toAbsolutePath().toString())
                    .param("queries", queries.toAbsolutePath().toString())
                    .param("dimension", String.valueOf(dimension))
                    .param("mode", opts.getOrDefault("modes", "lexical,hybrid").split(","))
                    .threads(threads)
                    .forks(1)
                    .warmupIterations(Integer.parseInt(warmup[0]))
                    .warmupTime(TimeValue.seconds(Long.parseLong(warmup[1])))
                    .measurementIterations(Integer.parseInt(measure[0]))
                    .measurementTime(TimeValue.seconds(Long.parseLong(measure[1])))
                    .output(work.resolve("jmh-" + threads + "-threads.log").toString());
            if (opts.containsKey("jvm-args")) {
                jmh.jvmArgsAppend(opts.get("jvm-args").strip().split("\\s+"));
            }
            String before = loadLine();
            out.printf(Locale.ROOT, "JMH, %d thread(s): %s ...%n", threads, before);
            Collection<RunResult> results = new Runner(jmh.build()).run();
            String after = loadLine();
            out.printf(Locale.ROOT, "JMH, %d thread(s) done: %s%n", threads, after);
            for (RunResult r : results) {
                Statistics s = r.getPrimaryResult().getStatistics();
                String name = r.getParams().getBenchmark();
                rows.add(new String[] {r.getParams().getParam("mode"), name.substring(name.lastIndexOf('.') + 1),
                        String.valueOf(threads), ms(s.getPercentile(50)), ms(s.getPercentile(90)),
                        ms(s.getPercentile(99)), ms(s.getMax()), ms(s.getMean()), String.valueOf(s.getN()),
                        before.replace("load average ", "") + " → " + after.replace("load average ", "")});
            }
        }
        report(out, rows);
    }

    /** Chunks, embeds and indexes copies of the corpus until {@code minChunks}; writes the stats to {@code ready}. */
    private static void build(BenchCorpus corpus, Path index, int minChunks, int dimension, int threads, Path ready)
            throws Exception {
        deleteRecursively(index);
        Chunker chunker = new Chunker();
        HashingEmbedder embedder = new HashingEmbedder(dimension);
        // plan: chunk counts are the same in every copy, so the number of copies follows from one pass
        long t0 = System.nanoTime();
        int[] counts = new int[corpus.documents().size()];
        long perCopy = 0;
        for (int i = 0; i < counts.length; i++) {
            counts[i] = BenchCorpus.chunks(corpus.documents().get(i), 1, chunker, null).size();
            perCopy += counts[i];
        }
        double chunkSeconds = (System.nanoTime() - t0) / 1e9;
        List<List<int[]>> batches = new ArrayList<>();
        List<int[]> batch = new ArrayList<>();
        long planned = 0;
        for (int copy = 1; planned < minChunks; copy++) {
            for (int i = 0; i < counts.length && planned < minChunks; i++) {
                batch.add(new int[] {copy, i});
                planned += counts[i];
                if (batch.size() == 200) {
                    batches.add(batch);
                    batch = new ArrayList<>();
                }
            }
            if (perCopy == 0) {
                throw new IllegalStateException("the corpus has no text");
            }
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }

        AtomicLong chars = new AtomicLong(); // UTF-8 bytes of the source text
        AtomicLong chunks = new AtomicLong();
        long start = System.nanoTime();
        try (LuceneSearchIndex idx = LuceneSearchIndex.open(index)) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (List<int[]> b : batches) {
                    done.add(pool.submit(() -> {
                        Map<String, List<IndexedChunk>> docs = new LinkedHashMap<>();
                        for (int[] item : b) {
                            BenchCorpus.Doc doc = corpus.documents().get(item[1]);
                            List<IndexedChunk> cs = BenchCorpus.chunks(doc, item[0], chunker, embedder);
                            if (!cs.isEmpty()) {
                                docs.put(cs.get(0).documentId(), cs);
                            }
                            chunks.addAndGet(cs.size());
                            chars.addAndGet(doc.text().getBytes(StandardCharsets.UTF_8).length);
                        }
                        idx.replaceDocuments(docs);
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int segments;
        try (var dir = FSDirectory.open(index); var reader = DirectoryReader.open(dir)) {
            segments = reader.leaves().size();
        }
        Map<String, Long> bytes = new TreeMap<>();
        long total = 0;
        try (Stream<Path> files = Files.list(index)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
                long size = Files.size(f);
                bytes.merge(ext, size, Long::sum);
                total += size;
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "source: %s", corpus.source()));
        lines.add(String.format(Locale.ROOT, "chunks: %d (%d per copy of %d documents; Chunker default policy, "
                + "chunking one copy took %.1f s)", chunks.get(), perCopy, counts.length, chunkSeconds));
        lines.add(String.format(Locale.ROOT, "vectors: %d dimensions, HashingEmbedder (not a model), HNSW, cosine",
                dimension));
        lines.add(String.format(Locale.ROOT, "ingest (chunk + embed + index + commit per 200 documents, %d threads): "
                + "%.1f s, %.0f chunks/s, %.2f MB/s of UTF-8 text (%.1f MB); %s", threads, seconds,
                chunks.get() / seconds, chars.get() / 1e6 / seconds, chars.get() / 1e6, loadLine()));
        StringBuilder parts = new StringBuilder();
        bytes.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> parts.append(String.format(Locale.ROOT, " %s %.1f", e.getKey(), e.getValue() / 1e6)));
        lines.add(String.format(Locale.ROOT, "index on disk: %.1f MB in %d segments (MB by file type:%s)",
                total / 1e6, segments, parts));
        Files.write(ready, lines, StandardCharsets.UTF_8);
    }

    /**
     * Runs {@code questions} through Mokmin's lexical search and {@link RawLucene}; the top-10 chunk ids must be the
     * same, or the overhead ratio compares different work. Also warms the page cache.
     */
    private static String compare(Path index, List<String> questions, int dimension) throws IOException {
        int same = 0;
        String firstDifference = null;
        try (LuceneSearchIndex mokmin = new LuceneSearchIndex(index, LuceneSearchIndex.Analysis.defaults(),
                Ranking.defaults(), null); RawLucene raw = new RawLucene(index, new HashingEmbedder(dimension))) {
            for (String q : questions) {
                List<String> a = mokmin.search(SearchQuery.forPublic(q, SearchBenchmark.K)).stream()
                        .map(SearchHit::chunkId).toList();
                List<String> b = raw.lexical(q, SearchBenchmark.K);
                if (a.equals(b)) {
                    same++;
                } else if (firstDifference == null) {
                    firstDifference = q + ": " + a + " vs " + b;
                }
            }
        }
        return String.format(Locale.ROOT, "raw Lucene and Mokmin return the same top %d (same order) for %d of %d "
                + "questions%s", SearchBenchmark.K, same, questions.size(),
                firstDifference == null ? "" : "; first difference: " + firstDifference);
    }

    private static void report(PrintStream out, List<String[]> rows) {
        out.println();
        out.println("| mode | system | threads | p50 ms | p90 ms | p99 ms | max ms | mean ms | samples | load before → after |");
        out.println("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        rows.sort(Comparator.<String[], String>comparing(r -> r[0]).thenComparing(r -> r[2])
                .thenComparing(r -> r[1]));
        for (String[] r : rows) {
            out.println("| " + String.join(" | ", r) + " |");
        }
        out.println();
        out.println("| mode | threads | Mokmin / raw Lucene, p50 | p99 | mean |");
        out.println("| --- | ---: | ---: | ---: | ---: |");
        for (String[] m : rows) {
            if (!m[1].equals("mokmin")) {
                continue;
            }
            for (String[] r : rows) {
                if (r[1].equals("raw") && r[0].equals(m[0]) && r[2].equals(m[2])) {
                    out.printf(Locale.ROOT, "| %s | %s | %.2f | %.2f | %.2f |%n", m[0], m[2], ratio(m[3], r[3]),
                            ratio(m[5], r[5]), ratio(m[7], r[7]));
                }
            }
        }
    }

    private static double ratio(String a, String b) {
        return Double.parseDouble(a) / Double.parseDouble(b);
    }

    private static String ms(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** The machine's load average (1, 5, 15 min), to print with every timing. */
    public static String loadLine() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return "load average " + parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "load average unknown";
        }
    }

    private static final String USAGE = "usage: bench-search [--data shared/data] [--dev-queries queries.jsonl]"
            + " [--work DIR] [--min-chunks 100000] [--dimension 384] [--threads 1,2] [--modes lexical,hybrid]"
            + " [--warmup 4x5] [--measure 6x10] [--ingest-threads 2] [--rebuild] [--jvm-args \"...\"]"
            + " [--include mokmin|raw]";

    private static final java.util.Set<String> OPTIONS = java.util.Set.of("data", "dev-queries", "work",
            "min-chunks", "dimension", "ingest-threads", "threads", "modes", "warmup", "measure", "rebuild",
            "jvm-args", "include");

    private static Map<String, String> options(String[] args) {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                System.out.println(USAGE);
                System.exit(0);
            }
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + a);
            }
            String key = a.substring(2);
            int eq = key.indexOf('=');
            if (!OPTIONS.contains(eq > 0 ? key.substring(0, eq) : key)) {
                throw new IllegalArgumentException("unknown option " + a);
            }
            if (eq > 0) {
                opts.put(key.substring(0, eq), key.substring(eq + 1));
            } else if (key.equals("rebuild")) {
                opts.put(key, "true");
            } else if (i + 1 < args.length) {
                opts.put(key, args[++i]);
            } else {
                throw new IllegalArgumentException(a + " needs a value");
            }
        }
        return opts;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
