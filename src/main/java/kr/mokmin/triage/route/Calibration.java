package kr.mokmin.triage.route;

import java.util.List;

/**
 * Temperature scaling (Guo et al. 2017): one number {@code T} that divides the logits before the softmax, fitted
 * to minimise the negative log-likelihood of held-out predictions. It changes confidences, never the ranking.
 * Also the two calibration measures reported with a model: expected calibration error (ECE, 10 equal-width bins
 * of top-1 confidence) and the multi-class Brier score.
 */
public final class Calibration {

    private Calibration() {
    }

    /** Held-out logits and the index of the true class, -1 when the true class is not among the model's. */
    public record Scored(double[] logits, int truth) {
    }

    /** The temperature in [0.05, 20] with the least held-out NLL (golden-section search over ln T). */
    public static double fitTemperature(List<Scored> scored) {
        if (scored.isEmpty()) {
            return 1.0;
        }
        double lo = Math.log(0.05);
        double hi = Math.log(20);
        double phi = (Math.sqrt(5) - 1) / 2;
        double a = hi - phi * (hi - lo);
        double b = lo + phi * (hi - lo);
        double fa = nll(scored, Math.exp(a));
        double fb = nll(scored, Math.exp(b));
        for (int i = 0; i < 60; i++) {
            if (fa < fb) {
                hi = b;
                b = a;
                fb = fa;
                a = hi - phi * (hi - lo);
                fa = nll(scored, Math.exp(a));
            } else {
                lo = a;
                a = b;
                fa = fb;
                b = lo + phi * (hi - lo);
                fb = nll(scored, Math.exp(b));
            }
        }
        return Math.exp((lo + hi) / 2);
    }

    static double nll(List<Scored> scored, double temperature) {
        double sum = 0;
        int n = 0;
        for (Scored s : scored) {
            if (s.truth() < 0) {
                continue;
            }
            double max = Double.NEGATIVE_INFINITY;
            for (double z : s.logits()) {
                max = Math.max(max, z);
            }
            double logSum = 0;
            for (double z : s.logits()) {
                logSum += Math.exp((z - max) / temperature);
            }
            sum += Math.log(logSum) - (s.logits()[s.truth()] - max) / temperature;
            n++;
        }
        return n == 0 ? 0 : sum / n;
    }

    /** Probabilities and the index of the true class (-1: not among them, counts as a miss). */
    public record Outcome(double[] probabilities, int truth) {
    }

    /** ECE over 10 equal-width bins of the top-1 confidence. */
    public static double expectedCalibrationError(List<Outcome> outcomes) {
        int bins = 10;
        double[] confidence = new double[bins];
        double[] correct = new double[bins];
        int[] count = new int[bins];
        for (Outcome o : outcomes) {
            int best = argmax(o.probabilities());
            double p = o.probabilities()[best];
            int bin = Math.min(bins - 1, (int) (p * bins));
            confidence[bin] += p;
            correct[bin] += best == o.truth() ? 1 : 0;
            count[bin]++;
        }
        double ece = 0;
        for (int b = 0; b < bins; b++) {
            if (count[b] > 0) {
                ece += Math.abs(correct[b] - confidence[b]) / outcomes.size();
            }
        }
        return ece;
    }

    /** Mean over examples of Σ_c (p_c − 1[c = truth])². */
    public static double brier(List<Outcome> outcomes) {
        double sum = 0;
        for (Outcome o : outcomes) {
            double[] p = o.probabilities();
            for (int c = 0; c < p.length; c++) {
                double d = p[c] - (c == o.truth() ? 1 : 0);
                sum += d * d;
            }
            if (o.truth() < 0) {
                sum += 1; // the true class has probability 0 and is not in the vector
            }
        }
        return outcomes.isEmpty() ? 0 : sum / outcomes.size();
    }

    static int argmax(double[] p) {
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        return best;
    }
}
