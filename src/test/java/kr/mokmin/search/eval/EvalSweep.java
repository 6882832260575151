package kr.mokmin.search.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.lucene.analysis.ko.KoreanTokenizer.DecompoundMode;

import kr.mokmin.search.eval.EvalData.Doc;
import kr.mokmin.search.eval.EvalData.Question;
import kr.mokmin.search.lucene.LuceneSearchIndex;
import kr.mokmin.search.lucene.Ranking;

/**
 * Dev tool, not a test: compares analysis and ranking variants on a dev set built by
 * {@code src/test/eval/build_easylaw_devset.py}. The numbers behind the defaults (docs/search.md) come from here.
 *
 * <pre>java -cp target/classes:target/test-classes:$(cat cp.txt) kr.mokmin.search.eval.EvalSweep DIR [rankings|analyses|chunks|baselines|product] [N]</pre>
 */
public final class EvalSweep {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String what = args.length > 1 ? args[1] : "rankings";
        List<Doc> corpus = EvalData.readCorpus(dir.resolve("corpus.jsonl"));
        Map<String, List<Question>> queries = new LinkedHashMap<>();
        Map<String, Map<String, Map<String, Integer>>> qrels = new LinkedHashMap<>();
        for (String type : List.of("H", "S", "P")) {
            queries.put(type, EvalData.readQueries(dir.resolve("queries-" + type + ".jsonl")));
            qrels.put(type, EvalData.readQrels(dir.resolve("qrels-" + type + ".tsv")));
        }
        List<Question> all = new ArrayList<>();
        queries.values().forEach(all::addAll);
        Map<String, Map<String, Integer>> allQrels = EvalData.readQrels(dir.resolve("qrels.tsv"));
        queries.put("all", all);
        qrels.put("all", allQrels);
        int threads = 2;
        System.out.printf("%-58s %s%n", "variant", "type: hit@1 hit@10 mrr@10 ndcg@10");

        switch (what) {
            case "baselines" -> {
                for (SearchEvaluation.System system : List.of(SearchEvaluation.System.WHITESPACE,
                        SearchEvaluation.System.BIGRAM)) {
                    Path work = Files.createTempDirectory("sweep-");
                    long t0 = System.nanoTime();
                    try (var r = SearchEvaluation.build(system, corpus, work, 0, threads, null, null)) {
                        report(system.name().toLowerCase(Locale.ROOT) + String.format(" (%.0fs index)", (System.nanoTime() - t0) / 1e9), r, queries, qrels, threads);
                    }
                }
            }
            case "analyses" -> {
                for (DecompoundMode mode : List.of(DecompoundMode.MIXED, DecompoundMode.DISCARD, DecompoundMode.NONE)) {
                    for (boolean dict : List.of(true, false)) {
                        if (!dict && mode != DecompoundMode.MIXED) {
                            continue;
                        }
                        try (LuceneSearchIndex index = build(corpus, new LuceneSearchIndex.Analysis(mode, dict), 0, threads)) {
                            Ranking base = Ranking.defaults();
                            report(mode + (dict ? " +dict" : " -dict") + " nori only", SearchEvaluation.product(index, base.withBigramWeight(0), false), queries, qrels, threads);
                            report(mode + (dict ? " +dict" : " -dict") + " default ranking", SearchEvaluation.product(index, base, false), queries, qrels, threads);
                        }
                    }
                }
            }
            case "chunks" -> {
                for (int chunk : args.length > 2 ? java.util.Arrays.stream(args[2].split(",")).map(Integer::valueOf).toList() : List.of(0, 2000, 1000, 600)) {
                    try (LuceneSearchIndex index = build(corpus, LuceneSearchIndex.Analysis.defaults(), chunk, threads)) {
                        report("chunks " + chunk + " (" + index.count() + " chunks)", SearchEvaluation.product(index, Ranking.defaults(), chunk > 0), queries, qrels, threads);
                    }
                }
            }
            case "product" -> {
                int chunk = args.length > 2 ? Integer.parseInt(args[2]) : EvalSearch.DEFAULT_CHUNK_CHARS;
                long t0 = System.nanoTime();
                try (LuceneSearchIndex index = build(corpus, LuceneSearchIndex.Analysis.defaults(), chunk, threads)) {
                    System.out.printf("indexed %d docs (%d chunks) in %.1f s%n", corpus.size(), index.count(), (System.nanoTime() - t0) / 1e9);
                    report("product, chunks " + chunk, SearchEvaluation.product(index, Ranking.defaults(), chunk > 0), queries, qrels, threads);
                    report("nori only", SearchEvaluation.product(index, Ranking.defaults().withBigramWeight(0), chunk > 0), queries, qrels, threads);
                    report("bigram only", SearchEvaluation.product(index, Ranking.defaults().withNoriWeight(0), chunk > 0), queries, qrels, threads);
                }
            }
            default -> {
                int chunk = args.length > 2 ? Integer.parseInt(args[2]) : 0;
                long t0 = System.nanoTime();
                try (LuceneSearchIndex index = build(corpus, LuceneSearchIndex.Analysis.defaults(), chunk, threads)) {
                    System.out.printf("indexed %d docs (%d chunks) in %.1f s%n", corpus.size(), index.count(), (System.nanoTime() - t0) / 1e9);
                    Ranking d = Ranking.defaults();
                    Map<String, Ranking> variants = new LinkedHashMap<>();
                    variants.put("default", d);
                    variants.put("nori only", d.withBigramWeight(0));
                    variants.put("bigram only", d.withNoriWeight(0));
                    variants.put("RRF nori:bigram 1:1 (instead of SUM)", d.withLexicalFusion(Ranking.LexicalFusion.RRF));
                    variants.put("RRF nori:bigram 1:0.5", d.withLexicalFusion(Ranking.LexicalFusion.RRF).withBigramWeight(0.5f));
                    variants.put("no synonyms", d.withSynonymWeight(0));
                    variants.put("all query words (no content-word filter)", d.withContentWordsOnly(false));
                    variants.put("no title bonus", d.withTitleBoost(0));
                    variants.put("title as separate field only (no BM25F), boost 2 (first guess)", d.withTitleInBody(0).withTitleBoost(2f).withBigramWeight(0.5f));
                    for (var v : variants.entrySet()) {
                        report(v.getKey(), SearchEvaluation.product(index, v.getValue(), chunk > 0), queries, qrels, threads);
                    }
                }
            }
        }
    }

    private static LuceneSearchIndex build(List<Doc> corpus, LuceneSearchIndex.Analysis analysis, int chunk, int threads) throws Exception {
        Path work = Files.createTempDirectory("sweep-");
        LuceneSearchIndex index = new LuceneSearchIndex(work.resolve("i"), analysis, Ranking.defaults(), null);
        SearchEvaluation.load(index, corpus, chunk, threads);
        return index;
    }

    private static void report(String name, SearchEvaluation.Retriever retriever, Map<String, List<Question>> queries,
            Map<String, Map<String, Map<String, Integer>>> qrels, int threads) {
        StringBuilder line = new StringBuilder(String.format("%-58s", name));
        long t0 = System.nanoTime();
        Map<String, List<String>> rankings = SearchEvaluation.rankAll(retriever, queries.get("all"), threads);
        double ms = (System.nanoTime() - t0) / 1e6 / queries.get("all").size();
        for (String type : queries.keySet()) {
            RetrievalMetrics.Summary s = RetrievalMetrics.evaluate(rankings, qrels.get(type));
            line.append(String.format(Locale.ROOT, " | %s %.3f %.3f %.3f %.3f", type, s.hit1(), s.hit10(), s.mrr10(), s.ndcg10()));
        }
        line.append(String.format(Locale.ROOT, " | %.1f ms/q", ms));
        System.out.println(line);
    }

}
