package kr.mokmin.triage.route;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import kr.mokmin.complaint.Taxonomy;

/**
 * The department router: a trained {@link RouterModel} blended with cold-start similarity to the taxonomy
 * ({@link TaxonomyProfiles}), learning online from corrections. Plain Java; persistence is the caller's.
 *
 * <p><b>Blend.</b> For department {@code d} with {@code n} training examples the confidence is
 * {@code (1 − λ) · p_model(d) + λ · p_cold(d)} with {@code λ = max(0.05, 1 / (1 + n))}: a department the model
 * has never seen (added to the taxonomy after training, or without examples) keeps its full cold-start
 * confidence and stays reachable, one with many examples is the model's. If the sum exceeds 1 the confidences
 * are scaled down to sum to 1. Without a model, routing is the cold start alone.
 *
 * <p><b>Taxonomy changes.</b> The taxonomy is read on every call; profiles are rebuilt when it changes. A model
 * class that is no longer a department is dropped from the output.
 *
 * <p><b>Threads.</b> {@link #route} takes no lock. {@link #learn} and {@link #activate} are serialised; the
 * active model and its update count are published together through one volatile field.
 */
public final class LearningRouter implements DepartmentRouter {

    public static final String COLD_START_VERSION = "cold-start";
    static final double MIN_COLD_WEIGHT = 0.05;
    static final double COLD_PRIOR_EXAMPLES = 1;

    /** The model in use: null for cold start; {@code updates} = online corrections learned since activation. */
    private record Active(RouterModel model, int version, int updates) {
    }

    private record Profiles(Taxonomy taxonomy, FeatureExtractor.Config config, TaxonomyProfiles profiles) {
    }

    private final Supplier<Taxonomy> taxonomy;
    private final FeatureExtractor.Config defaultConfig;
    private final Map<FeatureExtractor.Config, FeatureExtractor> extractors = new ConcurrentHashMap<>();
    private volatile Active active = new Active(null, 0, 0);
    private volatile Profiles profiles;

    public LearningRouter(Supplier<Taxonomy> taxonomy, FeatureExtractor.Config defaultConfig) {
        this.taxonomy = taxonomy;
        this.defaultConfig = defaultConfig;
    }

    @Override
    public List<Prediction> route(String maskedTitle, String maskedBody, int k) {
        Active a = active;
        FeatureExtractor.Config config = a.model() == null ? defaultConfig : a.model().featureConfig();
        SparseVector tf = extractor(config).extract(maskedTitle, maskedBody);
        TaxonomyProfiles prof = profiles(config);
        double[] p = prof.probabilities(tf);
        String[] codes = prof.codesView();
        RouterModel model = a.model();
        if (model != null) {
            double[] pm = model.probabilities(tf);
            double sum = 0;
            for (int d = 0; d < codes.length; d++) {
                int c = model.index(codes[d]);
                double modelP = c < 0 ? 0 : pm[c];
                double lambda = Math.max(MIN_COLD_WEIGHT,
                        COLD_PRIOR_EXAMPLES / (COLD_PRIOR_EXAMPLES + model.examples(codes[d])));
                p[d] = (1 - lambda) * modelP + lambda * p[d];
                sum += p[d];
            }
            if (sum > 1) {
                for (int d = 0; d < p.length; d++) {
                    p[d] /= sum;
                }
            }
        }
        return top(p, codes, k);
    }

    static List<Prediction> top(double[] p, String[] labels, int k) {
        List<String> best = RouterTrainer.ranking(p, labels, Math.max(0, k));
        List<Prediction> out = new ArrayList<>(best.size());
        for (String label : best) {
            for (int i = 0; i < labels.length; i++) {
                if (labels[i].equals(label)) {
                    out.add(new Prediction(label, Math.min(1, Math.max(0, p[i]))));
                    break;
                }
            }
        }
        return List.copyOf(out);
    }

    @Override
    public void learn(String maskedTitle, String maskedBody, String departmentCode) {
        learnOnline(maskedTitle, maskedBody, departmentCode);
    }

    /**
     * Learns one correction. Returns false when the model cannot learn it online (a department the active model
     * was trained without: the next retrain will know it). Throws for a code that is not a department.
     */
    public synchronized boolean learnOnline(String maskedTitle, String maskedBody, String departmentCode) {
        Taxonomy current = taxonomy.get();
        if (current.department(departmentCode).isEmpty()) {
            throw new IllegalArgumentException("unknown department " + departmentCode);
        }
        Active a = active;
        RouterModel model = a.model();
        if (model == null) {
            // A fresh install's first correction: start a model that knows every department and learns online.
            model = RouterModel.untrained(current.departments().stream().map(Taxonomy.Department::code)
                    .toArray(String[]::new), defaultConfig);
        }
        SparseVector tf = extractor(model.featureConfig()).extract(maskedTitle, maskedBody);
        if (!model.learn(tf, departmentCode)) {
            return false;
        }
        active = new Active(model, a.version(), a.updates() + 1);
        return true;
    }

    /** Makes {@code model} (trained as {@code version}) the one routing uses; online updates start at 0. */
    public synchronized void activate(RouterModel model, int version) {
        active = new Active(model, version, 0);
    }

    /** The active model, or null during cold start. */
    public RouterModel model() {
        return active.model();
    }

    /** The active trained version (0: none, the model learned online from a cold start). */
    public int version() {
        return active.version();
    }

    /** Online corrections learned since the active version was activated. */
    public int updates() {
        return active.updates();
    }

    @Override
    public String modelVersion() {
        Active a = active;
        if (a.model() == null) {
            return COLD_START_VERSION;
        }
        return "v" + a.version() + (a.updates() > 0 ? "+" + a.updates() : "");
    }

    FeatureExtractor extractor(FeatureExtractor.Config config) {
        return extractors.computeIfAbsent(config, FeatureExtractor::new);
    }

    private TaxonomyProfiles profiles(FeatureExtractor.Config config) {
        Taxonomy current = taxonomy.get();
        Profiles p = profiles;
        if (p == null || p.taxonomy() != current || !p.config().equals(config)) {
            p = new Profiles(current, config, TaxonomyProfiles.of(current, extractor(config)));
            profiles = p;
        }
        return p.profiles();
    }
}
