package kr.mokmin.search.bench;

import kr.mokmin.search.Embedder;
import kr.mokmin.text.KoreanText;

/**
 * NOT a language model: a deterministic stand-in embedder for benchmarks, so that the cost of hybrid search (query
 * embedding, HNSW search, rank fusion) can be measured where no embedding model can be installed.
 *
 * <p>Feature hashing of character bigrams, which is a sparse random projection of the text's bigram counts: each
 * bigram (whitespace dropped) adds a pseudo-random weight in (-1, 1) to {@link #SPREAD} dimensions, both chosen by
 * a hash of the bigram, and the sum is L2-normalised. The vectors are dense at a realistic dimension (384, as small sentence-embedding
 * models have; 768 works too) and texts with shared wording are close, so the HNSW graph has neighbourhoods like
 * a real one rather than uniform noise. What it finds says nothing about the quality of a real model.
 */
public final class HashingEmbedder implements Embedder {

    /** Dimensions each bigram touches: enough that a 400-character chunk fills every dimension. */
    static final int SPREAD = 8;

    private final int dimension;

    public HashingEmbedder(int dimension) {
        if (dimension < 2 || dimension > 1024) {
            // Lucene's HNSW field takes at most 1,024 dimensions
            throw new IllegalArgumentException("dimension must be in 2..1024: " + dimension);
        }
        this.dimension = dimension;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public float[] embed(String text) {
        String s = KoreanText.withoutSpaces(text);
        float[] v = new float[dimension];
        if (s.length() < 2) {
            // one character or none: a fixed direction, never the zero vector (cosine is undefined there)
            add(v, s.isEmpty() ? 0 : s.charAt(0));
        }
        for (int i = 0; i + 1 < s.length(); i++) {
            add(v, ((long) s.charAt(i) << 16) | s.charAt(i + 1));
        }
        double norm = 0;
        for (float x : v) {
            norm += (double) x * x;
        }
        if (norm == 0) {
            v[0] = 1f;
            return v;
        }
        float inv = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < v.length; i++) {
            v[i] *= inv;
        }
        return v;
    }

    private void add(float[] v, long feature) {
        long h = feature;
        for (int j = 0; j < SPREAD; j++) {
            h = mix(h + 0x9E3779B97F4A7C15L);
            int bucket = (int) Long.remainderUnsigned(h, dimension);
            // a weight in (-1, 1) rather than ±1: two ±1 would cancel to an exact zero half the time
            v[bucket] += (float) ((h >>> 40) * 0x1p-23 - 1.0);
        }
    }

    /** SplitMix64's finaliser: every input bit affects every output bit. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
