package kr.mokmin.triage.route;

import java.util.Arrays;
import java.util.List;

/**
 * Inverse document frequencies over hashed buckets, smoothed as {@code ln((N + 1) / (df + 1)) + 1} (a bucket
 * never seen gets the highest weight), and the weighting step: term frequency × idf, then L2 normalisation.
 * Immutable once built.
 */
public final class Idf {

    private final float[] weights;
    private final int[] df;
    private final int documents;

    private Idf(float[] weights, int[] df, int documents) {
        this.weights = weights;
        this.df = df;
        this.documents = documents;
    }

    /** Every bucket weighs 1: plain (sublinear) tf, as the online model starts without a training set. */
    public static Idf uniform(int dimensions) {
        float[] w = new float[dimensions];
        Arrays.fill(w, 1f);
        return new Idf(w, new int[dimensions], 0);
    }

    public static Idf fit(List<SparseVector> docs, int dimensions) {
        int[] df = new int[dimensions];
        for (SparseVector d : docs) {
            for (int i : d.index) {
                df[i]++;
            }
        }
        return fromDocumentFrequencies(df, docs.size());
    }

    static Idf fromDocumentFrequencies(int[] df, int documents) {
        float[] w = new float[df.length];
        for (int i = 0; i < df.length; i++) {
            w[i] = (float) (Math.log((documents + 1.0) / (df[i] + 1.0)) + 1.0);
        }
        return new Idf(w, df, documents);
    }

    /** Document frequency of each bucket (read-only view, for saving the model). */
    int[] documentFrequencies() {
        return df;
    }

    public int documents() {
        return documents;
    }

    public int dimensions() {
        return weights.length;
    }

    /** tf × idf, L2-normalised; the zero vector stays zero. */
    public SparseVector weigh(SparseVector tf) {
        float[] v = new float[tf.value.length];
        double norm = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = tf.value[i] * weights[tf.index[i]];
            norm += (double) v[i] * v[i];
        }
        if (norm > 0) {
            float inv = (float) (1.0 / Math.sqrt(norm));
            for (int i = 0; i < v.length; i++) {
                v[i] *= inv;
            }
        }
        return new SparseVector(tf.index, v);
    }
}
