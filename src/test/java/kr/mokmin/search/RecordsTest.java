package kr.mokmin.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RecordsTest {

    private static IndexedChunk chunk(float[] vector) {
        return new IndexedChunk("c1", "d1", 1, "제목", "본문", DocumentKind.FAQ, null, null, Audience.PUBLIC, null,
                null, 0, 2, null, vector);
    }

    @Test
    void queryWithoutAudienceIsPublicOnly() {
        assertThat(new SearchQuery("x", null, null, null, null, null, 5).audiences()).containsExactly(Audience.PUBLIC);
        assertThat(new SearchQuery("x", null, null, null, null, Set.of(), 5).audiences())
                .containsExactly(Audience.PUBLIC);
        assertThat(SearchQuery.forStaff("x", 5).audiences()).containsExactlyInAnyOrder(Audience.PUBLIC, Audience.INTERNAL);
        assertThat(new SearchQuery(null, null, null, null, null, null, 1).text()).isEmpty();
    }

    @Test
    void queryRejectsBadKAndReversedDates() {
        assertThatThrownBy(() -> SearchQuery.forPublic("x", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SearchQuery.forPublic("x", SearchQuery.MAX_K + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SearchQuery.forPublic("x", 5)
                .withEffective(LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void chunkCopiesItsVectorAndComparesItByValue() {
        float[] v = {1f, 2f};
        IndexedChunk c = chunk(v);
        v[0] = 9f;
        assertThat(c.vector()).containsExactly(1f, 2f);
        c.vector()[1] = 7f;
        assertThat(c.vector()).containsExactly(1f, 2f);
        assertThat(c).isEqualTo(chunk(new float[] {1f, 2f})).hasSameHashCodeAs(chunk(new float[] {1f, 2f}));
        assertThat(c).isNotEqualTo(chunk(new float[] {1f, 3f}));
        assertThat(c.withoutVector().vector()).isNull();
        assertThat(c.toString()).contains("vector[2]").doesNotContain("본문");
    }

    @Test
    void chunkRejectsVectorsCosineCannotCompare() {
        assertThatThrownBy(() -> chunk(new float[] {0f, 0f})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> chunk(new float[] {Float.NaN})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> chunk(new float[0])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void chunkRejectsMissingIdsAndBadOffsets() {
        assertThatThrownBy(() -> new IndexedChunk(" ", "d", 1, null, "t", DocumentKind.FAQ, null, null,
                Audience.PUBLIC, null, null, 0, 1, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IndexedChunk("c", "d", 1, null, "t", DocumentKind.FAQ, null, null,
                Audience.PUBLIC, null, null, 5, 4, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IndexedChunk("c", "d", 1, null, "t", DocumentKind.FAQ, null, null,
                null, null, null, 0, 1, null, null)).isInstanceOf(NullPointerException.class);
    }
}
