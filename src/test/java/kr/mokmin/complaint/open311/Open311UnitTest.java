package kr.mokmin.complaint.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import kr.mokmin.complaint.ComplaintStatus;

/** The plain-Java parts of the Open311 module: dates, Korean wording, body convention, XML safety. */
class Open311UnitTest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final Instant NOW = Instant.parse("2026-07-01T03:00:00Z");

    @Test
    void w3cDatesWithOffsetsZAndBareDates() {
        assertThat(Open311Dates.parse("start_date", "2010-05-24T00:00:00Z", SEOUL, false))
                .isEqualTo(Instant.parse("2010-05-24T00:00:00Z"));
        assertThat(Open311Dates.parse("start_date", "2026-05-24T09:00:00+09:00", SEOUL, false))
                .isEqualTo(Instant.parse("2026-05-24T00:00:00Z"));
        // '+' decoded to a space by a careless client
        assertThat(Open311Dates.parse("start_date", "2026-05-24T09:00:00 09:00", SEOUL, false))
                .isEqualTo(Instant.parse("2026-05-24T00:00:00Z"));
        assertThat(Open311Dates.parse("start_date", "2026-05-24", SEOUL, false))
                .isEqualTo(Instant.parse("2026-05-23T15:00:00Z"));
        // as an end, a bare date covers its whole day
        assertThat(Open311Dates.parse("end_date", "2026-05-24", SEOUL, true))
                .isEqualTo(Instant.parse("2026-05-24T15:00:00Z"));
        assertThat(Open311Dates.format(Instant.parse("2026-05-24T00:00:00.123Z"), SEOUL))
                .isEqualTo("2026-05-24T09:00:00+09:00");
    }

    @Test
    void windowDefaultsToTheLast90DaysAndRefusesMore() {
        var all = Open311Dates.window(null, null, NOW, SEOUL);
        assertThat(all.from()).isEqualTo(NOW.minus(Duration.ofDays(90)));
        assertThat(all.until()).isAfter(NOW);
        var fromStart = Open311Dates.window("2026-01-01T00:00:00Z", null, NOW, SEOUL);
        assertThat(fromStart.until()).isEqualTo(Instant.parse("2026-04-01T00:00:00.001Z"));
        var toEnd = Open311Dates.window(null, "2026-04-01T00:00:00Z", NOW, SEOUL);
        assertThat(toEnd.from()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        // exactly 90 days is fine, a second more is not
        Open311Dates.window("2026-01-01T00:00:00Z", "2026-04-01T00:00:00Z", NOW, SEOUL);
        assertThatThrownBy(() -> Open311Dates.window("2026-01-01T00:00:00Z", "2026-04-01T00:00:01Z", NOW, SEOUL))
                .isInstanceOf(Open311Exception.class).hasMessageContaining("90");
        assertThatThrownBy(() -> Open311Dates.window("2026-02-01T00:00:00Z", "2026-01-01T00:00:00Z", NOW, SEOUL))
                .isInstanceOf(Open311Exception.class).hasMessageContaining("end_date");
        assertThatThrownBy(() -> Open311Dates.window("2026-02-01T00:00:00", null, NOW, SEOUL))
                .isInstanceOf(Open311Exception.class).hasMessageContaining("시간대");
        assertThatThrownBy(() -> Open311Dates.window(null, "last week", NOW, SEOUL))
                .isInstanceOf(Open311Exception.class).hasMessageContaining("end_date");
    }

    @Test
    void statusMappingAndKoreanNotes() {
        assertThat(Open311Views.status(ComplaintStatus.RECEIVED)).isEqualTo("open");
        assertThat(Open311Views.status(ComplaintStatus.TRANSFERRED)).isEqualTo("open");
        assertThat(Open311Views.status(ComplaintStatus.ANSWERED)).isEqualTo("closed");
        assertThat(Open311Views.status(ComplaintStatus.CLOSED)).isEqualTo("closed");
        assertThat(Open311Views.status(ComplaintStatus.REJECTED)).isEqualTo("closed");

        assertThat(Open311Views.withEuro("도로관리과")).isEqualTo("로");
        assertThat(Open311Views.withEuro("감사관")).isEqualTo("으로");
        assertThat(Open311Views.withEuro("민원실")).isEqualTo("로"); // ㄹ takes 로
        assertThat(Open311Views.withEuro("IT팀")).isEqualTo("으로");
        assertThat(Open311Views.withEuro("CCTV")).isEqualTo("(으)로");
        assertThat(Open311Views.statusNotes(ComplaintStatus.TRANSFERRED, "감사관", null))
                .isEqualTo("이송: 감사관으로 이송되었습니다.");
        assertThat(Open311Views.statusNotes(ComplaintStatus.IN_PROGRESS, "하수과", null))
                .isEqualTo("처리중: 하수과에서 처리하고 있습니다.");
        assertThat(Open311Views.statusNotes(ComplaintStatus.CLOSED, null, "중복 민원"))
                .isEqualTo("종결: 민원이 종결되었습니다. 반려 사유: 중복 민원");
        assertThat(Open311Views.serviceNotice("교통행정과", Instant.parse("2026-07-08T03:00:00Z"), SEOUL))
                .isEqualTo("교통행정과에서 처리합니다. 처리기한은 2026년 7월 8일 12:00까지입니다.");
    }

    @Test
    void mediaUrlRoundTripsThroughTheBody() {
        String body = Open311Views.joinBody("맨홀 뚜껑이 없습니다.", "https://example.kr/a.jpg");
        assertThat(body).isEqualTo("맨홀 뚜껑이 없습니다.\n\n첨부 미디어: https://example.kr/a.jpg");
        assertThat(Open311Views.splitBody(body))
                .isEqualTo(new Open311Views.Body("맨홀 뚜껑이 없습니다.", "https://example.kr/a.jpg"));
        assertThat(Open311Views.splitBody("첨부 미디어는 없습니다."))
                .isEqualTo(new Open311Views.Body("첨부 미디어는 없습니다.", null));
        assertThat(Open311Views.limit("가".repeat(4001), 4000)).hasSize(4000).endsWith("…");
        assertThat(Open311Views.limit("😀".repeat(2001), 4000)).hasSize(3999).endsWith("😀…");
    }

    @Test
    void titlesAndNames() {
        assertThat(Open311Intake.title("도로 파손(포트홀) 신고", null)).isEqualTo("도로 파손(포트홀) 신고");
        assertThat(Open311Intake.title("도로 파손(포트홀) 신고", "  큰 구멍\n자세한 내용"))
                .isEqualTo("도로 파손(포트홀) 신고: 큰 구멍");
        assertThat(Open311Intake.title("신고", "가".repeat(50))).isEqualTo("신고: " + "가".repeat(40) + "…");
        assertThat(Open311Intake.name("길동", "홍")).isEqualTo("홍길동");
        assertThat(Open311Intake.name("john", "smith")).isEqualTo("john smith");
        assertThat(Open311Intake.name(null, "홍")).isEqualTo("홍");
        assertThat(Open311Intake.name(" ", null)).isNull();
    }

    @Test
    void xmlIsWellFormedWhateverTheText() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("description", "a\u0001b <c> & \"d\" 한글 \uD800 😀");
        fields.put("lat", 0.00001);
        fields.put("none", null);
        fields.put("list", new Open311Writer.Items("value", List.of("x", "y")));
        String xml = new String(Open311Writer.list(Open311Format.XML, "things", "thing", List.of(fields)),
                StandardCharsets.UTF_8);
        assertThat(xml).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><things><thing>"
                + "<description>ab &lt;c&gt; &amp; \"d\" 한글  😀</description><lat>0.00001</lat><none/>"
                + "<list><value>x</value><value>y</value></list></thing></things>");
        String json = new String(Open311Writer.list(Open311Format.JSON, "things", "thing", List.of(fields)),
                StandardCharsets.UTF_8);
        assertThat(json).startsWith("[{\"description\":").contains("\"none\":null", "\"list\":[\"x\",\"y\"]");
    }
}
