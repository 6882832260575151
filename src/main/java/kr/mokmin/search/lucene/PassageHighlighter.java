package kr.mokmin.search.lucene;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import kr.mokmin.search.Snippet;
import kr.mokmin.search.Snippets;
import kr.mokmin.text.HanjaReadings;

/**
 * The snippet of a hit: the passage of about {@code goal} characters that holds most of the query's matches, the
 * matches marked. A match is a Hangul/Hanja character pair that is one of the query's bigram terms (the chars
 * mapped as the bigram analyzer maps them: Hanja read as Hangul), so a compound nori split oddly is still marked
 * whole; and any other query word of two or more characters (Latin words, digits, "제32조") found as is.
 *
 * <p>Why not Lucene's UnifiedHighlighter: for each hit it seeks every query term (typically 30–60, in two fields)
 * in the terms dictionary and its postings, a third of a search at 100k chunks; re-running the bigram analyzer
 * over the ten stored chunks still cost a quarter. One pass over each chunk's chars with a sorted array of the
 * query's pairs needs nothing from the index and allocates almost nothing. Thread-safe (stateless).
 */
final class PassageHighlighter {

    private final int goal;

    PassageHighlighter(int goal) {
        this.goal = goal;
    }

    /**
     * What to mark: {@code pairs}, the query's two-char Hangul/Hanja bigram terms packed as {@code c1 << 16 | c2},
     * sorted; {@code words}, its other terms of two or more chars (lower case), found as substrings.
     */
    record Terms(int[] pairs, List<String> words) {
        boolean isEmpty() {
            return pairs.length == 0 && words.isEmpty();
        }
    }

    static Terms terms(Collection<String> bigramTerms, Collection<String> noriTerms) {
        List<Integer> pairs = new ArrayList<>();
        Set<String> words = new LinkedHashSet<>();
        for (String t : bigramTerms) {
            if (t.length() == 2 && isPairChar(t.charAt(0)) && isPairChar(t.charAt(1))) {
                pairs.add(t.charAt(0) << 16 | t.charAt(1));
            } else if (t.length() >= 2) {
                words.add(t); // a Latin word, digits, "제32조": the bigram analyzer keeps them whole
            }
        }
        for (String t : noriTerms) {
            // a word of Hangul/Hanja only is marked by its pairs already (they are the query's bigrams too)
            if (t.length() >= 2 && !t.chars().allMatch(c -> isPairChar((char) c))) {
                words.add(t);
            }
        }
        return new Terms(pairs.stream().mapToInt(Integer::intValue).sorted().distinct().toArray(),
                List.copyOf(words));
    }

    /** Chars the bigram analyzer pairs up: Hangul syllables and Han ideographs (read as Hangul first). */
    private static boolean isPairChar(char c) {
        return (c >= '\uAC00' && c <= '\uD7A3') || Character.isIdeographic(c);
    }

    /**
     * @return the passage as escaped HTML with {@code <mark>} around matches ({@link Snippet} format), tidied
     */
    String highlight(String text, Terms terms) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        List<int[]> matches = matches(text, terms);
        int[] window = window(text, matches);
        List<Snippet.Span> spans = new ArrayList<>();
        for (int[] m : matches) {
            int start = Math.max(m[0], window[0]);
            int end = Math.min(m[1], window[1]);
            if (end > start) {
                spans.add(new Snippet.Span(start - window[0], end - window[0]));
            }
        }
        return Snippets.tidy(new Snippet(text.substring(window[0], window[1]), spans).html());
    }

    /** Matched spans, sorted, overlapping and touching ones merged (생계·계급·급여 → 생계급여). */
    private static List<int[]> matches(String text, Terms terms) {
        List<int[]> found = new ArrayList<>();
        if (terms.isEmpty()) {
            return found;
        }
        if (terms.pairs().length > 0) {
            char previousRaw = ' ';
            char previous = 0; // mapped; 0 = not a pair char
            for (int i = 0; i < text.length(); i++) {
                char raw = text.charAt(i);
                char c = HanjaReadings.read(raw, previousRaw);
                previousRaw = raw;
                if (!isPairChar(c)) {
                    previous = 0;
                    continue;
                }
                if (previous != 0 && Arrays.binarySearch(terms.pairs(), previous << 16 | c) >= 0) {
                    found.add(new int[] {i - 1, i + 1});
                }
                previous = c;
            }
        }
        if (!terms.words().isEmpty()) {
            String lower = text.toLowerCase(Locale.ROOT);
            String searched = lower.length() == text.length() ? lower : text; // offsets must stay the text's
            for (String word : terms.words()) {
                for (int at = searched.indexOf(word); at >= 0; at = searched.indexOf(word, at + word.length())) {
                    found.add(new int[] {at, at + word.length()});
                }
            }
            found.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
        }
        List<int[]> merged = new ArrayList<>(found.size());
        for (int[] span : found) {
            int[] last = merged.isEmpty() ? null : merged.getLast();
            if (last != null && span[0] <= last[1]) {
                last[1] = Math.max(last[1], span[1]);
            } else {
                merged.add(span);
            }
        }
        return merged;
    }

    /**
     * {@code [start, end)} of the passage: the stretch of at most {@code goal} chars covering the most matched
     * characters, widened evenly to the goal and moved to word boundaries. A short text is its own passage.
     */
    private int[] window(String text, List<int[]> matches) {
        int length = text.length();
        if (length <= goal + goal / 4) {
            return new int[] {0, length};
        }
        int bestFirst = -1;
        int bestLast = -1;
        int bestCovered = 0;
        int covered = 0;
        int first = 0;
        for (int last = 0; last < matches.size(); last++) {
            covered += matches.get(last)[1] - matches.get(last)[0];
            while (matches.get(last)[1] - matches.get(first)[0] > goal && first < last) {
                covered -= matches.get(first)[1] - matches.get(first)[0];
                first++;
            }
            if (covered > bestCovered) {
                bestCovered = covered;
                bestFirst = first;
                bestLast = last;
            }
        }
        int start;
        if (bestFirst < 0) {
            start = 0;
        } else {
            int from = matches.get(bestFirst)[0];
            int to = Math.min(matches.get(bestLast)[1], from + goal);
            start = Math.max(0, Math.min(from - (goal - (to - from)) / 2, length - goal));
        }
        start = wordStart(text, start);
        int end = wordEnd(text, Math.min(length, start + goal));
        return new int[] {start, end};
    }

    /** Moves forward to just after a space, unless none is near (a run-on text): then stays. */
    private static int wordStart(String text, int at) {
        if (at == 0 || Character.isWhitespace(text.charAt(at - 1))) {
            return at;
        }
        for (int i = at; i < Math.min(text.length(), at + 16); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i + 1;
            }
        }
        return at;
    }

    /** Moves back to a space, unless none is near: then stays. */
    private static int wordEnd(String text, int at) {
        if (at >= text.length() || Character.isWhitespace(text.charAt(at))) {
            return at;
        }
        for (int i = at; i > Math.max(0, at - 16); i--) {
            if (Character.isWhitespace(text.charAt(i - 1))) {
                return i - 1;
            }
        }
        return at;
    }
}
