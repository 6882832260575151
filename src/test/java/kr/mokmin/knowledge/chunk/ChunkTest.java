package kr.mokmin.knowledge.chunk;

import kr.mokmin.search.DocumentKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The public records: validation, {@link Chunk#indexText()}, and that the invariant checker itself bites. */
class ChunkTest {

    @Test
    void indexTextPutsContextFirstAndDropsMarkdown() {
        String text = "**②** 민원의 처리기간을 6일 이상으로 정한 경우에는\n\n\n  1\\. \"일\" 단위로 계산";
        Chunk c = new Chunk(3, text, "제19조제2항", "제19조(처리기간의 계산)", null, 10, 10 + text.length(),
                "제2장 민원의 처리");

        assertThat(c.indexText()).isEqualTo(
                "제2장 민원의 처리\n제19조(처리기간의 계산)\n② 민원의 처리기간을 6일 이상으로 정한 경우에는\n  1. \"일\" 단위로 계산");
    }

    @Test
    void indexTextDoesNotRepeatAHeadingTheTextStartsWith() {
        String text = "##### 제19조 (처리기간의 계산)\n\n**①** 민원의 처리기간을";
        Chunk c = new Chunk(0, text, "제19조", "제19조(처리기간의 계산)", 1, 0, text.length(), null);

        assertThat(c.indexText()).isEqualTo("제19조 (처리기간의 계산)\n① 민원의 처리기간을");
    }

    @Test
    void chunkRejectsOffsetsThatDoNotMatchTheText() {
        assertThatThrownBy(() -> new Chunk(0, "abc", "", null, null, 0, 5, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Chunk(0, "", "", null, null, 0, 0, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sourceRejectsSpansOutsideTheTextOrOverlapping() {
        assertThatThrownBy(() -> new ChunkSource("abc", DocumentKind.OTHER, List.of(new PageSpan(0, 4, 1)), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChunkSource("abcdef", DocumentKind.OTHER, List.of(),
                List.of(new TableSpan(0, 4), new TableSpan(3, 6))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PageSpan(0, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChunkingPolicy(100, 0, 1_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChunkingPolicy(1_000, 300, 1_000)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new TableSpan(1, 2, "  ").caption()).isNull();
    }

    @Test
    void theInvariantCheckerCatchesALostCharacter() {
        String text = "제1조(목적) 가.\n제2조(정의) 나.";
        ChunkSource source = ChunkSource.of(text, DocumentKind.ORDINANCE);
        List<Chunk> chunks = new Chunker().chunk(source);
        ChunkInvariants.check("ok", source, ChunkingPolicy.DEFAULT, chunks);

        Chunk last = chunks.get(chunks.size() - 1);
        Chunk shortened = new Chunk(last.ordinal(), last.text().substring(0, last.length() - 1), last.locator(),
                last.heading(), null, last.startOffset(), last.endOffset() - 1, null);
        List<Chunk> broken = List.of(chunks.get(0), shortened);
        assertThatThrownBy(() -> ChunkInvariants.check("broken", source, ChunkingPolicy.DEFAULT, broken))
                .isInstanceOf(AssertionError.class);
    }
}
