package kr.mokmin.search.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import kr.mokmin.search.eval.EvalData.Doc;
import kr.mokmin.search.eval.EvalData.Question;
import kr.mokmin.search.lucene.LuceneSearchIndex;
import kr.mokmin.search.lucene.Ranking;

/**
 * {@code eval-search}: measures the search on a retrieval set and prints Hit@1/5/10, MRR@10 and nDCG@10; the
 * last line is always {@code hit@1=… hit@5=… hit@10=… mrr@10=… ndcg@10=…}.
 *
 * <pre>
 * EvalSearch --corpus corpus.jsonl --queries queries.jsonl --qrels qrels.tsv
 *            [--baseline whitespace|bigram] [--chunk-chars N] [--threads N] [--work-dir DIR]
 * </pre>
 * The index is built in a temporary directory (deleted afterwards) unless {@code --work-dir} is given.
 * {@code --chunk-chars 0} indexes every document whole.
 */
public final class EvalSearch {

    /**
     * Long documents are cut into chunks of about this many characters and a document ranks by its best chunk,
     * as the knowledge base holds passages, not whole documents. On the easylaw dev set nDCG@10 rose from 0.875
     * (whole sections) through 0.891 (600) to 0.893 (400 and 300): docs/search.md.
     */
    static final int DEFAULT_CHUNK_CHARS = 400;

    private static final java.util.Set<String> OPTIONS = java.util.Set.of("--corpus", "--queries", "--qrels",
            "--work-dir", "--chunk-chars", "--threads", "--baseline", "--max-scored-terms");

    private EvalSearch() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try {
            System.exit(run(args, out));
        } catch (IllegalArgumentException e) {
            System.err.println("eval-search: " + e.getMessage());
            System.err.println(usage());
            System.exit(2);
        }
    }

    static String usage() {
        return "usage: eval-search --corpus corpus.jsonl --queries queries.jsonl --qrels qrels.tsv"
                + " [--baseline whitespace|bigram] [--chunk-chars N] [--threads N] [--work-dir DIR]"
                + " [--max-scored-terms N]";
    }

    /** Runs the evaluation; returns the exit code. */
    static int run(String[] args, PrintStream out) {
        Path corpusPath = null;
        Path queriesPath = null;
        Path qrelsPath = null;
        Path workDir = null;
        SearchEvaluation.System system = SearchEvaluation.System.PRODUCT;
        int chunkChars = DEFAULT_CHUNK_CHARS;
        Ranking ranking = Ranking.defaults();
        int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            } else if (arg.equals("--help") || arg.equals("-h")) {
                out.println(usage());
                return 0;
            } else {
                if (!OPTIONS.contains(arg)) {
                    throw new IllegalArgumentException("unknown option " + arg);
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(arg + " needs a value");
                }
                value = args[++i];
            }
            switch (arg) {
                case "--corpus" -> corpusPath = Path.of(value);
                case "--queries" -> queriesPath = Path.of(value);
                case "--qrels" -> qrelsPath = Path.of(value);
                case "--work-dir" -> workDir = Path.of(value);
                case "--chunk-chars" -> chunkChars = Integer.parseInt(value);
                case "--threads" -> threads = Math.max(1, Integer.parseInt(value));
                case "--max-scored-terms" -> ranking = ranking.withMaxScoredTerms(Integer.parseInt(value));
                case "--baseline" -> system = switch (value.toLowerCase(Locale.ROOT)) {
                    case "whitespace" -> SearchEvaluation.System.WHITESPACE;
                    case "bigram" -> SearchEvaluation.System.BIGRAM;
                    case "none", "product" -> SearchEvaluation.System.PRODUCT;
                    default -> throw new IllegalArgumentException("unknown baseline '" + value + "'");
                };
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        if (corpusPath == null || queriesPath == null || qrelsPath == null) {
            throw new IllegalArgumentException("--corpus, --queries and --qrels are required");
        }

        List<Doc> corpus = EvalData.readCorpus(corpusPath);
        List<Question> questions = EvalData.readQueries(queriesPath);
        Map<String, Map<String, Integer>> qrels = EvalData.readQrels(qrelsPath);
        out.printf(Locale.ROOT, "system: %s%n", SearchEvaluation.describe(system, chunkChars));
        out.printf(Locale.ROOT, "corpus: %d documents, %d questions, %d judged%n", corpus.size(), questions.size(),
                qrels.size());

        boolean temporary = workDir == null;
        try {
            Path dir = temporary ? Files.createTempDirectory("mokmin-eval-") : Files.createDirectories(workDir);
            try {
                long t0 = java.lang.System.nanoTime();
                RetrievalMetrics.Summary summary;
                try (SearchEvaluation.Retriever retriever = SearchEvaluation.build(system, corpus, dir, chunkChars,
                        threads, LuceneSearchIndex.Analysis.defaults(), ranking)) {
                    long t1 = java.lang.System.nanoTime();
                    Map<String, List<String>> rankings = SearchEvaluation.rankAll(retriever, questions, threads);
                    long t2 = java.lang.System.nanoTime();
                    summary = RetrievalMetrics.evaluate(rankings, qrels);
                    out.printf(Locale.ROOT, "indexed in %.1f s, %d questions answered in %.1f s (%.1f ms each, %d threads)%n",
                            (t1 - t0) / 1e9, questions.size(), (t2 - t1) / 1e9,
                            questions.isEmpty() ? 0.0 : (t2 - t1) / 1e6 / questions.size(), threads);
                }
                out.printf(Locale.ROOT, "scored queries: %d (queries without a relevant judgment are left out)%n",
                        summary.queries());
                out.println(summary.line());
                return 0;
            } finally {
                if (temporary) {
                    deleteRecursively(dir);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
