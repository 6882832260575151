package kr.mokmin.triage.duplicate;

import java.util.Arrays;

import kr.mokmin.text.KoreanText;

/**
 * Winnowed fingerprints of a complaint (Schleimer, Wilkerson, Aiken 2003): hashes of character k-grams of the text
 * without spaces, punctuation, masked characters and greetings, of which each window of {@code w} consecutive hashes
 * contributes its smallest. Two texts that share a passage of {@code w + k - 1} characters share a fingerprint
 * whatever surrounds it, so a partial copy, a reordered or re-spaced re-filing is found as well as a verbatim one;
 * the fingerprint sets' overlap estimates the overlap of the texts. Plain Java, no state.
 */
final class Fingerprints {

    /**
     * Greetings and formulas every complaint may carry, as they read without spaces; dropped so that two short
     * complaints are not alike because both say 안녕하세요 and 감사합니다. Plain string search: a regex over every
     * position of a long petition cost more than the rest of the fingerprinting.
     */
    private static final String[] FORMULAS = {"안녕하세요", "안녕하십니까", "수고하십니다", "수고많으십니다", "수고하세요",
        "고생많으십니다", "감사합니다", "감사드립니다", "고맙습니다", "민원드립니다", "민원을드립니다", "문의드립니다",
        "건의드립니다", "부탁드립니다", "첨부파일"};

    private Fingerprints() {
    }

    /** Sorted, distinct fingerprints of title and body; empty when the text has no letters or digits. */
    static int[] of(String title, String body, int k, int w) {
        String text = letters(title, body);
        int n = text.length() - k + 1;
        if (n <= 0) {
            return text.isEmpty() ? new int[0] : new int[] {hash(text, 0, text.length())};
        }
        int[] hashes = new int[n];
        for (int i = 0; i < n; i++) {
            hashes[i] = hash(text, i, k);
        }
        int[] out = new int[n];
        int count = 0;
        if (n <= w) {
            int min = hashes[0];
            for (int h : hashes) {
                min = Math.min(min, h);
            }
            out[count++] = min;
        } else {
            int minPos = -1;
            for (int end = w - 1; end < n; end++) {
                int start = end - w + 1;
                if (minPos < start) {
                    // the minimum left the window: rescan it (rightmost minimum, as in the paper)
                    minPos = start;
                    for (int i = start + 1; i <= end; i++) {
                        if (Integer.compareUnsigned(hashes[i], hashes[minPos]) <= 0) {
                            minPos = i;
                        }
                    }
                    out[count++] = hashes[minPos];
                } else if (Integer.compareUnsigned(hashes[end], hashes[minPos]) <= 0) {
                    minPos = end;
                    out[count++] = hashes[minPos];
                }
            }
        }
        int[] fp = Arrays.copyOf(out, count);
        Arrays.sort(fp);
        int distinct = 0;
        for (int i = 0; i < fp.length; i++) {
            if (i == 0 || fp[i] != fp[i - 1]) {
                fp[distinct++] = fp[i];
            }
        }
        return Arrays.copyOf(fp, distinct);
    }

    /**
     * The smallest {@code size} fingerprints (a bottom-k sketch, Broder 1997) and how many there were in all. Long
     * texts keep a fixed number, so memory and query time per complaint are bounded, and two sketches still estimate
     * the Jaccard of the full sets without bias: among the {@code size} smallest values of their union, the share
     * held by both.
     */
    record Sketch(int[] values, int total) {
    }

    static Sketch sketch(String title, String body, int k, int w, int size) {
        int[] all = of(title, body, k, w);
        return new Sketch(all.length <= size ? all : Arrays.copyOf(all, size), all.length);
    }

    /**
     * Text similarity of two sketches: the mean of Jaccard (how alike the two are as wholes) and containment (how
     * much of the smaller is in the larger, for partial copies). Both are counted on the values up to the smaller
     * of the two sketches' largest values (a complete sketch reaches everything): there both sketches hold every
     * fingerprint of their text, so the counts are a uniform sample of the full sets. Containment counts fully only
     * from 8 sampled fingerprints on, so that one shared phrase does not make a short text "contained" in a long
     * one. Exact when both texts have at most the sketch size of fingerprints.
     */
    static double similarity(Sketch a, Sketch b) {
        int[] x = a.values();
        int[] y = b.values();
        long limitX = x.length < a.total() ? x[x.length - 1] : Long.MAX_VALUE;
        long limitY = y.length < b.total() ? y[y.length - 1] : Long.MAX_VALUE;
        long limit = Math.min(limitX, limitY);
        int i = 0;
        int j = 0;
        int inX = 0;
        int inY = 0;
        int shared = 0;
        while (i < x.length && x[i] <= limit || j < y.length && y[j] <= limit) {
            boolean takeX = i < x.length && x[i] <= limit;
            boolean takeY = j < y.length && y[j] <= limit;
            if (takeX && takeY && x[i] == y[j]) {
                shared++;
                inX++;
                inY++;
                i++;
                j++;
            } else if (takeX && (!takeY || x[i] < y[j])) {
                inX++;
                i++;
            } else {
                inY++;
                j++;
            }
        }
        if (shared == 0) {
            return 0;
        }
        double jaccard = (double) shared / (inX + inY - shared);
        int smaller = Math.min(inX, inY);
        double containment = (double) shared / smaller * Math.min(1.0, smaller / 8.0);
        return (jaccard + Math.max(jaccard, containment)) / 2;
    }

    /** Lower-case letters and digits only: spacing, punctuation, line breaks and masks (*) do not matter. */
    static String letters(String title, String body) {
        String text = KoreanText.normalize((title == null ? "" : title) + "\n" + (body == null ? "" : body));
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                out.append(Character.toLowerCase(c));
            }
        }
        for (String formula : FORMULAS) {
            for (int at = out.indexOf(formula); at >= 0; at = out.indexOf(formula, at)) {
                out.delete(at, at + formula.length());
            }
        }
        return out.toString();
    }

    /** 32-bit hash of {@code text[from, from + k)}: FNV-1a over the chars, then the murmur3 finaliser to spread it. */
    private static int hash(String text, int from, int k) {
        long h = 0xcbf29ce484222325L;
        for (int i = from; i < from + k; i++) {
            h ^= text.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (int) h;
    }
}
