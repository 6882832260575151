package kr.mokmin.knowledge.chunk;

/**
 * The characters {@code [start, end)} of the input text lie on page {@code page} (1-based, as printed
 * or as counted by the parser).
 */
public record PageSpan(int start, int end, int page) {
    public PageSpan {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad page span [" + start + ", " + end + ")");
        }
        if (page < 1) {
            throw new IllegalArgumentException("page numbers start at 1: " + page);
        }
    }
}
