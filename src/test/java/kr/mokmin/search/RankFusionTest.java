package kr.mokmin.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class RankFusionTest {

    @Test
    void sumsReciprocalRanksOverTheRankings() {
        List<RankFusion.Fused> fused = RankFusion.fuse(List.of(List.of("a", "b", "c"), List.of("c", "a")));
        // a: 1/61 + 1/62, c: 1/63 + 1/61, b: 1/62
        assertThat(fused).extracting(RankFusion.Fused::id).containsExactly("a", "c", "b");
        assertThat(fused.get(0).score()).isCloseTo(1.0 / 61 + 1.0 / 62, within(1e-12));
        assertThat(fused.get(1).score()).isCloseTo(1.0 / 63 + 1.0 / 61, within(1e-12));
        assertThat(fused.get(2).score()).isCloseTo(1.0 / 62, within(1e-12));
        assertThat(fused.get(1).ranks()).containsExactly(3, 1);
        assertThat(fused.get(2).ranks()).containsExactly(2, 0);
    }

    @Test
    void weightsScaleEachRankingsContribution() {
        List<RankFusion.Fused> fused = RankFusion.fuse(List.of(List.of("a"), List.of("b")), new double[] {1, 2}, 1);
        assertThat(fused).extracting(RankFusion.Fused::id).containsExactly("b", "a");
        assertThat(fused.get(0).score()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void aRepeatedIdCountsOnceAtItsBestRank() {
        List<RankFusion.Fused> fused = RankFusion.fuse(List.of(List.of("a", "a", "b")));
        assertThat(fused.get(0).score()).isCloseTo(1.0 / 61, within(1e-12));
        assertThat(fused.get(1).ranks()).containsExactly(3);
    }

    @Test
    void emptyInputsFuseToNothingAndBadArgumentsAreRejected() {
        assertThat(RankFusion.fuse(List.of(List.of(), List.of()))).isEmpty();
        assertThatThrownBy(() -> RankFusion.fuse(List.of(List.of("a")), new double[] {1, 1}, 60))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RankFusion.fuse(List.of(List.of("a")), new double[] {1}, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
