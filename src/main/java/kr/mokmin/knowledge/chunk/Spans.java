package kr.mokmin.knowledge.chunk;

import java.util.ArrayList;
import java.util.List;

/** Character and line helpers shared by the parsers and the emitter. */
final class Spans {

    private Spans() {
    }

    /**
     * The whitespace the chunker trims and may leave outside chunks: Java whitespace plus no-break space,
     * ideographic space, zero-width space and the byte-order mark.
     */
    static boolean isBlank(char c) {
        return Character.isWhitespace(c) || c == '\u00A0' || c == '\u3000' || c == '\u200B' || c == '\uFEFF'
                || c == '\u2007' || c == '\u202F';
    }

    static int skipBlank(String text, int from, int to) {
        int i = from;
        while (i < to && isBlank(text.charAt(i))) {
            i++;
        }
        return i;
    }

    static int trimEnd(String text, int from, int to) {
        int i = to;
        while (i > from && isBlank(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    /** Length of {@code [from, to)} without leading and trailing whitespace. */
    static int trimmedLength(String text, int from, int to) {
        int s = skipBlank(text, from, to);
        return trimEnd(text, s, to) - s;
    }

    /** A line {@code [start, end)} without its newline; {@code [cs, ce)} is the line without surrounding blanks. */
    record Line(int start, int end, int cs, int ce) {
        boolean blank() {
            return cs == ce;
        }
    }

    static List<Line> lines(String text) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        int n = text.length();
        while (start <= n) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? n : nl;
            int cs = skipBlank(text, start, end);
            int ce = trimEnd(text, cs, end);
            lines.add(new Line(start, end, cs, ce));
            if (nl < 0) {
                break;
            }
            start = nl + 1;
        }
        return lines;
    }
}
