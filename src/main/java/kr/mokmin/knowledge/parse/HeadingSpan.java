package kr.mokmin.knowledge.parse;

/**
 * A heading found in the source's structure (HTML h1–h6, DOCX heading styles, HWP/HWPX 개요 styles, Markdown
 * {@code #}). Its text is {@code text.substring(start, end)}, without the line break.
 *
 * @param level 1 (top) to 9
 */
public record HeadingSpan(int level, int start, int end) {
    public HeadingSpan {
        if (level < 1 || start < 0 || end < start) {
            throw new IllegalArgumentException("bad heading span " + level + " [" + start + "," + end + ")");
        }
    }
}
