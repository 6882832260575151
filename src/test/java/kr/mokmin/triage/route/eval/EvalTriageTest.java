package kr.mokmin.triage.route.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kr.mokmin.triage.route.RouterTrainer;
import tools.jackson.databind.json.JsonMapper;

class EvalTriageTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    private static final String[][] KINDS = {
            {"교통과", "불법주차 단속", "소화전 앞 불법 주정차 차량을 단속해 주세요"},
            {"청소과", "쓰레기 무단투기", "공터에 쓰레기를 무단투기하는 사람이 많습니다"},
            {"공원과", "공원 벤치 파손", "근린공원 벤치와 운동기구가 부서졌습니다"}};

    private Path write(String name, int perKind, boolean withUnseen) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < perKind; i++) {
            for (String[] k : KINDS) {
                // "answer" names another department and would mislead a reader that looked at it
                lines.add(JSON.writeValueAsString(java.util.Map.of("id", name + i, "title", k[1] + " " + i,
                        "content", k[2] + " " + i, "unit", k[0], "answer", "공원과 담당자 ☎ 032-000-0000")));
            }
        }
        if (withUnseen) {
            lines.add(JSON.writeValueAsString(java.util.Map.of("title", "여권", "content", "여권 발급", "unit", "민원과")));
        }
        lines.add("");
        Path p = dir.resolve(name + ".jsonl");
        Files.write(p, lines, StandardCharsets.UTF_8);
        return p;
    }

    private String run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = EvalTriage.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(code).isZero();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsMetricsWithTheExactLastLine() throws IOException {
        Path train = write("train", 6, false);
        Path test = write("test", 2, true);
        for (String baseline : new String[] {"none", "centroid"}) {
            String out = run("--train", train.toString(), "--test", test.toString(), "--label", "unit",
                    "--baseline", baseline);
            String[] lines = out.strip().split("\n");
            // 6 known test examples all right, the unseen 민원과 a miss: 6/7
            assertThat(lines[lines.length - 1]).isEqualTo("top1=0.857 top3=0.857 macro_f1=0.700 n=7");
            assertThat(out).contains("1 with a label unseen in training");
        }
    }

    @Test
    void readsOnlyTitleContentAndTheLabel() {
        RouterTrainer.Example e = EvalTriage.parseLine(
                "{\"answer\": {\"deep\": [1, 2, {\"x\": \"교통과\"}]}, \"title\": \"제목\", \"content\": \"본문\","
                        + " \"unit\": \" 공원과 \", \"department\": \"교통과\"}", "unit", "t:1");
        assertThat(e).isEqualTo(new RouterTrainer.Example("제목", "본문", "공원과"));
    }
}
