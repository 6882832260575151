package kr.mokmin.triage.route;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Top-1, top-3 and macro-F1 of ranked predictions against true labels, and the most confused pairs. Macro-F1 is
 * the unweighted mean of per-label F1 over every label that is true or predicted at least once (as
 * scikit-learn's {@code f1_score(average="macro")}); a true label the model never saw is simply never predicted.
 */
public final class ClassificationMetrics {

    /** One evaluated example: its true label and the model's labels, best first. */
    public record Ranked(String truth, List<String> predicted) {
        public Ranked {
            predicted = List.copyOf(predicted);
        }

        String top() {
            return predicted.isEmpty() ? null : predicted.getFirst();
        }
    }

    public record Confusion(String truth, String predicted, int count) {
    }

    public record Summary(int n, double top1, double top3, double macroF1, List<Confusion> confused) {
    }

    private ClassificationMetrics() {
    }

    public static Summary summarize(List<Ranked> results, int confusedPairs) {
        int n = results.size();
        int hit1 = 0;
        int hit3 = 0;
        Map<String, int[]> counts = new HashMap<>(); // label → {tp, fp, fn}
        Map<List<String>, Integer> pairs = new HashMap<>();
        Set<String> labels = new LinkedHashSet<>();
        for (Ranked r : results) {
            String top = r.top();
            labels.add(r.truth());
            if (top != null) {
                labels.add(top);
            }
            if (r.truth().equals(top)) {
                hit1++;
                counts.computeIfAbsent(top, l -> new int[3])[0]++;
            } else {
                counts.computeIfAbsent(r.truth(), l -> new int[3])[2]++;
                if (top != null) {
                    counts.computeIfAbsent(top, l -> new int[3])[1]++;
                    pairs.merge(List.of(r.truth(), top), 1, Integer::sum);
                }
            }
            if (r.predicted().subList(0, Math.min(3, r.predicted().size())).contains(r.truth())) {
                hit3++;
            }
        }
        double f1Sum = 0;
        for (String label : labels) {
            int[] c = counts.getOrDefault(label, new int[3]);
            double denominator = 2.0 * c[0] + c[1] + c[2];
            f1Sum += denominator == 0 ? 0 : 2.0 * c[0] / denominator;
        }
        List<Confusion> confused = new ArrayList<>();
        pairs.forEach((pair, count) -> confused.add(new Confusion(pair.get(0), pair.get(1), count)));
        confused.sort(Comparator.comparingInt(Confusion::count).reversed()
                .thenComparing(Confusion::truth).thenComparing(Confusion::predicted));
        return new Summary(n, n == 0 ? 0 : (double) hit1 / n, n == 0 ? 0 : (double) hit3 / n,
                labels.isEmpty() ? 0 : f1Sum / labels.size(),
                List.copyOf(confused.subList(0, Math.min(confusedPairs, confused.size()))));
    }
}
