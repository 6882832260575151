package kr.mokmin.knowledge.parse;

/**
 * One page of a paged document: its text is {@code text.substring(start, end)} of the {@link ExtractedDocument}.
 *
 * @param page  1-based page number in the source document
 * @param start first character offset (inclusive)
 * @param end   last character offset (exclusive)
 * @param ocr   the page's text came from OCR (it had no extractable text)
 */
public record PageSpan(int page, int start, int end, boolean ocr) {
    public PageSpan {
        if (page < 1 || start < 0 || end < start) {
            throw new IllegalArgumentException("bad page span " + page + " [" + start + "," + end + ")");
        }
    }
}
