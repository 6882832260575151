package kr.mokmin.search.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Ranking quality over a query set, the usual way (as trec_eval computes them):
 * <ul>
 *   <li>hit@k: share of queries with at least one relevant document in the top k;</li>
 *   <li>MRR@10: mean of 1/rank of the first relevant document in the top 10 (0 if none);</li>
 *   <li>nDCG@10: DCG of the top 10 with gain {@code 2^rel - 1} and discount {@code log2(rank + 1)}, divided by
 *       the DCG of the ideal ordering of the query's judged documents.</li>
 * </ul>
 * A query with no document judged relevant (relevance > 0) cannot be scored and is left out of the averages;
 * {@link Summary#queries()} counts the ones that were scored.
 */
public final class RetrievalMetrics {

    private RetrievalMetrics() {
    }

    /** Averages over the scored queries. */
    public record Summary(int queries, double hit1, double hit5, double hit10, double mrr10, double ndcg10) {

        /** The evaluation command's last line, e.g. {@code hit@1=0.512 hit@5=0.804 ... ndcg@10=0.655}. */
        public String line() {
            return String.format(Locale.ROOT, "hit@1=%.3f hit@5=%.3f hit@10=%.3f mrr@10=%.3f ndcg@10=%.3f",
                    hit1, hit5, hit10, mrr10, ndcg10);
        }
    }

    /** The metrics of one query. */
    public record PerQuery(String queryId, boolean hit1, boolean hit5, boolean hit10, double reciprocalRank,
            double ndcg10) {
    }

    /**
     * @param rankings document ids per query id, best first (duplicates should already be removed); a query
     *                 with judgments but no ranking counts as a complete miss
     * @param qrels    relevance per query id and document id
     */
    public static Summary evaluate(Map<String, List<String>> rankings, Map<String, Map<String, Integer>> qrels) {
        List<PerQuery> all = perQuery(rankings, qrels);
        int n = all.size();
        if (n == 0) {
            return new Summary(0, 0, 0, 0, 0, 0);
        }
        double h1 = 0, h5 = 0, h10 = 0, mrr = 0, ndcg = 0;
        for (PerQuery q : all) {
            h1 += q.hit1() ? 1 : 0;
            h5 += q.hit5() ? 1 : 0;
            h10 += q.hit10() ? 1 : 0;
            mrr += q.reciprocalRank();
            ndcg += q.ndcg10();
        }
        return new Summary(n, h1 / n, h5 / n, h10 / n, mrr / n, ndcg / n);
    }

    /** Per-query metrics for every query with at least one relevant judgment, in qrels order. */
    public static List<PerQuery> perQuery(Map<String, List<String>> rankings, Map<String, Map<String, Integer>> qrels) {
        List<PerQuery> out = new ArrayList<>();
        for (Map.Entry<String, Map<String, Integer>> judged : qrels.entrySet()) {
            Map<String, Integer> relevance = judged.getValue();
            if (relevance.values().stream().noneMatch(r -> r > 0)) {
                continue;
            }
            List<String> ranking = rankings.getOrDefault(judged.getKey(), List.of());
            int firstRelevant = 0;
            double dcg = 0;
            for (int i = 0; i < Math.min(10, ranking.size()); i++) {
                int rel = relevance.getOrDefault(ranking.get(i), 0);
                if (rel > 0) {
                    if (firstRelevant == 0) {
                        firstRelevant = i + 1;
                    }
                    dcg += gain(rel) / log2(i + 2);
                }
            }
            List<Integer> ideal = relevance.values().stream().filter(r -> r > 0)
                    .sorted((a, b) -> Integer.compare(b, a)).toList();
            double idcg = 0;
            for (int i = 0; i < Math.min(10, ideal.size()); i++) {
                idcg += gain(ideal.get(i)) / log2(i + 2);
            }
            out.add(new PerQuery(judged.getKey(),
                    firstRelevant == 1, firstRelevant >= 1 && firstRelevant <= 5, firstRelevant >= 1,
                    firstRelevant == 0 ? 0 : 1.0 / firstRelevant, dcg / idcg));
        }
        return out;
    }

    private static double gain(int relevance) {
        return Math.pow(2, relevance) - 1;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
