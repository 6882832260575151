package kr.mokmin.triage.route;

import java.util.ArrayList;
import java.util.List;

import kr.mokmin.complaint.Taxonomy;

/**
 * Cold-start routing: how similar a complaint is to each department's profile in the taxonomy. A profile is the
 * department's name, description and keywords plus the names, descriptions and keywords of its services, with
 * names and keywords repeated (they are the strongest evidence a short description has). Similarity is the
 * cosine of tf-idf vectors (idf over the profiles, so words every department shares weigh little).
 *
 * <p>Confidences come from a softmax with an extra "none of them" outcome at similarity {@link #NONE_SIMILARITY}:
 * a complaint that resembles no profile gives most of its mass to "none", so every department stays below a
 * routing threshold and the complaint goes to the human routing queue. They sum to less than 1.
 */
public final class TaxonomyProfiles {

    /** Logit scale: a clear match (keywords, a service name) has a similarity around 0.5–0.6, others near 0.05. */
    static final double SHARPNESS = 8;
    /** The similarity "none of them" scores; a clear match (keywords, service names) lies well above it. */
    static final double NONE_SIMILARITY = 0.2;

    private final Taxonomy taxonomy;
    private final String[] codes;
    private final Idf idf;
    private final LinearModel centroids;

    private TaxonomyProfiles(Taxonomy taxonomy, String[] codes, Idf idf, LinearModel centroids) {
        this.taxonomy = taxonomy;
        this.codes = codes;
        this.idf = idf;
        this.centroids = centroids;
    }

    public static TaxonomyProfiles of(Taxonomy taxonomy, FeatureExtractor extractor) {
        List<Taxonomy.Department> departments = taxonomy.departments();
        String[] codes = new String[departments.size()];
        List<SparseVector> tf = new ArrayList<>();
        int[] ys = new int[departments.size()];
        for (int i = 0; i < departments.size(); i++) {
            Taxonomy.Department d = departments.get(i);
            codes[i] = d.code();
            ys[i] = i;
            StringBuilder profile = new StringBuilder();
            line(profile, d.name(), 2);
            line(profile, d.description(), 1);
            d.keywords().forEach(k -> line(profile, k, 2));
            for (Taxonomy.ServiceDefinition s : taxonomy.services()) {
                if (d.code().equals(s.department())) {
                    line(profile, s.name(), 2);
                    line(profile, s.description(), 1);
                    s.keywords().forEach(k -> line(profile, k, 2));
                }
            }
            tf.add(extractor.extract(d.name(), profile.toString()));
        }
        Idf idf = Idf.fit(tf, extractor.dimensions());
        List<SparseVector> xs = tf.stream().map(idf::weigh).toList();
        return new TaxonomyProfiles(taxonomy, codes, idf, LinearModel.centroids(xs, ys, codes, extractor.dimensions()));
    }

    private static void line(StringBuilder sb, String text, int times) {
        if (text == null || text.isBlank()) {
            return;
        }
        for (int i = 0; i < times; i++) {
            sb.append(text).append('\n');
        }
    }

    public Taxonomy taxonomy() {
        return taxonomy;
    }

    /** Department codes in taxonomy order, as {@link #probabilities} returns them. */
    public String[] codes() {
        return codes.clone();
    }

    /** The codes array itself, for callers in this package that promise not to change it. */
    String[] codesView() {
        return codes;
    }

    /** Cosine similarity of the complaint to each department's profile. */
    public double[] similarities(SparseVector tf) {
        return centroids.logits(idf.weigh(tf));
    }

    /** Confidence per department (taxonomy order), summing to less than 1: the rest is "none of them". */
    public double[] probabilities(SparseVector tf) {
        double[] sim = similarities(tf);
        double max = NONE_SIMILARITY;
        for (double s : sim) {
            max = Math.max(max, s);
        }
        double none = Math.exp(SHARPNESS * (NONE_SIMILARITY - max));
        double sum = none;
        double[] p = new double[sim.length];
        for (int i = 0; i < sim.length; i++) {
            p[i] = Math.exp(SHARPNESS * (sim[i] - max));
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }
}
