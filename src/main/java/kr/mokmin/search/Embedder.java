package kr.mokmin.search;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns text into a dense vector for semantic search. Chunks are embedded at ingestion (by whoever builds
 * {@link IndexedChunk}s) with {@link #embed}/{@link #embedAll}, and queries at search time with
 * {@link #embedQuery}, by the same embedder.
 */
public interface Embedder {

    /** The vector of the passage {@code text}, of length {@link #dimension()}. */
    float[] embed(String text);

    /**
     * The vector of a search query. The same as {@link #embed} unless the model embeds questions differently
     * from passages (e5 models want {@code "query: "} and {@code "passage: "} in front).
     */
    default float[] embedQuery(String text) {
        return embed(text);
    }

    /** Vectors for several passages, in order; adapters override this to batch requests. */
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
