package kr.mokmin.triage.route;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Multinomial logistic regression (softmax) over hashed features, trained with AdaGrad.
 *
 * <p>Weights are kept only for buckets seen in training ({@code rowOf} maps a bucket to its row of {@code K}
 * class weights, laid out together so that scoring reads one contiguous run per feature); online learning adds
 * rows for words first seen in a correction, growing the array when needed.
 *
 * <p>Concurrency: {@link #learn} happens under this object's lock; {@link #logits} reads without one. A reader
 * racing an update sees each float either before or after it (Java never tears an int or a float), so a score
 * mixes at most one update's old and new weights, which a classifier tolerates. A grown array is published
 * (volatile) before any row in it, and readers skip a row beyond the array they hold, so a reader never reads
 * outside its arrays.
 */
public final class LinearModel {

    /**
     * @param epochs       passes over the training set
     * @param learningRate AdaGrad's base step
     * @param l2           weight decay applied to the rows a step touches
     * @param minDf        buckets in fewer training documents get no weights (noise, and memory)
     * @param classBalance 0 = every example counts once; 1 = classes weigh as if equally frequent; between: a
     *                     power of the inverse frequency, which lifts rare departments (macro-F1) at some top-1 cost
     * @param centroidWeight the trained weights get this multiple of the nearest-centroid weights added (a
     *                     product of the two experts in logit space); 0 = softmax regression alone
     */
    public record Params(int epochs, double learningRate, double l2, int minDf, double classBalance,
                         double centroidWeight) {
    }

    public static final Params DEFAULT_PARAMS = new Params(15, 0.1, 1e-6, 2, 1.0, 160);

    /** Most passive-aggressive steps one correction takes (each opens the margin to one rival class). */
    static final int ONLINE_MAX_STEPS = 10;

    private final String[] labels;
    private final int k;
    private final int[] rowOf;
    private final float[] bias;
    private volatile float[] weights;
    private int rows;

    LinearModel(String[] labels, int dimensions, int capacityRows) {
        this.labels = labels.clone();
        this.k = labels.length;
        this.rowOf = new int[dimensions];
        Arrays.fill(rowOf, -1);
        this.bias = new float[k];
        this.weights = new float[Math.max(1, capacityRows) * k];
    }

    /** For loading a saved model: the arrays are taken over. */
    LinearModel(String[] labels, int[] rowOf, float[] bias, float[] weights, int rows) {
        this.labels = labels.clone();
        this.k = labels.length;
        this.rowOf = rowOf;
        this.bias = bias;
        this.weights = weights;
        this.rows = rows;
    }

    public String[] labels() {
        return labels.clone();
    }

    public int classes() {
        return k;
    }

    public int rows() {
        return rows;
    }

    int dimensions() {
        return rowOf.length;
    }

    int[] rowOf() {
        return rowOf;
    }

    float[] bias() {
        return bias;
    }

    float[] weights() {
        return weights;
    }

    /** Raw class scores of an (idf-weighted, normalised) vector. */
    public double[] logits(SparseVector x) {
        // Summed in float, one row at a time: the inner loop over classes is then a plain float multiply-add
        // that the JIT vectorises (a double accumulator made it scalar, a fifth of a whole triage).
        float[] acc = new float[k];
        float[] w = weights;
        for (int i = 0; i < x.index.length; i++) {
            int r = rowOf[x.index[i]];
            if (r < 0) {
                continue;
            }
            float v = x.value[i];
            int base = r * k;
            if (base + k > w.length) {
                continue; // a row added after this reader took the array
            }
            for (int c = 0; c < k; c++) {
                acc[c] += v * w[base + c];
            }
        }
        double[] z = new double[k];
        for (int c = 0; c < k; c++) {
            z[c] = bias[c] + (double) acc[c];
        }
        return z;
    }

    /** Trains a fresh model on weighted vectors {@code xs} with class indexes {@code ys}. */
    public static LinearModel train(List<SparseVector> xs, int[] ys, String[] labels, int dimensions,
                                    Params params, long seed) {
        int k = labels.length;
        int[] df = new int[dimensions];
        for (SparseVector x : xs) {
            for (int i : x.index) {
                df[i]++;
            }
        }
        int kept = 0;
        for (int d : df) {
            if (d >= params.minDf()) {
                kept++;
            }
        }
        LinearModel model = new LinearModel(labels, dimensions, kept);
        for (int b = 0; b < dimensions; b++) {
            if (df[b] >= params.minDf()) {
                model.rowOf[b] = model.rows++;
            }
        }
        int[] perClass = new int[k];
        for (int y : ys) {
            perClass[y]++;
        }
        double[] classWeight = new double[k];
        for (int c = 0; c < k; c++) {
            double share = perClass[c] == 0 ? 1 : (double) xs.size() / (k * (double) perClass[c]);
            classWeight[c] = Math.pow(share, params.classBalance());
        }
        float[] w = model.weights;
        float[] g2 = new float[model.rows * k];
        double[] g2Bias = new double[k];
        int[] order = new int[xs.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        double[] p = new double[k];
        double eps = 1e-8;
        float lr = (float) params.learningRate();
        float l2 = (float) params.l2();
        for (int epoch = 0; epoch < params.epochs(); epoch++) {
            shuffle(order, random);
            for (int n : order) {
                SparseVector x = xs.get(n);
                int y = ys[n];
                softmax(model.logits(x), 1.0, p);
                float cw = (float) classWeight[y];
                for (int c = 0; c < k; c++) {
                    float g = (float) (p[c] - (c == y ? 1 : 0)) * cw;
                    if (Math.abs(g) < 1e-4f) {
                        continue; // a negligible gradient: skipping it makes late epochs several times cheaper
                    }
                    g2Bias[c] += (double) g * g;
                    model.bias[c] -= (float) (lr * g / (Math.sqrt(g2Bias[c]) + eps));
                    for (int i = 0; i < x.index.length; i++) {
                        int r = model.rowOf[x.index[i]];
                        if (r < 0) {
                            continue;
                        }
                        int at = r * k + c;
                        float grad = g * x.value[i] + l2 * w[at];
                        g2[at] += grad * grad;
                        w[at] -= lr * grad / ((float) Math.sqrt(g2[at]) + 1e-8f);
                    }
                }
            }
        }
        return model;
    }

    /**
     * A nearest-centroid classifier in the same layout: each class's weights are the L2-normalised mean of its
     * (normalised) examples, so a logit is the cosine similarity to the class centroid.
     */
    public static LinearModel centroids(List<SparseVector> xs, int[] ys, String[] labels, int dimensions) {
        int k = labels.length;
        LinearModel model = new LinearModel(labels, dimensions, 0);
        for (SparseVector x : xs) {
            for (int b : x.index) {
                if (model.rowOf[b] < 0) {
                    model.rowOf[b] = model.rows++;
                }
            }
        }
        float[] w = new float[Math.max(1, model.rows) * k];
        for (int n = 0; n < xs.size(); n++) {
            SparseVector x = xs.get(n);
            for (int i = 0; i < x.index.length; i++) {
                w[model.rowOf[x.index[i]] * k + ys[n]] += x.value[i];
            }
        }
        double[] norm = new double[k];
        for (int at = 0; at < model.rows * k; at++) {
            norm[at % k] += (double) w[at] * w[at];
        }
        for (int at = 0; at < model.rows * k; at++) {
            double nrm = norm[at % k];
            if (nrm > 0) {
                w[at] = (float) (w[at] / Math.sqrt(nrm));
            }
        }
        model.weights = w;
        return model;
    }

    /** {@code a + scale · b} for two models of the same classes: logits add up. */
    static LinearModel sum(LinearModel a, LinearModel b, double scale) {
        if (!java.util.Arrays.equals(a.labels, b.labels) || a.rowOf.length != b.rowOf.length) {
            throw new IllegalArgumentException("models of different classes or hash spaces");
        }
        int k = a.k;
        LinearModel out = new LinearModel(a.labels, a.rowOf.length, 0);
        for (int bucket = 0; bucket < a.rowOf.length; bucket++) {
            if (a.rowOf[bucket] >= 0 || b.rowOf[bucket] >= 0) {
                out.rowOf[bucket] = out.rows++;
            }
        }
        float[] w = new float[Math.max(1, out.rows) * k];
        float[] wa = a.weights;
        float[] wb = b.weights;
        for (int bucket = 0; bucket < a.rowOf.length; bucket++) {
            int r = out.rowOf[bucket];
            if (r < 0) {
                continue;
            }
            int ra = a.rowOf[bucket];
            int rb = b.rowOf[bucket];
            for (int c = 0; c < k; c++) {
                w[r * k + c] = (ra >= 0 ? wa[ra * k + c] : 0f) + (rb >= 0 ? (float) scale * wb[rb * k + c] : 0f);
            }
        }
        for (int c = 0; c < k; c++) {
            out.bias[c] = a.bias[c] + (float) scale * b.bias[c];
        }
        out.weights = w;
        return out;
    }

    /**
     * One officer's correction, as a passive-aggressive step: while another class scores within {@code margin}
     * (logits) of {@code y}, move {@code y}'s and that class's weights along {@code x} just far enough to open the
     * margin. Changes nothing the example does not touch, and exactly as much as needed, whatever the scale of the
     * trained weights. Words not seen before get rows (the weight array grows when full).
     *
     * @return the steps taken (0: the model already agreed with the correction)
     */
    public synchronized int learn(SparseVector x, int y, double margin) {
        int added = 0;
        for (int i = 0; i < x.index.length; i++) {
            if (rowOf[x.index[i]] < 0) {
                added++;
            }
        }
        if ((rows + added) * k > weights.length) {
            weights = Arrays.copyOf(weights, Math.max((rows + added) * k, weights.length + weights.length / 2));
        }
        for (int i = 0; i < x.index.length; i++) {
            int b = x.index[i];
            if (rowOf[b] < 0) {
                rowOf[b] = rows++;
            }
        }
        float[] w = weights;
        double sq = 0;
        for (float v : x.value) {
            sq += (double) v * v;
        }
        if (sq == 0) {
            return 0;
        }
        int steps = 0;
        while (steps < ONLINE_MAX_STEPS) {
            double[] z = logits(x);
            int rival = -1;
            for (int c = 0; c < k; c++) {
                if (c != y && (rival < 0 || z[c] > z[rival])) {
                    rival = c;
                }
            }
            double gap = rival < 0 ? Double.POSITIVE_INFINITY : z[y] - z[rival];
            if (gap >= margin) {
                break;
            }
            steps++;
            float tau = (float) ((margin - gap) / (2 * sq));
            for (int i = 0; i < x.index.length; i++) {
                int at = rowOf[x.index[i]] * k;
                w[at + y] += tau * x.value[i];
                w[at + rival] -= tau * x.value[i];
            }
        }
        return steps;
    }

    /** Softmax of {@code z / temperature} into {@code out}. */
    static void softmax(double[] z, double temperature, double[] out) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int c = 0; c < z.length; c++) {
            out[c] = Math.exp((z[c] - max) / temperature);
            sum += out[c];
        }
        for (int c = 0; c < z.length; c++) {
            out[c] /= sum;
        }
    }

    private static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
