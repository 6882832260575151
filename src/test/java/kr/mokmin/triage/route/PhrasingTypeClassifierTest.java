package kr.mokmin.triage.route;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import kr.mokmin.complaint.ComplaintType;
import kr.mokmin.triage.route.ComplaintTypeClassifier.TypePrediction;

class PhrasingTypeClassifierTest {

    private final PhrasingTypeClassifier classifier = new PhrasingTypeClassifier();

    private TypePrediction type(String title, String body) {
        return classifier.classify(title, body);
    }

    @Test
    void clearPhrasingsGetTheirTypeConfidently() {
        assertThat(type("대형폐기물 배출 방법 문의", "소파를 버리려면 어떻게 해야 하나요? 수수료는 얼마인가요?").type())
                .isEqualTo(ComplaintType.INQUIRY);
        assertThat(type("버스 노선 신설 건의", "운정역까지 가는 마을버스 노선을 신설해 주셨으면 좋겠습니다.").type())
                .isEqualTo(ComplaintType.PROPOSAL);
        assertThat(type("공장 악취 때문에 못 살겠습니다", "밤마다 악취가 심해 피해가 큽니다. 단속해 주세요.").type())
                .isEqualTo(ComplaintType.GRIEVANCE);
        assertThat(type("일반음식점 영업신고 신청", "식당 영업신고를 신청합니다. 신청서와 구비서류를 첨부합니다.").type())
                .isEqualTo(ComplaintType.STATUTORY);
        assertThat(type("친절한 공무원 칭찬합니다", "민원실 직원분이 친절하게 도와주셔서 감사드립니다.").type())
                .isEqualTo(ComplaintType.OTHER);
        TypePrediction clear = type("주차 단속 요청", "불법주차 차량 때문에 불편이 큽니다. 단속해 주세요.");
        assertThat(clear.type()).isEqualTo(ComplaintType.GRIEVANCE);
        assertThat(clear.confidence()).isGreaterThan(0.6);
    }

    @Test
    void spacingDoesNotMatter() {
        assertThat(type("문 의", "어떻게 해야 하 나요?").type()).isEqualTo(ComplaintType.INQUIRY);
        assertThat(type("건 의 사항", "신호등 을 설치 해 주세요").type()).isEqualTo(ComplaintType.PROPOSAL);
    }

    @Test
    void ambiguousOrEmptyTextsStayUncertain() {
        TypePrediction empty = type("", "");
        assertThat(empty.type()).isEqualTo(ComplaintType.OTHER);
        assertThat(empty.confidence()).isEqualTo(0.5);
        TypePrediction unclear = type("확인 바랍니다", "지난번 건 확인 부탁드립니다.");
        assertThat(unclear.confidence()).isLessThan(0.7);
        // a question and a complaint at once: both are evidence, neither is sure
        TypePrediction mixed = type("소음 문의", "공사장 소음이 심한데 몇 시까지 공사가 가능한가요?");
        assertThat(mixed.type()).isIn(ComplaintType.INQUIRY, ComplaintType.GRIEVANCE);
        assertThat(mixed.confidence()).isLessThan(0.75);
    }
}
