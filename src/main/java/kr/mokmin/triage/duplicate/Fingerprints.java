package kr.mokmin.triage.duplicate;

import java.util.Arrays;
import java.util.regex.Pattern;

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
     * Greetings and formulas every complaint may carry; dropped so that two short complaints are not alike because
     * both say 안녕하세요 and 감사합니다.
     */
    private static final Pattern FORMULAS = Pattern.compile(
            "안녕하(?:세요|십니까)|수고\\s?(?:많으)?(?:하십니다|하세요|많으십니다)|고생\\s?많으십니다|감사(?:합니다|드립니다)"
                    + "|고맙습니다|(?:민원|문의|건의)(?:을|를)?\\s?(?:드립니다|합니다)|※\\s?첨부\\s?파일\\s?:?[^\\n]*");

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

    /** How many values two sorted, distinct arrays share. */
    static int overlap(int[] a, int[] b) {
        int i = 0;
        int j = 0;
        int shared = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                shared++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return shared;
    }

    /**
     * Text similarity from the overlap: the mean of Jaccard (how alike the two are as wholes) and containment (how
     * much of the shorter is in the longer, for partial copies). Containment counts fully only from 8 shared-able
     * fingerprints on, so that one common phrase does not make a short text "contained" in every long one.
     */
    static double similarity(int shared, int sizeA, int sizeB) {
        if (shared == 0) {
            return 0;
        }
        double jaccard = (double) shared / (sizeA + sizeB - shared);
        int smaller = Math.min(sizeA, sizeB);
        double containment = (double) shared / smaller * Math.min(1.0, smaller / 8.0);
        return (jaccard + Math.max(jaccard, containment)) / 2;
    }

    /** Lower-case letters and digits only: spacing, punctuation, line breaks and masks (*) do not matter. */
    static String letters(String title, String body) {
        String text = KoreanText.normalize((title == null ? "" : title) + "\n" + (body == null ? "" : body));
        text = FORMULAS.matcher(text).replaceAll("");
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                out.append(Character.toLowerCase(c));
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
