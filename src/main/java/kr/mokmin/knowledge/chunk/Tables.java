package kr.mokmin.knowledge.chunk;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import kr.mokmin.knowledge.chunk.Spans.Line;

/**
 * Tables the chunker must keep whole: the spans a parser reported plus Markdown pipe tables, grid tables
 * ({@code +----+} / {@code | a | b |}, as in 법령 부칙) and HTML {@code <table>} blocks found in the text.
 * Each is widened to the caption line just above it when there is one.
 */
final class Tables {

    /**
     * A table {@code [tableStart, end)} kept whole together with its caption line from {@code start}.
     * {@code caption} is the parser's caption, null for detected tables.
     */
    record Table(int start, int tableStart, int end, String caption) {
    }

    private static final Pattern CAPTION_LINE = Pattern.compile(
            "^(?:[\\[<〈【(]\\s*)?(?:별표|별지|서식|표|그림|Table)\\s*[\\d\\-의]*.*"
                    + "|^\\(\\s*단위.*|.*(?:표|기준|현황|내역|요금|수수료)\\s*(?:\\(.*\\))?$|.*[:：]$|^#{1,6}\\s.*");
    private static final int MAX_CAPTION = 120;

    private final List<Table> tables;

    private Tables(List<Table> tables) {
        this.tables = tables;
    }

    static Tables find(String text, List<Line> lines, List<TableSpan> given) {
        List<int[]> spans = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        for (TableSpan t : given) {
            spans.add(new int[] {t.start(), t.end()});
            captions.add(t.caption());
        }
        detect(text, lines, given, spans, captions);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> Integer.compare(spans.get(a)[0], spans.get(b)[0]));
        List<Table> out = new ArrayList<>();
        int previousEnd = 0;
        for (int i : order) {
            int[] s = spans.get(i);
            int start = captionStart(text, lines, s[0], captions.get(i), previousEnd);
            out.add(new Table(start, s[0], s[1], captions.get(i)));
            previousEnd = s[1];
        }
        return new Tables(List.copyOf(out));
    }

    List<Table> all() {
        return tables;
    }

    /** Whether a line starting here is inside a table (so it is not read as structure). */
    boolean inside(int offset) {
        for (Table t : tables) {
            if (offset >= t.tableStart() && offset < t.end()) {
                return true;
            }
            if (t.tableStart() > offset) {
                return false;
            }
        }
        return false;
    }

    /** The first table whose kept range starts at or after {@code offset} and before {@code limit}. */
    Table firstIn(int offset, int limit) {
        for (Table t : tables) {
            if (t.start() >= offset) {
                return t.start() < limit ? t : null;
            }
        }
        return null;
    }

    private static void detect(String text, List<Line> lines, List<TableSpan> given, List<int[]> spans,
            List<String> captions) {
        int i = 0;
        while (i < lines.size()) {
            Line line = lines.get(i);
            if (line.blank() || overlapsGiven(line, given)) {
                i++;
                continue;
            }
            String s = text.substring(line.cs(), line.ce());
            if (s.regionMatches(true, 0, "<table", 0, 6)) {
                int j = i;
                while (j < lines.size() && !lower(text, lines.get(j)).contains("</table>")) {
                    j++;
                }
                j = Math.min(j, lines.size() - 1);
                addIfFree(spans, captions, given, line.cs(), lines.get(j).ce());
                i = j + 1;
                continue;
            }
            if (isRow(s)) {
                int j = i;
                int lastRow = i;
                int rows = 0;
                while (j < lines.size()) {
                    Line l = lines.get(j);
                    if (!l.blank()) {
                        if (!isRow(text.substring(l.cs(), l.ce())) || overlapsGiven(l, given)) {
                            break;
                        }
                        lastRow = j;
                        rows++;
                    }
                    j++;
                }
                if (rows >= 2) {
                    addIfFree(spans, captions, given, line.cs(), lines.get(lastRow).ce());
                }
                i = lastRow + 1;
                continue;
            }
            i++;
        }
    }

    private static String lower(String text, Line l) {
        return text.substring(l.cs(), l.ce()).toLowerCase(java.util.Locale.ROOT);
    }

    private static boolean isRow(String s) {
        return s.length() >= 2 && (s.charAt(0) == '|' || (s.charAt(0) == '+' && (s.charAt(1) == '-' || s.charAt(1) == '=')));
    }

    private static boolean overlapsGiven(Line line, List<TableSpan> given) {
        for (TableSpan t : given) {
            if (line.start() < t.end() && line.end() > t.start()) {
                return true;
            }
        }
        return false;
    }

    private static void addIfFree(List<int[]> spans, List<String> captions, List<TableSpan> given, int s, int e) {
        for (TableSpan t : given) {
            if (s < t.end() && e > t.start()) {
                return;
            }
        }
        spans.add(new int[] {s, e});
        captions.add(null);
    }

    /** Start of the caption line right above the table (at most one blank line between), or the table start. */
    private static int captionStart(String text, List<Line> lines, int tableStart, String caption, int floor) {
        int idx = lineIndex(lines, tableStart);
        if (idx < 0) {
            return tableStart;
        }
        if (lines.get(idx).cs() < tableStart && Spans.trimmedLength(text, lines.get(idx).start(), tableStart) > 0) {
            return tableStart; // the table starts in the middle of a line: no caption line to take
        }
        int blanks = 0;
        for (int k = idx - 1; k >= 0 && blanks <= 1; k--) {
            Line l = lines.get(k);
            if (l.blank()) {
                blanks++;
                continue;
            }
            if (l.cs() < floor) {
                return tableStart;
            }
            String s = text.substring(l.cs(), l.ce());
            if (s.length() > MAX_CAPTION) {
                return tableStart;
            }
            boolean matches = caption != null
                    ? squash(s).contains(squash(caption)) || squash(caption).contains(squash(s))
                    : CAPTION_LINE.matcher(s).matches();
            return matches ? l.cs() : tableStart;
        }
        return tableStart;
    }

    private static int lineIndex(List<Line> lines, int offset) {
        int lo = 0;
        int hi = lines.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Line l = lines.get(mid);
            if (offset < l.start()) {
                hi = mid - 1;
            } else if (offset > l.end()) {
                lo = mid + 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    private static String squash(String s) {
        return s.replaceAll("[\\s#*\\\\]+", "");
    }
}
