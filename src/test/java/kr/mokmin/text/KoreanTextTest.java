package kr.mokmin.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KoreanTextTest {

    @Test
    void composesConjoiningJamoIntoSyllables() {
        // 민원 as conjoining jamo, as some HWP/PDF exports write it
        String jamo = "\u1106\u1175\u11AB\u110B\u116F\u11AB";
        assertThat(jamo).hasSize(6);
        assertThat(KoreanText.normalize(jamo)).isEqualTo("민원");
    }

    @Test
    void mapsCompatibilityIdeographsToUnifiedHanja() {
        // U+F9B5 (compatibility 例) and U+F91D (compatibility 欄) from old registers → unified 例, 欄
        assertThat(KoreanText.normalize("\uF9B5\uF91D")).isEqualTo("\u4F8B\u6B04");
    }

    @Test
    void dropsInvisibleCharactersAndUnifiesSpaces() {
        assertThat(KoreanText.normalize("주민\u200B등록\uFEFF등본\u00A0발급\u3000신청\u0007"))
                .isEqualTo("주민등록등본 발급 신청");
    }

    @Test
    void keepsLineBreaksAndLeavesCleanTextAlone() {
        String text = "제1조(목적)\n이 법은 국민의 기본적 생활을 보장한다.\t끝";
        assertThat(KoreanText.normalize(text)).isSameAs(text);
    }

    @Test
    void nullAndEmptyBecomeEmpty() {
        assertThat(KoreanText.normalize(null)).isEmpty();
        assertThat(KoreanText.normalize("")).isEmpty();
    }

    @Test
    void withoutSpacesIgnoresKoreanSpacingDifferences() {
        assertThat(KoreanText.withoutSpaces("불법 주\u00A0차")).isEqualTo(KoreanText.withoutSpaces("불법주차"));
    }
}
