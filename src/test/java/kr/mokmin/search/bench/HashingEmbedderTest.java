package kr.mokmin.search.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HashingEmbedderTest {

    private final HashingEmbedder embedder = new HashingEmbedder(384);

    @Test
    void unitVectorsOfTheDimensionSameForTheSameText() {
        float[] a = embedder.embed("주차장 설치 기준은 어떻게 되나요?");
        assertThat(a).hasSize(384);
        assertThat(dot(a, a)).isCloseTo(1.0, within(1e-5));
        assertThat(new HashingEmbedder(384).embed("주차장 설치 기준은 어떻게 되나요?")).containsExactly(a);
        // dense, like a model's output: a chunk-sized text touches nearly every dimension
        float[] chunk = embedder.embed("제1조(목적) 이 법은 주차장의 설치ㆍ정비 및 관리에 필요한 사항을 정함으로써 "
                + "자동차 교통을 원활하게 하여 공중의 편의를 도모함을 목적으로 한다. 노외주차장의 설치 기준은 대통령령으로 정한다.");
        int zero = 0;
        for (float x : chunk) {
            zero += x == 0f ? 1 : 0;
        }
        assertThat(zero).isLessThan(384 / 4);
    }

    @Test
    void sharedWordingIsCloserThanUnrelatedText() {
        float[] q = embedder.embed("불법 주차 신고");
        float[] near = embedder.embed("불법주차 차량을 신고하는 방법");
        float[] far = embedder.embed("기초연금 수급 자격과 소득인정액");
        assertThat(dot(q, near)).isGreaterThan(dot(q, far) + 0.2);
    }

    @Test
    void neverTheZeroVector() {
        assertThat(dot(embedder.embed(""), embedder.embed(""))).isCloseTo(1.0, within(1e-5));
        assertThat(dot(embedder.embed("가"), embedder.embed("가"))).isCloseTo(1.0, within(1e-5));
        assertThatThrownBy(() -> new HashingEmbedder(1025)).isInstanceOf(IllegalArgumentException.class);
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }
}
