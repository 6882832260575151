package kr.mokmin.triage.route;

import kr.mokmin.text.KoreanText;

/**
 * The textbook features of the nearest-centroid baseline: raw counts of character {@value #MIN}–{@value #MAX}-grams
 * over the whole normalised text (title, a line break, body; runs of white space as one space), hashed to 2^20
 * buckets. None of the product's choices (title weight, digit folding, word padding, sublinear tf, nori, a length
 * cap), so that the comparison measures them too.
 */
public final class BaselineFeatures implements Featurizer {

    static final int MIN = 2;
    static final int MAX = 3;
    private static final int BITS = 20;

    @Override
    public int dimensions() {
        return 1 << BITS;
    }

    @Override
    public SparseVector extract(String title, String body) {
        String text = KoreanText.normalize((title == null ? "" : title) + "\n" + (body == null ? "" : body))
                .toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ").strip();
        FeatureExtractor.BucketCounts counts = new FeatureExtractor.BucketCounts();
        int mask = dimensions() - 1;
        for (int i = 0; i < text.length(); i++) {
            int h = 0x811C9DC5;
            for (int n = 1; n <= MAX && i + n <= text.length(); n++) {
                h = (h ^ text.charAt(i + n - 1)) * 0x01000193;
                if (n >= MIN) {
                    counts.add(FeatureExtractor.mix(h + n) & mask, 1f);
                }
            }
        }
        return counts.toRawVector();
    }

}
