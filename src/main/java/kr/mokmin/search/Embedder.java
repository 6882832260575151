package kr.mokmin.search;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns text into a dense vector for semantic search. Chunks are embedded at ingestion (by whoever builds
 * {@link IndexedChunk}s) and queries at search time, with the same embedder.
 */
public interface Embedder {

    /** The vector of {@code text}, of length {@link #dimension()}. */
    float[] embed(String text);

    /** Vectors for several texts, in order; adapters override this to batch requests. */
    default List<float[]> embedAll(List<String> texts) {
        List<float[]> out = new ArrayList<>(texts.size());
        for (String text : texts) {
            out.add(embed(text));
        }
        return out;
    }

    /** The length of every vector this embedder returns. */
    int dimension();
}
