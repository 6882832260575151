package kr.mokmin.triage.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExtractiveSummarizerTest {

    private final ExtractiveSummarizer summarizer = new ExtractiveSummarizer();

    @Test
    void anInformativeTitleIsTheSummary() {
        assertThat(summarizer.summarize("운서동 매연뿜는 가게 신고합니다.", "사진첨부한 가게입니다. 시정조치바랍니다.", 80))
                .isEqualTo("운서동 매연뿜는 가게 신고합니다.");
    }

    @Test
    void aGenericTitleGivesWayToTheRequestSentence() {
        String body = "안녕하세요. 수고 많으십니다.\n저는 금촌동에 사는 주민입니다.\n"
                + "금촌역 앞 횡단보도 신호등이 일주일째 고장 나 있습니다.\n"
                + "아이들이 위험하니 신호등을 빨리 고쳐 주세요.\n감사합니다.";
        assertThat(summarizer.summarize("민원 드립니다", body, 80)).isEqualTo("아이들이 위험하니 신호등을 빨리 고쳐 주세요.");
        assertThat(summarizer.summarize("궁금해요!", "공항철도 이용 시 연계 대중교통 환승할인이 왜 안 되는지요?", 80))
                .isEqualTo("공항철도 이용 시 연계 대중교통 환승할인이 왜 안 되는지요?");
    }

    @Test
    void greetingsAndAttachmentLinesAreNeverTheSummary() {
        String summary = summarizer.summarize("", "안녕하세요.\n수고하십니다.\n※ 첨부파일 : IMG_0001.jpg\n"
                + "공원 화장실 청소가 안 되어 악취가 심합니다.", 80);
        assertThat(summary).isEqualTo("공원 화장실 청소가 안 되어 악취가 심합니다.");
    }

    @Test
    void aShortRequestIsPrefixedWithWhatItIsAbout() {
        String summary = summarizer.summarize("민원", "아파트 앞 도로에 불법 현수막이 가득합니다.\n철거 바랍니다.", 80);
        assertThat(summary).isEqualTo("아파트 앞 도로에 불법 현수막이 가득합니다. … 철거 바랍니다.");
    }

    @Test
    void longLinesAreCutAtAWordWithAnEllipsis() {
        String title = "차이나타운 공영주차장을 주말과 공휴일에는 주민들에게만 개방하고 외부 차량은 8부두 주차장으로 안내해 주시기를 요청합니다";
        String summary = summarizer.summarize(title, "", 40);
        assertThat(summary).hasSizeLessThanOrEqualTo(40).endsWith("…");
        assertThat(title).startsWith(summary.substring(0, summary.length() - 1));
        assertThat(summary.charAt(summary.length() - 2)).isNotEqualTo(' ');
    }

    @Test
    void nothingToSayGivesTheTitleOrNothing() {
        assertThat(summarizer.summarize("문의", "", 80)).isEqualTo("문의");
        assertThat(summarizer.summarize(null, null, 80)).isEmpty();
        assertThatThrownBy(() -> summarizer.summarize("a", "b", 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
