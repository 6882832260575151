package kr.mokmin.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion (Cormack, Clarke and Büttcher, SIGIR 2009): an item's fused score is the sum over
 * the rankings that contain it of {@code weight / (k + rank)}, rank counted from 1.
 *
 * <p>Used to combine rankings whose scores are not comparable (BM25 vs cosine similarity): it needs only
 * ranks, so no score normalisation has to be tuned per corpus.
 */
public final class RankFusion {

    /** The constant from the paper; it damps the weight of the very first ranks. */
    public static final int DEFAULT_K = 60;

    private RankFusion() {
    }

    /** A fused item with its score and its rank (from 1) in each input ranking, 0 where it was absent. */
    public record Fused(String id, double score, int[] ranks) {
    }

    /** Equal-weight fusion with {@link #DEFAULT_K}. */
    public static List<Fused> fuse(List<List<String>> rankings) {
        double[] weights = new double[rankings.size()];
        java.util.Arrays.fill(weights, 1.0);
        return fuse(rankings, weights, DEFAULT_K);
    }

    /**
     * @param rankings item ids, best first; an id repeated within one ranking counts at its best rank only
     * @param weights  one weight per ranking
     * @param k        the damping constant (> 0)
     * @return every item of any ranking, best first; ties keep the order in which items were first seen
     */
    public static List<Fused> fuse(List<List<String>> rankings, double[] weights, int k) {
        if (weights.length != rankings.size()) {
            throw new IllegalArgumentException(rankings.size() + " rankings but " + weights.length + " weights");
        }
        if (k <= 0) {
            throw new IllegalArgumentException("k must be positive");
        }
        Map<String, double[]> scores = new LinkedHashMap<>();
        Map<String, int[]> ranks = new LinkedHashMap<>();
        for (int r = 0; r < rankings.size(); r++) {
            List<String> ranking = rankings.get(r);
            for (int i = 0; i < ranking.size(); i++) {
                String id = ranking.get(i);
                int[] itemRanks = ranks.computeIfAbsent(id, x -> new int[rankings.size()]);
                if (itemRanks[r] != 0) {
                    continue;
                }
                itemRanks[r] = i + 1;
                scores.computeIfAbsent(id, x -> new double[1])[0] += weights[r] / (k + i + 1);
            }
        }
        List<Fused> fused = new ArrayList<>(scores.size());
        scores.forEach((id, score) -> fused.add(new Fused(id, score[0], ranks.get(id))));
        fused.sort(Comparator.comparingDouble(Fused::score).reversed());
        return fused;
    }
}
