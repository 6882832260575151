package kr.mokmin.knowledge.chunk;

import java.util.regex.Pattern;

/**
 * One retrievable passage of a document.
 *
 * <p><b>Text and offsets.</b> {@code text} is exactly {@code input.substring(startOffset, endOffset)}, and
 * that substring neither starts nor ends with whitespace (offsets are trimmed to the first and last
 * non-whitespace character). Markdown markup that is part of the input ({@code #####}, {@code **①**},
 * {@code 1\.}) stays in {@code text}; {@link #indexText()} gives a cleaned copy for indexing and prompts.
 * Chunks come in document order: start offsets strictly increase and so do end offsets. Chunks of legal
 * text never overlap; consecutive pieces of one long guide section may overlap by up to
 * {@link ChunkingPolicy#overlapChars()}. Every non-whitespace character of the input lies in at least one
 * chunk: lines that only carry structure (a chapter heading, a document title, a 부칙 header) are inside the
 * chunk that follows them.
 *
 * @param ordinal 0-based position in the document's chunk list
 * @param text the passage, as described above
 * @param locator where the passage is, for citations: {@code 제19조}, {@code 제2조의2}, {@code 제12조제2항},
 *     {@code 제12조제2항~제4항} (several 항 in one chunk), {@code 제3조제1항제2호}, {@code 제2조제1호가목~다목},
 *     {@code 부칙 제1조~제5조} (a whole 부칙, or a run of its 조), {@code 부칙 제4조제2항}, {@code 부칙} (부칙
 *     without 조), {@code 별표 1}, {@code 별지 제1호서식},
 *     {@code 별표 1 제2호}; for guides the heading path {@code 신청 방법 > 구비서류}, for an FAQ the path and
 *     the question; empty when the passage is under no heading. Locators need not be unique (a long
 *     section gives several chunks with one locator; a law has several 부칙 each with a 제1조).
 * @param heading what the passage is under, to read together with the text: the article heading
 *     {@code 제12조(과태료의 부과)} for every chunk of that 조 (also of a single 부칙 조), the 부칙 header
 *     {@code 부칙 <제13459호,2015.8.11>} for a run of 부칙 조, the annex title
 *     {@code [별표 1] …}, the heading of a guide section, the question of an FAQ; a table's caption is
 *     added after " · " when the caption is not in the text; null if there is none
 * @param page page of {@code startOffset} when the source had page spans, else null
 * @param startOffset first character, into the input text
 * @param endOffset one past the last character, into the input text
 * @param section the enclosing structure above the heading: {@code 제2장 민원의 처리 > 제2절 민원의 처리기간ㆍ처리방법 등}
 *     (편/장/절/관), the 부칙 header {@code 부칙 <제13459호,2015.8.11>} for a single 부칙 조, the parent
 *     headings of a guide section; null if there is none
 */
public record Chunk(
        int ordinal,
        String text,
        String locator,
        String heading,
        Integer page,
        int startOffset,
        int endOffset,
        String section) {

    private static final Pattern MD_HEADING_MARK = Pattern.compile("(?m)^[ \\t]*#{1,6}[ \\t]+");
    private static final Pattern MD_BOLD = Pattern.compile("\\*\\*([^*\\n]{1,40})\\*\\*");
    private static final Pattern MD_ESCAPE = Pattern.compile("\\\\([\\\\`*_{}\\[\\]()#+\\-.!|<>~])");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n(?:[ \\t]*\\n)+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    public Chunk {
        if (text == null || text.isEmpty() || locator == null) {
            throw new IllegalArgumentException("a chunk needs text and a locator");
        }
        if (endOffset - startOffset != text.length()) {
            throw new IllegalArgumentException("offsets do not match the text length");
        }
    }

    /** Characters in {@link #text()}. */
    public int length() {
        return text.length();
    }

    /**
     * What to index and to show a language model: section, heading (unless the text already starts with
     * it) and the text, one per line, with Markdown markup removed and runs of blank lines folded. Not an
     * exact substring of the input; use the offsets for that.
     */
    public String indexText() {
        String body = plain(text);
        StringBuilder out = new StringBuilder(body.length() + 120);
        if (section != null) {
            out.append(section).append('\n');
        }
        if (heading != null && !startsWithIgnoringSpaces(body, heading)) {
            out.append(heading).append('\n');
        }
        return out.append(body).toString();
    }

    /** Markdown markup removed: heading marks, bold around short labels, backslash escapes. */
    static String plain(String markdown) {
        String s = MD_HEADING_MARK.matcher(markdown).replaceAll("");
        s = MD_BOLD.matcher(s).replaceAll("$1");
        s = MD_ESCAPE.matcher(s).replaceAll("$1");
        return BLANK_LINES.matcher(s).replaceAll("\n").strip();
    }

    private static boolean startsWithIgnoringSpaces(String body, String prefix) {
        String p = SPACES.matcher(prefix).replaceAll("");
        String b = SPACES.matcher(body.length() > p.length() * 2 + 20
                ? body.substring(0, p.length() * 2 + 20) : body).replaceAll("");
        return b.startsWith(p);
    }
}
