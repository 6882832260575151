package kr.mokmin.search.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The metric arithmetic on a hand-made example, every number worked out by hand. */
class RetrievalMetricsTest {

    private static final double LOG2_3 = Math.log(3) / Math.log(2);

    @Test
    void handWorkedExample() {
        Map<String, Map<String, Integer>> qrels = new LinkedHashMap<>();
        qrels.put("q1", Map.of("d1", 1));               // found at rank 1
        qrels.put("q2", Map.of("d9", 1));               // found at rank 3
        qrels.put("q3", Map.of("d5", 1, "d6", 1));      // two relevant: ranks 2 and 7
        qrels.put("q4", Map.of("d4", 1));               // not in the top 10
        qrels.put("q5", Map.of("d2", 0));               // nothing relevant: not scored
        Map<String, List<String>> rankings = Map.of(
                "q1", List.of("d1", "d2", "d3"),
                "q2", List.of("d7", "d8", "d9"),
                "q3", List.of("d1", "d5", "d2", "d3", "d4", "d7", "d6"),
                "q4", List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "d4"),
                "q5", List.of("d2"));

        RetrievalMetrics.Summary s = RetrievalMetrics.evaluate(rankings, qrels);
        assertThat(s.queries()).isEqualTo(4);
        assertThat(s.hit1()).isEqualTo(0.25);                // q1
        assertThat(s.hit5()).isEqualTo(0.75);                // q1, q2, q3
        assertThat(s.hit10()).isEqualTo(0.75);               // d4 at rank 11 does not count
        assertThat(s.mrr10()).isCloseTo((1 + 1.0 / 3 + 1.0 / 2 + 0) / 4, within(1e-12));
        // nDCG: q1 = 1; q2 = (1/log2 4)/1 = 0.5; q3 = (1/log2 3 + 1/log2 8)/(1 + 1/log2 3); q4 = 0
        double q3 = (1 / LOG2_3 + 1.0 / 3) / (1 + 1 / LOG2_3);
        assertThat(s.ndcg10()).isCloseTo((1 + 0.5 + q3 + 0) / 4, within(1e-12));
        assertThat(s.line()).isEqualTo(String.format(java.util.Locale.ROOT,
                "hit@1=0.250 hit@5=0.750 hit@10=0.750 mrr@10=%.3f ndcg@10=%.3f", s.mrr10(), s.ndcg10()));
        assertThat(s.line()).matches("hit@1=\\d\\.\\d{3} hit@5=\\d\\.\\d{3} hit@10=\\d\\.\\d{3} mrr@10=\\d\\.\\d{3} ndcg@10=\\d\\.\\d{3}");
    }

    @Test
    void gradedRelevanceUsesExponentialGain() {
        // judged: d1 rel 2, d2 rel 1; ranked d2, d1 → DCG = 1/1 + 3/log2 3; ideal = 3/1 + 1/log2 3
        RetrievalMetrics.Summary s = RetrievalMetrics.evaluate(Map.of("q", List.of("d2", "d1")),
                Map.of("q", Map.of("d1", 2, "d2", 1)));
        assertThat(s.ndcg10()).isCloseTo((1 + 3 / LOG2_3) / (3 + 1 / LOG2_3), within(1e-12));
        assertThat(s.hit1()).isEqualTo(1.0);
    }

    @Test
    void unansweredQueriesAreMissesAndNoJudgmentsMeanNoScore() {
        RetrievalMetrics.Summary s = RetrievalMetrics.evaluate(Map.of(), Map.of("q", Map.of("d", 1)));
        assertThat(s.queries()).isEqualTo(1);
        assertThat(s.line()).isEqualTo("hit@1=0.000 hit@5=0.000 hit@10=0.000 mrr@10=0.000 ndcg@10=0.000");
        assertThat(RetrievalMetrics.evaluate(Map.of(), Map.of()).queries()).isZero();
    }
}
