package kr.mokmin.search.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluation command end to end on a tiny hand-made set, and its parts. */
class SearchEvaluationTest {

    @TempDir
    Path dir;

    private void writeSet() throws Exception {
        Files.writeString(dir.resolve("corpus.jsonl"), String.join("\n",
                "{\"doc_id\": \"d1\", \"title\": \"기준 중위소득\", \"text\": \"기준 중위소득은 보건복지부장관이 고시하는 국민 가구소득의 중위값입니다.\"}",
                "{\"doc_id\": \"d2\", \"title\": \"불법 주정차 과태료\", \"text\": \"주정차 위반 차량에는 과태료가 부과됩니다.\"}",
                "{\"doc_id\": \"d3\", \"title\": \"대형폐기물 배출\", \"text\": \"대형폐기물은 신고 후 스티커를 붙여 배출합니다.\"}",
                "{\"doc_id\": 4, \"title\": \"여권 발급\", \"text\": \"여권은 시청 민원실에서 발급합니다.\"}",
                ""), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("queries.jsonl"), String.join("\n",
                "{\"query_id\": \"q1\", \"question\": \"중위소득이 뭔가요?\"}",
                "{\"query_id\": \"q2\", \"question\": \"불법 주차하면 과태료 얼마예요\"}",
                "{\"query_id\": \"q3\", \"question\": \"소파 버리려면 대형폐기물 신고\"}",
                "{\"query_id\": \"q4\", \"question\": \"여권 어디서 만들어요\"}"), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("qrels.tsv"),
                "query_id\tdoc_id\trelevance\nq1\td1\t1\nq2\td2\t1\nq3\td3\t1\nq4\t4\t1\n", StandardCharsets.UTF_8);
    }

    private String run(String... extra) throws Exception {
        writeSet();
        List<String> args = new java.util.ArrayList<>(List.of("--corpus", dir.resolve("corpus.jsonl").toString(),
                "--queries", dir.resolve("queries.jsonl").toString(), "--qrels=" + dir.resolve("qrels.tsv"),
                "--threads", "1"));
        args.addAll(List.of(extra));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = EvalSearch.run(args.toArray(String[]::new), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(code).isZero();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String lastLine(String output) {
        String[] lines = output.strip().split("\n");
        return lines[lines.length - 1];
    }

    @Test
    void productFindsEveryAnswerAndEndsWithTheMetricsLine() throws Exception {
        String out = run();
        assertThat(out).contains("corpus: 4 documents, 4 questions, 4 judged");
        assertThat(lastLine(out)).isEqualTo("hit@1=1.000 hit@5=1.000 hit@10=1.000 mrr@10=1.000 ndcg@10=1.000");
    }

    @Test
    void chunkedProductAndBothBaselinesRunToo() throws Exception {
        assertThat(lastLine(run("--chunk-chars", "20"))).startsWith("hit@1=");
        for (String baseline : List.of("whitespace", "bigram")) {
            String out = run("--baseline", baseline);
            assertThat(out).contains("baseline: BM25 on");
            assertThat(lastLine(out)).matches("hit@1=\\d\\.\\d{3} hit@5=\\d\\.\\d{3} hit@10=\\d\\.\\d{3} mrr@10=\\d\\.\\d{3} ndcg@10=\\d\\.\\d{3}");
        }
    }

    @Test
    void badArgumentsAreReported() {
        assertThatThrownBy(() -> EvalSearch.run(new String[] {"--corpus", "x"}, System.out))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EvalSearch.run(new String[] {"--bogus"}, System.out))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unknown option --bogus");
        assertThatThrownBy(() -> EvalSearch.run(new String[] {"--baseline", "bm42", "--corpus", "a", "--queries", "b",
                "--qrels", "c"}, System.out)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void qrelsNeedTheirHeader() throws Exception {
        Path qrels = dir.resolve("bad.tsv");
        Files.writeString(qrels, "q1\td1\t1\n");
        assertThatThrownBy(() -> EvalData.readQrels(qrels)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void chunkSpansCutAtLinesThenSentencesAndCoverTheText() {
        String text = "첫째 줄입니다.\n둘째 줄은 조금 더 깁니다. 문장이 둘입니다.\n셋째.";
        List<int[]> spans = SearchEvaluation.chunkSpans(text, 20);
        assertThat(spans).isNotEmpty();
        int covered = 0;
        for (int[] span : spans) {
            assertThat(span[0]).isEqualTo(covered);
            assertThat(span[1] - span[0]).isLessThanOrEqualTo(20);
            covered = span[1];
        }
        assertThat(covered).isEqualTo(text.length());
        assertThat(text.substring(spans.get(0)[0], spans.get(0)[1])).isEqualTo("첫째 줄입니다.\n");
        assertThat(SearchEvaluation.chunkSpans(text, 0)).hasSize(1);
        assertThat(SearchEvaluation.chunkSpans("가".repeat(45), 20)).hasSize(3);
    }
}
