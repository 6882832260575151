package kr.mokmin.triage.route;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ko.KoreanPartOfSpeechStopFilter;
import org.apache.lucene.analysis.ko.KoreanTokenizer.DecompoundMode;
import org.apache.lucene.analysis.ko.POS;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import kr.mokmin.text.HanjaReadings;
import kr.mokmin.text.KoreanAnalyzers;
import kr.mokmin.text.KoreanText;

/**
 * Turns a complaint into hashed term frequencies: character n-grams of each word (padded with a space at both
 * ends, digits folded to 0) and nori morphemes of the content parts of speech, in separate hash namespaces.
 * Title terms count {@link Config#titleWeight} times: a title names the subject in a few words. Frequencies are
 * sublinear ({@code 1 + ln tf}); idf and length normalisation are the {@link Idf}'s job, as they depend on the
 * training set. Thread-safe (scratch space is per thread), allocation-light: this runs for every complaint.
 */
public final class FeatureExtractor implements Featurizer {

    /**
     * @param bits         hash space of 2^bits buckets; 20 keeps collisions rare at the ~10^5 distinct terms of
     *                     a few thousand complaints
     * @param minGram      shortest character n-gram
     * @param maxGram      longest character n-gram
     * @param nori         also add nori morphemes
     * @param titleWeight  how many times a title term counts
     * @param maxChars     body characters read for n-grams (a routing decision is made in the first paragraphs)
     * @param noriMaxChars body characters given to nori, the costly part (about 2 µs per character here)
     */
    public record Config(int bits, int minGram, int maxGram, boolean nori, float titleWeight, int maxChars,
                         int noriMaxChars) {
        public Config {
            if (bits < 10 || bits > 24 || minGram < 1 || maxGram < minGram || maxGram > 6 || titleWeight <= 0
                    || maxChars < 0 || noriMaxChars < 0) {
                throw new IllegalArgumentException("bad feature config " + this);
            }
        }

        /** Character n-grams only, as in the nearest-centroid baseline. */
        public Config charsOnly() {
            return new Config(bits, minGram, maxGram, false, titleWeight, maxChars, 0);
        }
    }

    /** Nori reads the title only: on the body it cost ~2 µs per character here and did not improve routing. */
    public static final Config DEFAULT = new Config(20, 1, 3, true, 2f, 2000, 0);

    /** What nori drops here: its defaults plus the words that carry no subject (pronouns, copulas, numbers…). */
    static final Set<POS.Tag> STOP_TAGS;

    static {
        EnumSet<POS.Tag> tags = EnumSet.copyOf(KoreanPartOfSpeechStopFilter.DEFAULT_STOP_TAGS);
        tags.addAll(EnumSet.of(POS.Tag.VX, POS.Tag.VCP, POS.Tag.VCN, POS.Tag.NP, POS.Tag.NNB, POS.Tag.NR,
                POS.Tag.SN, POS.Tag.IC, POS.Tag.MAJ, POS.Tag.MM));
        STOP_TAGS = Set.copyOf(tags);
    }

    private static final int NORI_SEED = 0x9E3779B9;

    private final Config config;
    private final int mask;
    private final Analyzer nori;
    private final ThreadLocal<Scratch> scratch;

    public FeatureExtractor(Config config) {
        this.config = config;
        this.mask = (1 << config.bits()) - 1;
        // DISCARD: a compound gives only its parts; the n-grams already see the whole word.
        this.nori = config.nori() ? KoreanAnalyzers.nori(DecompoundMode.DISCARD, true, STOP_TAGS) : null;
        this.scratch = ThreadLocal.withInitial(Scratch::new);
    }

    public Config config() {
        return config;
    }

    @Override
    public int dimensions() {
        return mask + 1;
    }

    /** Sublinear term frequencies of a (masked) complaint; either part may be null. */
    @Override
    public SparseVector extract(String title, String body) {
        Scratch s = scratch.get();
        s.counts.clear();
        String t = KoreanText.normalize(title);
        String b = KoreanText.normalize(body);
        if (b.length() > config.maxChars()) {
            b = b.substring(0, config.maxChars());
        }
        charGrams(t, config.titleWeight(), s);
        charGrams(b, 1f, s);
        if (nori != null) {
            morphemes(t, config.titleWeight(), s);
            morphemes(b.length() > config.noriMaxChars() ? b.substring(0, config.noriMaxChars()) : b, 1f, s);
        }
        return s.counts.toSublinearVector();
    }

    private void charGrams(String text, float weight, Scratch s) {
        if (text.isEmpty()) {
            return;
        }
        char[] buf = s.chars(text.length() + 2);
        int len = 0;
        buf[len++] = ' ';
        char previous = ' ';
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char folded;
            if (Character.isDigit(c)) {
                folded = '0';
            } else if (Character.isLetter(c)) {
                folded = HanjaReadings.isHanja(c) ? HanjaReadings.read(c, previous) : Character.toLowerCase(c);
            } else {
                folded = ' ';
            }
            previous = c;
            if (folded == ' ' && buf[len - 1] == ' ') {
                continue;
            }
            buf[len++] = folded;
        }
        if (buf[len - 1] != ' ') {
            buf[len++] = ' ';
        }
        // n-grams within each space-padded word: " 주차", "주차장", "장에 " ...
        int wordStart = 0;
        for (int end = 1; end < len; end++) {
            if (buf[end] != ' ') {
                continue;
            }
            for (int i = wordStart; i < end; i++) {
                int h = 0x811C9DC5;
                for (int n = 1; n <= config.maxGram() && i + n <= end + 1; n++) {
                    h = (h ^ buf[i + n - 1]) * 0x01000193;
                    if (n >= config.minGram() && !(n == 1 && buf[i] == ' ')) {
                        s.counts.add(mix(h + n) & mask, weight);
                    }
                }
            }
            wordStart = end;
        }
    }

    private void morphemes(String text, float weight, Scratch s) {
        if (text.isEmpty()) {
            return;
        }
        try (TokenStream stream = nori.tokenStream("t", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                char[] chars = term.buffer();
                int h = NORI_SEED;
                for (int i = 0; i < term.length(); i++) {
                    h = (h ^ chars[i]) * 0x01000193;
                }
                s.counts.add(mix(h) & mask, weight);
            }
            stream.end();
        } catch (IOException e) {
            // analysing a String does no I/O
            throw new UncheckedIOException(e);
        }
    }

    /** murmur3's finaliser: spreads the FNV state over all bits before the mask keeps the low ones. */
    static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h;
    }

    private static final class Scratch {
        final BucketCounts counts = new BucketCounts();
        char[] chars = new char[4096];

        char[] chars(int n) {
            if (chars.length < n) {
                chars = new char[Math.max(n, chars.length * 2)];
            }
            return chars;
        }
    }

    /** Open-addressing map bucket → count, reused across documents. */
    static final class BucketCounts {
        private int[] keys = new int[4096];
        private float[] vals = new float[4096];
        private int size;

        BucketCounts() {
            Arrays.fill(keys, -1);
        }

        void clear() {
            Arrays.fill(keys, -1);
            size = 0;
        }

        void add(int key, float v) {
            if (size * 2 >= keys.length) {
                grow();
            }
            int m = keys.length - 1;
            int i = mix(key) & m;
            while (keys[i] != -1 && keys[i] != key) {
                i = (i + 1) & m;
            }
            if (keys[i] == -1) {
                keys[i] = key;
                vals[i] = v;
                size++;
            } else {
                vals[i] += v;
            }
        }

        private void grow() {
            int[] oldKeys = keys;
            float[] oldVals = vals;
            keys = new int[oldKeys.length * 2];
            vals = new float[oldKeys.length * 2];
            Arrays.fill(keys, -1);
            size = 0;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != -1) {
                    add(oldKeys[i], oldVals[i]);
                }
            }
        }

        SparseVector toSublinearVector() {
            return toVector(true);
        }

        SparseVector toRawVector() {
            return toVector(false);
        }

        private SparseVector toVector(boolean sublinear) {
            int[] idx = new int[size];
            int n = 0;
            for (int k : keys) {
                if (k != -1) {
                    idx[n++] = k;
                }
            }
            Arrays.sort(idx);
            float[] val = new float[size];
            int m = keys.length - 1;
            for (int j = 0; j < size; j++) {
                int i = mix(idx[j]) & m;
                while (keys[i] != idx[j]) {
                    i = (i + 1) & m;
                }
                float tf = vals[i];
                val[j] = sublinear && tf > 1f ? 1f + (float) Math.log(tf) : tf;
            }
            return new SparseVector(idx, val);
        }
    }
}
