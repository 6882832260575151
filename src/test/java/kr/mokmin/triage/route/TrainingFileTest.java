package kr.mokmin.triage.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class TrainingFileTest {

    @Test
    void jsonLinesWithTextOrTitleAndContentAndProblemsByLine() {
        String jsonl = """
                {"text": "소화전 앞 불법주차", "department": "TRAFFIC_ADMIN"}
                {"title": "가로등 고장", "content": "골목이 어두워요", "department_code": "ROAD_MANAGEMENT", "extra": {"a": 1}}

                {"title": "", "content": " ", "department": "PARKS"}
                {"text": "부서가 없는 민원"}
                not json
                """;
        TrainingFile.Parsed p = TrainingFile.parse(jsonl.getBytes(StandardCharsets.UTF_8), null, null);
        assertThat(p.format()).isEqualTo(TrainingFile.Format.JSONL);
        assertThat(p.rows()).extracting(TrainingFile.Row::line).containsExactly(1, 2);
        assertThat(p.rows().get(0).body()).isEqualTo("소화전 앞 불법주차");
        assertThat(p.rows().get(1).title()).isEqualTo("가로등 고장");
        assertThat(p.rows().get(1).department()).isEqualTo("ROAD_MANAGEMENT");
        assertThat(p.problems()).extracting(TrainingFile.Problem::line).containsExactly(4, 5, 6);
    }

    @Test
    void csvFromExcelInCp949WithKoreanHeadersAndQuotedLineBreaks() {
        String csv = "제목,내용,부서\r\n"
                + "불법주차,\"소화전 앞에, 차가\r\n서 있어요\",교통행정과\r\n"
                + "\"따옴표 \"\"강조\"\"\",공원 벤치 파손,PARKS\r\n"
                + ",,PARKS\r\n";
        byte[] bytes = csv.getBytes(TrainingFile.CP949);
        TrainingFile.Parsed p = TrainingFile.parse(bytes, "text/csv", null);
        assertThat(p.charset()).isEqualTo(TrainingFile.CP949);
        assertThat(p.format()).isEqualTo(TrainingFile.Format.CSV);
        assertThat(p.rows()).hasSize(2);
        assertThat(p.rows().get(0).body()).isEqualTo("소화전 앞에, 차가\r\n서 있어요");
        assertThat(p.rows().get(0).department()).isEqualTo("교통행정과");
        assertThat(p.rows().get(1).line()).isEqualTo(4);
        assertThat(p.rows().get(1).title()).isEqualTo("따옴표 \"강조\"");
        assertThat(p.problems()).extracting(TrainingFile.Problem::line).containsExactly(5);
    }

    @Test
    void utf8WithBomTabsAndANamedLabelField() {
        String tsv = "\uFEFFtext\tunit\n쓰레기 무단투기\tRESOURCE_CIRCULATION\n";
        TrainingFile.Parsed p = TrainingFile.parse(tsv.getBytes(StandardCharsets.UTF_8), null, "unit");
        assertThat(p.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(p.rows()).singleElement().satisfies(r -> {
            assertThat(r.body()).isEqualTo("쓰레기 무단투기");
            assertThat(r.department()).isEqualTo("RESOURCE_CIRCULATION");
        });
    }
}
