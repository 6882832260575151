package kr.mokmin.triage.route;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Trains a {@link RouterModel} from labelled complaints. With {@code calibrationFolds} ≥ 2 it first trains that
 * many models on stratified folds and scores each held-out part: those out-of-fold predictions fit the softmax
 * temperature and give honest metrics of the training set (top-1, top-3, macro-F1, ECE, Brier). Then it trains
 * the final model on everything. Deterministic for a given seed.
 */
public final class RouterTrainer {

    public enum Algorithm {
        /** Multinomial logistic regression over nori morphemes and character n-grams (the product's). */
        SOFTMAX,
        /** Nearest centroid over tf-idf character n-grams, cosine: the baseline to beat. */
        CENTROID
    }

    /** A labelled (masked) complaint. */
    public record Example(String title, String body, String label) {
    }

    public record Options(Algorithm algorithm, FeatureExtractor.Config features, LinearModel.Params params,
                          int calibrationFolds, long seed) {

        public static Options product() {
            return new Options(Algorithm.SOFTMAX, FeatureExtractor.DEFAULT, LinearModel.DEFAULT_PARAMS, 3, 42);
        }

        public static Options centroidBaseline() {
            return new Options(Algorithm.CENTROID, FeatureExtractor.DEFAULT.charsOnly(), LinearModel.DEFAULT_PARAMS,
                    0, 42);
        }
    }

    /**
     * What training measured (out-of-fold when calibrated; NaN otherwise).
     *
     * @param temperature fitted softmax temperature (1 without calibration folds)
     * @param ece         expected calibration error of the calibrated out-of-fold predictions
     * @param eceRaw      the same at temperature 1, to show what calibration changed
     */
    public record Report(String algorithm, int examples, int classes, int rows, double temperature, double top1,
                         double top3, double macroF1, double ece, double eceRaw, double brier, long trainingMillis) {

        public Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("algorithm", algorithm);
            m.put("examples", examples);
            m.put("classes", classes);
            m.put("featureRows", rows);
            m.put("temperature", round(temperature));
            m.put("cvTop1", round(top1));
            m.put("cvTop3", round(top3));
            m.put("cvMacroF1", round(macroF1));
            m.put("ece", round(ece));
            m.put("eceUncalibrated", round(eceRaw));
            m.put("brier", round(brier));
            m.put("trainingMillis", trainingMillis);
            return m;
        }

        private static Object round(double v) {
            return Double.isNaN(v) ? null : Math.round(v * 10000) / 10000.0;
        }
    }

    public record Result(RouterModel model, Report report) {
    }

    private RouterTrainer() {
    }

    /**
     * @param extraLabels classes the model must know although no example has them yet (departments of the
     *                    taxonomy), so that corrections can teach them online
     */
    public static Result train(List<Example> examples, List<String> extraLabels, Options options,
                               Featurizer extractor) {
        if (extractor instanceof FeatureExtractor fx && !fx.config().equals(options.features())) {
            throw new IllegalArgumentException("the extractor's config differs from the options'");
        }
        long start = System.nanoTime();
        Set<String> labelSet = new LinkedHashSet<>();
        examples.forEach(e -> labelSet.add(e.label()));
        labelSet.addAll(extraLabels);
        String[] labels = labelSet.toArray(String[]::new);
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < labels.length; i++) {
            index.put(labels[i], i);
        }
        List<SparseVector> tf = new ArrayList<>(examples.size());
        int[] ys = new int[examples.size()];
        for (int i = 0; i < examples.size(); i++) {
            Example e = examples.get(i);
            tf.add(extractor.extract(e.title(), e.body()));
            ys[i] = index.get(e.label());
        }

        double temperature = 1;
        double top1 = Double.NaN;
        double top3 = Double.NaN;
        double macroF1 = Double.NaN;
        double ece = Double.NaN;
        double eceRaw = Double.NaN;
        double brier = Double.NaN;
        if (options.calibrationFolds() >= 2 && examples.size() >= options.calibrationFolds() * 2) {
            int[] fold = stratifiedFolds(ys, labels.length, options.calibrationFolds(), options.seed());
            List<Calibration.Scored> scored = new ArrayList<>(examples.size());
            for (int f = 0; f < options.calibrationFolds(); f++) {
                List<SparseVector> trainTf = new ArrayList<>();
                List<Integer> trainY = new ArrayList<>();
                List<Integer> held = new ArrayList<>();
                for (int i = 0; i < ys.length; i++) {
                    if (fold[i] == f) {
                        held.add(i);
                    } else {
                        trainTf.add(tf.get(i));
                        trainY.add(ys[i]);
                    }
                }
                RouterModel m = fit(trainTf, trainY.stream().mapToInt(Integer::intValue).toArray(), labels,
                        options, extractor.dimensions(), 1.0);
                for (int i : held) {
                    scored.add(new Calibration.Scored(m.logits(tf.get(i)), ys[i]));
                }
            }
            temperature = Calibration.fitTemperature(scored);
            List<Calibration.Outcome> calibrated = outcomes(scored, temperature);
            ece = Calibration.expectedCalibrationError(calibrated);
            eceRaw = Calibration.expectedCalibrationError(outcomes(scored, 1.0));
            brier = Calibration.brier(calibrated);
            List<ClassificationMetrics.Ranked> ranked = new ArrayList<>();
            for (Calibration.Scored s : scored) {
                ranked.add(new ClassificationMetrics.Ranked(labels[s.truth()], ranking(s.logits(), labels, 3)));
            }
            ClassificationMetrics.Summary summary = ClassificationMetrics.summarize(ranked, 0);
            top1 = summary.top1();
            top3 = summary.top3();
            macroF1 = summary.macroF1();
        }
        RouterModel model = fit(tf, ys, labels, options, extractor.dimensions(), temperature);
        long millis = (System.nanoTime() - start) / 1_000_000;
        Report report = new Report(options.algorithm().name().toLowerCase(java.util.Locale.ROOT), examples.size(),
                labels.length, model.linear().rows(), temperature, top1, top3, macroF1, ece, eceRaw, brier, millis);
        return new Result(model, report);
    }

    private static RouterModel fit(List<SparseVector> tf, int[] ys, String[] labels, Options options, int dims,
                                   double temperature) {
        Idf idf = Idf.fit(tf, dims);
        List<SparseVector> xs = new ArrayList<>(tf.size());
        for (SparseVector v : tf) {
            xs.add(idf.weigh(v));
        }
        LinearModel linear = switch (options.algorithm()) {
            case SOFTMAX -> {
                LinearModel softmax = LinearModel.train(xs, ys, labels, dims, options.params(), options.seed());
                yield options.params().centroidWeight() == 0 ? softmax
                        : LinearModel.sum(softmax, LinearModel.centroids(xs, ys, labels, dims),
                        options.params().centroidWeight());
            }
            case CENTROID -> LinearModel.centroids(xs, ys, labels, dims);
        };
        int[] perClass = new int[labels.length];
        for (int y : ys) {
            perClass[y]++;
        }
        return new RouterModel(options.features(), idf, linear, temperature, perClass);
    }

    private static List<Calibration.Outcome> outcomes(List<Calibration.Scored> scored, double temperature) {
        List<Calibration.Outcome> out = new ArrayList<>(scored.size());
        for (Calibration.Scored s : scored) {
            double[] p = new double[s.logits().length];
            LinearModel.softmax(s.logits(), temperature, p);
            out.add(new Calibration.Outcome(p, s.truth()));
        }
        return out;
    }

    /** The {@code n} best labels for these scores, best first. */
    public static List<String> ranking(double[] scores, String[] labels, int n) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        List<String> out = new ArrayList<>(Math.min(n, order.length));
        for (int i = 0; i < Math.min(n, order.length); i++) {
            out.add(labels[order[i]]);
        }
        return out;
    }

    /** Fold of each example: every class's examples dealt round-robin over the folds in a seeded shuffle. */
    static int[] stratifiedFolds(int[] ys, int classes, int folds, long seed) {
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < ys.length; i++) {
            byClass.get(ys[i]).add(i);
        }
        Random random = new Random(seed);
        int[] fold = new int[ys.length];
        int next = 0;
        for (List<Integer> members : byClass) {
            java.util.Collections.shuffle(members, random);
            for (int i : members) {
                fold[i] = next;
                next = (next + 1) % folds;
            }
        }
        return fold;
    }
}
