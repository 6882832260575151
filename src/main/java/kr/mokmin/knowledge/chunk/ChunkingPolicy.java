package kr.mokmin.knowledge.chunk;

/**
 * Size limits for chunking, in characters (UTF-16 units, which for Hangul is one per syllable).
 *
 * @param maxChars hard cap on {@link Chunk#text()} for every chunk that is not a table: a 조 (or a
 *     heading section) longer than this is split by 항, then 호, then 목, then by paragraphs, lines or
 *     sentences
 * @param overlapChars how much text consecutive pieces of one long non-legal section share (cut at a line
 *     or sentence start); legal text is never overlapped, its chunks carry their 조 heading instead
 * @param tableMaxChars a table (with its caption) is kept in one chunk up to this size even when that is
 *     over {@code maxChars}; a longer table is split between rows into parts of at most this size
 */
public record ChunkingPolicy(int maxChars, int overlapChars, int tableMaxChars) {

    /** 1,200 characters a chunk, 120 of overlap for guides, tables whole up to 12,000 characters. */
    public static final ChunkingPolicy DEFAULT = new ChunkingPolicy(1_200, 120, 12_000);

    public ChunkingPolicy {
        if (maxChars < 200) {
            throw new IllegalArgumentException("maxChars must be at least 200: " + maxChars);
        }
        if (overlapChars < 0 || overlapChars > maxChars / 4) {
            throw new IllegalArgumentException("overlapChars must be in [0, maxChars/4]: " + overlapChars);
        }
        if (tableMaxChars < maxChars) {
            throw new IllegalArgumentException("tableMaxChars must be at least maxChars: " + tableMaxChars);
        }
    }
}
