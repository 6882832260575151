package kr.mokmin.search.embedding;

import java.util.List;

/**
 * A toy "semantic" embedding for tests: one dimension per concept, set when the text contains any word of the
 * concept, plus a small constant so no vector is zero. Texts about the same concept are close even when they
 * share no word, which is what a real embedding model adds over keywords.
 */
final class ConceptVectors {

    static final List<List<String>> CONCEPTS = List.of(
            List.of("움푹", "패인", "포트홀", "노면 파손"),
            List.of("시끄러", "소음", "층간"),
            List.of("강아지", "반려견", "동물등록"),
            List.of("주차", "정차"));

    static final int DIMENSION = CONCEPTS.size() + 1;

    private ConceptVectors() {
    }

    static float[] of(String text) {
        float[] v = new float[DIMENSION];
        v[DIMENSION - 1] = 0.1f;
        for (int c = 0; c < CONCEPTS.size(); c++) {
            for (String word : CONCEPTS.get(c)) {
                if (text.contains(word)) {
                    v[c] = 1f;
                }
            }
        }
        return v;
    }
}
