package kr.mokmin.triage.pii;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Numbers that look like personal information in complaints and law text but are not: nothing is masked. */
class PiiNegativesTest {

    private final KoreanPiiMasker masker = new KoreanPiiMasker();

    @ParameterizedTest
    @ValueSource(strings = {
        "2026-11-23", "2026.11.23", "2026. 11. 23.", "20261123", "2026/11/23 14:30",
        "1,500,000원", "36.000.000원", "7000-8000만원 정도 문의", "16조8200억원", "56조 2000억 원",
        "접수번호 2026-000123", "신청번호 1AA-1911-583340", "목록번호 41439",
        "지번 123-45", "금촌동 987번지", "산123-4 번지",
        "제12조제2항", "법률 제12345호", "2024-12-31 시행", "건축법 시행령 제14조제1항제3호",
        "ISBN 978-89-123-4567-8", "우편번호 10949", "14:30", "35.5%", "3호선 연장",
        "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16", "2019 2020 2021 2022",
        "대법원 1997.4.11. 선고 96도2753 판결", "지하4층 지상39층",
        "KakaoTalk_20190724_101514081.jpg", "20190724_101514.jpg", "1601193754517.jpg", "P6190302.JPG",
        "https://news.example.com/article/421/0004022342", "idxno=2019050910115290596",
        "사업장 관리번호 281120060419032773", "대표번호 1588-1234"})
    void isLeftAlone(String text) {
        assertThat(masker.detect(text)).as(text).isEmpty();
        assertThat(masker.mask(text).text()).isEqualTo(text);
    }

    @Test
    void lawTextWithPhoneLikeNumbersIsLeftAlone() {
        String law = "부칙 <법률 제12345호, 2024. 12. 31.> 제1조(시행일) 이 법은 2025년 7월 1일부터 시행한다. "
                + "다만, 제2조제1항제11호에 따른 사항은 2026-01-01 시행한다. (전문개정 2007. 12. 21.)";
        assertThat(masker.detect(law)).isEmpty();
    }
}
