package kr.mokmin.triage.route;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A trained department classifier: feature weighting (idf), the linear model over it and the temperature that
 * calibrates its softmax. Online corrections change the linear model in place ({@link #learn}); everything else is
 * fixed once trained.
 */
public final class RouterModel {

    /** Calibrated logit lead a correction gives its department for that text: about 4:1 over the runner-up. */
    static final double ONLINE_MARGIN = 1.4;

    private final FeatureExtractor.Config featureConfig;
    private final Idf idf;
    private final LinearModel linear;
    private final double temperature;
    private final int[] examplesPerClass;
    private final Map<String, Integer> classIndex = new HashMap<>();

    /** @param examplesPerClass training examples of each class (online corrections add to them) */
    public RouterModel(FeatureExtractor.Config featureConfig, Idf idf, LinearModel linear, double temperature,
                       int[] examplesPerClass) {
        if (examplesPerClass.length != linear.classes()) {
            throw new IllegalArgumentException("one example count per class is needed");
        }
        this.featureConfig = featureConfig;
        this.idf = idf;
        this.linear = linear;
        this.temperature = temperature;
        this.examplesPerClass = examplesPerClass.clone();
        String[] labels = linear.labels();
        for (int i = 0; i < labels.length; i++) {
            classIndex.put(labels[i], i);
        }
    }

    /**
     * An untrained model that only learns online (a fresh install's officers correcting the cold start): no idf
     * (there is no training set to take it from), temperature 1, every weight zero.
     */
    public static RouterModel untrained(String[] labels, FeatureExtractor.Config featureConfig) {
        int dims = 1 << featureConfig.bits();
        return new RouterModel(featureConfig, Idf.uniform(dims), new LinearModel(labels, dims, 1024), 1.0,
                new int[labels.length]);
    }

    public FeatureExtractor.Config featureConfig() {
        return featureConfig;
    }

    public Idf idf() {
        return idf;
    }

    public LinearModel linear() {
        return linear;
    }

    public double temperature() {
        return temperature;
    }

    public String[] labels() {
        return linear.labels();
    }

    /** Examples the model has learned of {@code label}, 0 for a class it has none of or does not know. */
    public int examples(String label) {
        Integer i = classIndex.get(label);
        return i == null ? 0 : examplesPerClass[i];
    }

    int[] examplesPerClass() {
        return examplesPerClass.clone();
    }

    /** The class index of {@code label}, -1 when the model does not know it. */
    int index(String label) {
        Integer i = classIndex.get(label);
        return i == null ? -1 : i;
    }

    public boolean knows(String label) {
        return classIndex.containsKey(label);
    }

    /** Calibrated class probabilities (in {@link #labels()} order) of term frequencies from the extractor. */
    public double[] probabilities(SparseVector tf) {
        double[] p = new double[linear.classes()];
        LinearModel.softmax(linear.logits(idf.weigh(tf)), temperature, p);
        return p;
    }

    /** Raw logits (before temperature), for calibration. */
    double[] logits(SparseVector tf) {
        return linear.logits(idf.weigh(tf));
    }

    /** Learns one correction; false when the label is not one of this model's classes. */
    public boolean learn(SparseVector tf, String label) {
        Integer y = classIndex.get(label);
        if (y == null) {
            return false;
        }
        // The margin is in raw logits: after the temperature it is still a lead of ONLINE_MARGIN.
        linear.learn(idf.weigh(tf), y, ONLINE_MARGIN * temperature);
        synchronized (examplesPerClass) {
            examplesPerClass[y]++;
        }
        return true;
    }

    @Override
    public String toString() {
        return "RouterModel" + Arrays.toString(labels()) + " T=" + temperature + " rows=" + linear.rows();
    }
}
