package kr.mokmin.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A hit's snippet as plain text plus the spans that matched the query, so that every client can render it
 * safely: a page escapes the text and wraps only the spans, a chat channel can drop them.
 *
 * <p>Offsets are UTF-16 code units into {@link #text()} (Java and JavaScript string indices), sorted, non-empty
 * and non-overlapping. Whitespace in the text is folded to single spaces.
 *
 * @param text       the passage, plain text (never HTML)
 * @param highlights the matched spans, in order
 */
public record Snippet(String text, List<Span> highlights) {

    /** A highlighted span {@code [start, end)} of the text. */
    public record Span(int start, int end) {
        public Span {
            if (start < 0 || end <= start) {
                throw new IllegalArgumentException("bad span " + start + ".." + end);
            }
        }
    }

    /** A piece of the text, highlighted or not, for templates that must not insert raw HTML. */
    public record Segment(String text, boolean highlighted) {
    }

    public static final Snippet EMPTY = new Snippet("", List.of());

    private static final String MARK = "<mark>";
    private static final String END_MARK = "</mark>";
    private static final Map<String, Character> NAMED = Map.of(
            "amp", '&', "lt", '<', "gt", '>', "quot", '"', "apos", '\'', "nbsp", ' ');

    public Snippet {
        Objects.requireNonNull(text, "text");
        highlights = List.copyOf(highlights);
        int previousEnd = 0;
        for (Span s : highlights) {
            if (s.start() < previousEnd || s.end() > text.length()) {
                throw new IllegalArgumentException("highlight " + s + " is out of order or outside the text");
            }
            previousEnd = s.end();
        }
    }

    /**
     * Reads the index's snippet format: HTML-escaped text with the matches in {@code <mark>…</mark>}. Character
     * references ({@code &amp;}, {@code &#47;}, {@code &#x2F;} …) are decoded; any other markup, including a
     * stray {@code <mark>} inside a match, is kept as literal text. The result is plain text, so nothing the
     * index returns can become markup when it is re-rendered.
     */
    public static Snippet fromMarkedHtml(String html) {
        if (html == null || html.isEmpty()) {
            return EMPTY;
        }
        StringBuilder text = new StringBuilder(html.length());
        List<Span> spans = new ArrayList<>();
        int markStart = -1;
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c == '<' && markStart < 0 && html.startsWith(MARK, i)) {
                markStart = text.length();
                i += MARK.length();
            } else if (c == '<' && markStart >= 0 && html.startsWith(END_MARK, i)) {
                addSpan(spans, markStart, text.length());
                markStart = -1;
                i += END_MARK.length();
            } else if (c == '&') {
                int semicolon = html.indexOf(';', i);
                Character decoded = semicolon < 0 || semicolon - i > 10 ? null
                        : decode(html.substring(i + 1, semicolon));
                if (decoded == null) {
                    appendFolded(text, '&');
                    i++;
                } else {
                    appendFolded(text, decoded);
                    i = semicolon + 1;
                }
            } else {
                appendFolded(text, c);
                i++;
            }
        }
        if (markStart >= 0) {
            addSpan(spans, markStart, text.length());
        }
        // trailing and leading blanks: drop them and shift the spans
        int lead = 0;
        while (lead < text.length() && text.charAt(lead) == ' ') {
            lead++;
        }
        int end = text.length();
        while (end > lead && text.charAt(end - 1) == ' ') {
            end--;
        }
        List<Span> shifted = new ArrayList<>(spans.size());
        for (Span s : spans) {
            int start = Math.max(s.start(), lead) - lead;
            int stop = Math.min(s.end(), end) - lead;
            if (stop > start) {
                shifted.add(new Span(start, stop));
            }
        }
        return new Snippet(text.substring(lead, end), shifted);
    }

    /** The snippet as HTML: the text escaped for element content and attributes, the spans in {@code <mark>}. */
    public String html() {
        StringBuilder out = new StringBuilder(text.length() + 16 * highlights.size() + 16);
        for (Segment s : segments()) {
            if (s.highlighted()) {
                out.append(MARK);
            }
            escape(s.text(), out);
            if (s.highlighted()) {
                out.append(END_MARK);
            }
        }
        return out.toString();
    }

    /** The text cut at the highlight boundaries, in order; together they are exactly the text. */
    public List<Segment> segments() {
        List<Segment> out = new ArrayList<>(2 * highlights.size() + 1);
        int at = 0;
        for (Span s : highlights) {
            if (s.start() > at) {
                out.add(new Segment(text.substring(at, s.start()), false));
            }
            out.add(new Segment(text.substring(s.start(), s.end()), true));
            at = s.end();
        }
        if (at < text.length()) {
            out.add(new Segment(text.substring(at), false));
        }
        return out;
    }

    /** The highlighted words, in order (for tests and logs). */
    public List<String> highlightedTexts() {
        return highlights.stream().map(s -> text.substring(s.start(), s.end())).toList();
    }

    private static void addSpan(List<Span> spans, int start, int end) {
        if (end <= start) {
            return;
        }
        if (!spans.isEmpty() && spans.getLast().end() == start) {
            // two adjacent marks are one highlight to a reader
            spans.set(spans.size() - 1, new Span(spans.getLast().start(), end));
        } else {
            spans.add(new Span(start, end));
        }
    }

    private static void appendFolded(StringBuilder text, char c) {
        if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
            if (text.isEmpty() || text.charAt(text.length() - 1) != ' ') {
                text.append(' ');
            }
        } else if (!Character.isISOControl(c)) {
            text.append(c);
        }
    }

    private static Character decode(String entity) {
        if (entity.startsWith("#")) {
            try {
                int code = entity.startsWith("#x") || entity.startsWith("#X")
                        ? Integer.parseInt(entity.substring(2), 16) : Integer.parseInt(entity.substring(1));
                // only BMP characters: the highlighter escapes nothing above U+00FF
                return code >= 0 && code <= 0xFFFF && !Character.isSurrogate((char) code) ? (char) code : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return NAMED.get(entity);
    }

    private static void escape(String s, StringBuilder out) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }
}
