package kr.mokmin.knowledge.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/**
 * The contract of {@link Chunk} offsets, checked for a chunk list: exact substrings without surrounding
 * whitespace, ordinals 0..n-1, start and end offsets strictly increasing, every non-whitespace character
 * of the input in some chunk, no overlap in legal text and at most the policy's overlap elsewhere, and no
 * chunk over {@code maxChars} unless it holds a table (never over {@code tableMaxChars}).
 */
final class ChunkInvariants {

    private ChunkInvariants() {
    }

    static void check(String context, ChunkSource source, ChunkingPolicy policy, List<Chunk> chunks) {
        String input = source.text();
        int previousStart = -1;
        int previousEnd = -1;
        int covered = 0;
        for (int i = 0; i < chunks.size(); i++) {
            Chunk c = chunks.get(i);
            String where = context + " chunk " + i + " " + c.locator();
            assertThat(c.ordinal()).as(where).isEqualTo(i);
            assertThat(c.text()).as(where).isEqualTo(input.substring(c.startOffset(), c.endOffset()));
            assertThat(c.text()).as(where).isNotEmpty();
            assertThat(Spans.isBlank(c.text().charAt(0))).as(where + " leading blank").isFalse();
            assertThat(Spans.isBlank(c.text().charAt(c.length() - 1))).as(where + " trailing blank").isFalse();
            assertThat(c.startOffset()).as(where + " start increases").isGreaterThan(previousStart);
            assertThat(c.endOffset()).as(where + " end increases").isGreaterThan(previousEnd);
            int overlap = Math.max(0, previousEnd - c.startOffset());
            assertThat(overlap).as(where + " overlap").isLessThanOrEqualTo(policy.overlapChars());
            for (int k = covered; k < c.startOffset(); k++) {
                assertThat(Spans.isBlank(input.charAt(k)))
                        .as(where + ": character " + k + " '" + input.charAt(k) + "' is in no chunk").isTrue();
            }
            covered = Math.max(covered, c.endOffset());
            assertThat(c.length()).as(where + " table cap").isLessThanOrEqualTo(policy.tableMaxChars());
            if (c.length() > policy.maxChars()) {
                assertThat(holdsTable(source, c)).as(where + " is over maxChars (" + c.length() + ") without a table")
                        .isTrue();
            }
            assertThat(c.page() != null).as(where + " page").isEqualTo(!source.pages().isEmpty());
            previousStart = c.startOffset();
            previousEnd = c.endOffset();
        }
        for (int k = covered; k < input.length(); k++) {
            assertThat(Spans.isBlank(input.charAt(k))).as(context + ": character " + k + " after the last chunk")
                    .isTrue();
        }
    }

    static void checkNoOverlap(String context, List<Chunk> chunks) {
        for (int i = 1; i < chunks.size(); i++) {
            assertThat(chunks.get(i).startOffset()).as(context + " chunk " + i + " overlaps")
                    .isGreaterThanOrEqualTo(chunks.get(i - 1).endOffset());
        }
    }

    /** Whether the chunk overlaps a table as the chunker sees them (reported spans and detected tables). */
    private static boolean holdsTable(ChunkSource source, Chunk c) {
        Tables tables = Tables.find(source.text(), Spans.lines(source.text()), source.tables());
        for (Tables.Table t : tables.all()) {
            if (t.start() < c.endOffset() && t.end() > c.startOffset()) {
                return true;
            }
        }
        return false;
    }
}
