package kr.mokmin.knowledge.parse;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import kr.mokmin.knowledge.parse.DocumentParseException.Reason;

/**
 * Builds the text of an {@link ExtractedDocument} block by block, normalising each piece as it is appended (so that
 * the offsets of pages, tables and headings are offsets into the final text) and enforcing the text size limit.
 *
 * <p>Layout: one line per paragraph; a heading is a line of its own; a table is an optional caption line followed by
 * one line per row ({@code cell | cell}). Pages follow each other without separators.
 */
final class TextAssembler {

    /** A paragraph that names the table following it: "표 1", "<표 2>", "[표3]", "Table 4". */
    private static final Pattern CAPTION = Pattern.compile(
            "^\\s*[<〈《\\[(【]?\\s*(표|Table)\\s*[0-9０-９IVXⅠ-Ⅻ]+([-.][0-9]+)?\\s*[>〉》\\])】.:]?.{0,120}$",
            Pattern.CASE_INSENSITIVE);
    private static final int MAX_CAPTION_CHARS = 150;

    private final StringBuilder text = new StringBuilder();
    private final int maxChars;
    private final List<PageSpan> pages = new ArrayList<>();
    private final List<TableSpan> tables = new ArrayList<>();
    private final List<HeadingSpan> headings = new ArrayList<>();
    private int pageNumber = -1;
    private int pageStart;
    private boolean pageOcr;
    /** Range of the last block if it was a plain paragraph (a caption candidate), else -1. */
    private int lastParagraphStart = -1;
    private int lastParagraphEnd = -1;

    TextAssembler(int maxChars) {
        this.maxChars = maxChars;
    }

    TextAssembler(ParseContext context) {
        this(context.limits().maxTextChars());
    }

    int length() {
        return text.length();
    }

    /** Appends one paragraph (inner line breaks are kept); blank paragraphs are skipped. */
    void paragraph(String raw) {
        String s = stripLines(clean(raw));
        if (s.isBlank()) {
            return;
        }
        newLine();
        int start = text.length();
        append(s);
        int end = text.length();
        append("\n");
        lastParagraphStart = start;
        lastParagraphEnd = end;
    }

    /**
     * Appends text whose line structure matters (plain text files, PDF pages, OCR output): every line is kept, runs
     * of more than one blank line are collapsed to one.
     */
    void lines(String raw) {
        String s = stripLines(clean(raw));
        if (s.isBlank()) {
            return;
        }
        newLine();
        append(s);
        append("\n");
        forgetParagraph();
    }

    /** Appends a heading line. */
    void heading(int level, String raw) {
        String s = oneLine(clean(raw));
        if (s.isBlank()) {
            return;
        }
        newLine();
        int start = text.length();
        append(s);
        headings.add(new HeadingSpan(Math.max(1, Math.min(9, level)), start, text.length()));
        append("\n");
        forgetParagraph();
    }

    /** Appends a blank line unless the text already ends with one (or is empty). */
    void blankLine() {
        if (text.isEmpty()) {
            return;
        }
        newLine();
        if (text.length() >= 2 && text.charAt(text.length() - 2) != '\n') {
            append("\n");
        }
        forgetParagraph();
    }

    /**
     * Appends a table. Rows whose cells are all blank are dropped; a table without rows is not recorded. When no
     * caption is given and the paragraph just before looks like one ("<표 1> …"), that paragraph becomes the
     * caption and the table's span starts there.
     */
    void table(String caption, List<List<String>> rows) {
        List<String> lines = new ArrayList<>();
        int columns = 0;
        for (List<String> row : rows) {
            List<String> cells = new ArrayList<>(row.size());
            boolean any = false;
            for (String cell : row) {
                String c = cell(cell);
                any |= !c.isEmpty();
                cells.add(c);
            }
            if (any) {
                lines.add(String.join(" | ", cells));
                columns = Math.max(columns, cells.size());
            }
        }
        if (lines.isEmpty()) {
            if (caption != null) {
                paragraph(caption);
            }
            return;
        }
        newLine();
        String cap = caption == null ? null : oneLine(clean(caption));
        int start;
        if ((cap == null || cap.isEmpty()) && lastParagraphEnd == text.length() - 1 && lastParagraphStart >= 0) {
            String previous = text.substring(lastParagraphStart, lastParagraphEnd);
            if (previous.length() <= MAX_CAPTION_CHARS && CAPTION.matcher(previous).matches()) {
                cap = previous;
            }
            start = cap != null ? lastParagraphStart : text.length();
        } else {
            start = text.length();
            if (cap != null && !cap.isEmpty()) {
                append(cap);
                append("\n");
            } else {
                cap = null;
            }
        }
        for (String line : lines) {
            append(line);
            append("\n");
        }
        tables.add(new TableSpan(start, text.length(), cap, lines.size(), columns));
        forgetParagraph();
    }

    /** Starts a page; everything appended until {@link #endPage()} belongs to it. */
    void beginPage(int number, boolean ocr) {
        if (pageNumber >= 0) {
            endPage();
        }
        newLine();
        pageNumber = number;
        pageStart = text.length();
        pageOcr = ocr;
    }

    void endPage() {
        if (pageNumber < 0) {
            return;
        }
        newLine();
        pages.add(new PageSpan(pageNumber, pageStart, text.length(), pageOcr));
        pageNumber = -1;
        forgetParagraph();
    }

    ExtractedDocument build(DocumentFormat format, Map<String, String> metadata, List<String> warnings) {
        endPage();
        return new ExtractedDocument(text.toString(), pages, tables, headings, metadata, format, warnings);
    }

    // --- normalisation

    /**
     * NFC; CR LF, CR, NEL, LS, PS and form feed become LF; NBSP becomes a space; other control characters,
     * zero-width characters and BOMs are dropped. Tabs are kept.
     */
    static String clean(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(raw.length());
        int n = raw.length();
        for (int i = 0; i < n; i++) {
            char c = raw.charAt(i);
            switch (c) {
                case '\r' -> {
                    sb.append('\n');
                    if (i + 1 < n && raw.charAt(i + 1) == '\n') {
                        i++;
                    }
                }
                case '\n', '\u000b', '\f', '\u0085', '\u2028', '\u2029' -> sb.append('\n');
                case '\t' -> sb.append('\t');
                case '\u00a0' -> sb.append(' ');
                case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad' -> {
                    // zero-width and soft hyphen: invisible, they only break words apart
                }
                default -> {
                    if (c < 0x20 || (c >= 0x7f && c < 0xa0)) {
                        break;
                    }
                    if (Character.isSurrogate(c)) {
                        if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(raw.charAt(i + 1))) {
                            sb.append(c).append(raw.charAt(++i));
                        }
                        break; // a lone surrogate is dropped
                    }
                    sb.append(c);
                }
            }
        }
        String s = sb.toString();
        return Normalizer.isNormalized(s, Normalizer.Form.NFC) ? s : Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    /** Strips trailing white space from each line and collapses runs of blank lines to one; trims blank ends. */
    static String stripLines(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        int blank = 0;
        for (String line : s.split("\n", -1)) {
            String l = line.stripTrailing();
            if (l.isEmpty()) {
                blank++;
                continue;
            }
            if (!sb.isEmpty()) {
                sb.append(blank > 0 ? "\n\n" : "\n");
            }
            blank = 0;
            sb.append(l);
        }
        return sb.toString();
    }

    /** White space runs (including line breaks) become one space; trimmed. */
    static String oneLine(String s) {
        return s.replaceAll("[\\s\\u3000]+", " ").strip();
    }

    private static String cell(String raw) {
        return oneLine(clean(raw)).replace("|", "\\|");
    }

    private void newLine() {
        if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
            append("\n");
        }
    }

    private void forgetParagraph() {
        lastParagraphStart = -1;
        lastParagraphEnd = -1;
    }

    private void append(String s) {
        if (text.length() + (long) s.length() > maxChars) {
            throw new DocumentParseException(Reason.TOO_LARGE,
                    "extracted text exceeds " + maxChars + " characters");
        }
        text.append(s);
    }
}
