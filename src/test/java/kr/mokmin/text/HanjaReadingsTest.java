package kr.mokmin.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;

import org.junit.jupiter.api.Test;

class HanjaReadingsTest {

    @Test
    void readsSinoKoreanWords() {
        assertThat(HanjaReadings.toHangul("大型廢棄物 收去 條例")).isEqualTo("대형폐기물 수거 조례");
        assertThat(HanjaReadings.toHangul("國民基礎生活保障法 第1條")).isEqualTo("국민기초생활보장법 제1조");
        // words from the statutes' parenthesised Hanja
        assertThat(HanjaReadings.toHangul("燃燒滓 汚泥 廢油 算入")).isEqualTo("연소재 오니 폐유 산입");
    }

    @Test
    void appliesTheInitialSoundRuleOnlyAtTheStartOfAWord() {
        assertThat(HanjaReadings.toHangul("理由")).isEqualTo("이유");
        assertThat(HanjaReadings.toHangul("管理")).isEqualTo("관리");
        assertThat(HanjaReadings.toHangul("女子")).isEqualTo("여자");
        assertThat(HanjaReadings.toHangul("勞動")).isEqualTo("노동");
        assertThat(HanjaReadings.toHangul("(良好)")).isEqualTo("(양호)");
        // after a Hangul particle-less join the syllable is inside a word: 이 條例 vs 條例는
        assertThat(HanjaReadings.toHangul("先例")).isEqualTo("선례");
    }

    @Test
    void leavesEverythingElseAlone() {
        String mixed = "제12조(과태료) ① 100만원 — ABC ㄱㄴ";
        assertThat(HanjaReadings.toHangul(mixed)).isEqualTo(mixed);
        assertThat(HanjaReadings.isHanja('國')).isTrue();
        assertThat(HanjaReadings.isHanja('국')).isFalse();
    }

    @Test
    void charFilterKeepsOffsetsAndCarriesContextAcrossReads() throws IOException {
        try (Reader filter = new KoreanCharFilter(new StringReader("管理 理由·設置"))) {
            char[] one = new char[1];
            StringBuilder out = new StringBuilder();
            // one char per read: the word-initial rule must still see the previous char
            while (filter.read(one, 0, 1) == 1) {
                out.append(one[0]);
            }
            assertThat(out.toString()).isEqualTo("관리 이유 설치");
        }
    }
}
