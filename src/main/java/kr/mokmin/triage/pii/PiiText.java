package kr.mokmin.triage.pii;

import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One text under inspection: the original, a folded copy of the same length that detectors match against, and
 * the numeric chunks of the folded copy (where every digit-based detector looks).
 *
 * <p>Folding maps one char to one char, so offsets in the folded copy are offsets in the original: full-width
 * ASCII ({@code ０１０－１２３４}) to ASCII, the dash family to {@code -}, the space family and tabs to a space.
 */
final class PiiText {

    /** Separator chars allowed inside a numeric chunk, at most {@link #MAX_JOIN} in a row. */
    private static final String JOINERS = "-. ,()";
    private static final int MAX_JOIN = 3;

    final String original;
    final String text;
    private int[] chunks;
    private int[] chunkDigits;
    private int chunkCount = -1;

    PiiText(String original) {
        this.original = original;
        this.text = fold(original);
    }

    int length() {
        return text.length();
    }

    char at(int i) {
        return text.charAt(i);
    }

    static String fold(String s) {
        char[] out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char f = fold(c);
            if (f != c) {
                if (out == null) {
                    out = s.toCharArray();
                }
                out[i] = f;
            }
        }
        return out == null ? s : new String(out);
    }

    static char fold(char c) {
        if (c < 0x80) {
            return c == '\t' ? ' ' : c;
        }
        if (c >= '\uFF01' && c <= '\uFF5E') {
            return (char) (c - 0xFEE0); // full-width ASCII block
        }
        return switch (c) {
            case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\uFE58', '\uFE63' -> '-';
            case '\u00A0', '\u3000', '\u2002', '\u2003', '\u2009', '\u202F', '\u205F' -> ' ';
            default -> c;
        };
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isHangul(char c) {
        return c >= '\uAC00' && c <= '\uD7A3';
    }

    static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    /** Number of numeric chunks: maximal runs of digits joined by up to three separator chars. */
    int chunkCount() {
        if (chunkCount < 0) {
            scanChunks();
        }
        return chunkCount;
    }

    int chunkStart(int i) {
        return chunks[2 * i];
    }

    int chunkEnd(int i) {
        return chunks[2 * i + 1];
    }

    /** How many digits chunk {@code i} has: detectors skip chunks too short for what they look for. */
    int chunkDigits(int i) {
        return chunkDigits[i];
    }

    private void scanChunks() {
        int[] found = new int[16];
        int[] digits = new int[8];
        int count = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!isDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            int end = i + 1;
            int j = end;
            int d = 1;
            while (j < n) {
                char c = text.charAt(j);
                if (isDigit(c)) {
                    end = ++j;
                    d++;
                } else if (JOINERS.indexOf(c) >= 0) {
                    int k = j;
                    while (k < n && k - j < MAX_JOIN && JOINERS.indexOf(text.charAt(k)) >= 0) {
                        k++;
                    }
                    if (k < n && isDigit(text.charAt(k))) {
                        j = k;
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            if (2 * count + 2 > found.length) {
                found = Arrays.copyOf(found, found.length * 2);
                digits = Arrays.copyOf(digits, digits.length * 2);
            }
            found[2 * count] = start;
            found[2 * count + 1] = end;
            digits[count] = d;
            count++;
            i = end;
        }
        chunks = found;
        chunkDigits = digits;
        chunkCount = count;
    }

    /**
     * Runs {@code pattern} over each numeric chunk, widened by {@code before} and {@code after} chars (for
     * prefixes such as {@code +82}, {@code 서울} or a passport's letters, and suffixes such as a plate's
     * {@code 가3456}). Bounds are transparent, so look-arounds see the text outside the region. A match may be
     * reported twice when widened regions overlap; the resolver drops the copy.
     */
    void forEachMatch(Pattern pattern, int before, int after, int minDigits, Consumer<Matcher> sink) {
        forEachMatch(pattern, before, after, c -> chunkDigits[c] >= minDigits, sink);
    }

    /** As above, for the chunks (by index) that {@code worthTrying} accepts: a cheap test before the pattern. */
    void forEachMatch(Pattern pattern, int before, int after, IntPredicate worthTrying, Consumer<Matcher> sink) {
        int n = chunkCount();
        Matcher m = null;
        for (int c = 0; c < n; c++) {
            if (!worthTrying.test(c)) {
                continue;
            }
            if (m == null) {
                m = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
            }
            m.region(Math.max(0, chunkStart(c) - before), Math.min(text.length(), chunkEnd(c) + after));
            while (m.find()) {
                sink.accept(m);
            }
        }
    }

    /** True when one of {@code words} occurs within {@code window} chars before {@code start}. */
    boolean contextBefore(int start, int window, String... words) {
        return contains(Math.max(0, start - window), start, words);
    }

    /** True when one of {@code words} occurs within {@code window} chars after {@code end}. */
    boolean contextAfter(int end, int window, String... words) {
        return contains(end, Math.min(text.length(), end + window), words);
    }

    private boolean contains(int from, int to, String... words) {
        if (from >= to) {
            return false;
        }
        String window = text.substring(from, to); // short: searching it stops at its end, not the text's
        for (String w : words) {
            if (window.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** Digits of {@code [start, end)} in order. */
    String digits(int start, int end) {
        StringBuilder d = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (isDigit(c)) {
                d.append(c);
            }
        }
        return d.toString();
    }
}
