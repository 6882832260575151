package kr.mokmin.knowledge.chunk;

/**
 * A table found by a parser: its text is {@code [start, end)} of the input (rows usually one per line),
 * with an optional caption (e.g. "[별표 1] 과태료의 부과기준" or "표 3. 수수료") that may or may not also
 * appear in the text just before the table. A table is never split across chunks unless it is longer
 * than {@link ChunkingPolicy#tableMaxChars()}.
 */
public record TableSpan(int start, int end, String caption) {
    public TableSpan {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("bad table span [" + start + ", " + end + ")");
        }
        if (caption != null && caption.isBlank()) {
            caption = null;
        }
    }

    public TableSpan(int start, int end) {
        this(start, end, null);
    }
}
