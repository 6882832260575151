package kr.mokmin.triage.route;

/** Turns a complaint into term frequencies over hashed buckets. Thread-safe. */
public interface Featurizer {

    SparseVector extract(String title, String body);

    /** Size of the hash space (buckets are in {@code [0, dimensions())}). */
    int dimensions();
}
