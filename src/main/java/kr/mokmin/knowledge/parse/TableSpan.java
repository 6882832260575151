package kr.mokmin.knowledge.parse;

/**
 * A table rendered into the text: an optional caption line, then one line per row with the cells joined by
 * {@code " | "} (a {@code |} inside a cell is written {@code \|}). Its text is {@code text.substring(start, end)}.
 *
 * @param start   first character offset (inclusive), the caption's when there is one
 * @param end     last character offset (exclusive), after the last row's line break
 * @param caption the caption (표 제목) if the source had one, otherwise null
 * @param rows    number of rows rendered
 * @param columns the largest number of cells in a row
 */
public record TableSpan(int start, int end, String caption, int rows, int columns) {
    public TableSpan {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad table span [" + start + "," + end + ")");
        }
    }
}
