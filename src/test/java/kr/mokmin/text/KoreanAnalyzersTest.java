package kr.mokmin.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.ko.KoreanTokenizer.DecompoundMode;
import org.junit.jupiter.api.Test;

/** Sentences from the statutes in shared/data/laws (public domain), analysed as the index analyses them. */
class KoreanAnalyzersTest {

    /** 국민기초생활 보장법 제8조제2항. */
    static final String LIVELIHOOD = "생계급여 수급권자는 부양의무자가 없거나, 부양의무자가 있어도 부양능력이 없거나 "
            + "부양을 받을 수 없는 사람으로서 그 소득인정액이 제20조제2항에 따른 중앙생활보장위원회의 심의ㆍ의결을 "
            + "거쳐 결정하는 금액 이하인 사람으로 한다. 이 경우 생계급여 선정기준은 기준 중위소득의 100분의 30 "
            + "이상으로 한다.";

    /** 주차장법 제30조제1항제1호. */
    static final String PARKING = "제6조의3제3항을 위반하여 노외주차장 또는 부설주차장의 출입구에 자동차를 주차하여 "
            + "다른 자동차의 진출입을 못하게 한 자";

    private final Analyzer nori = KoreanAnalyzers.nori();
    private final Analyzer query = KoreanAnalyzers.noriQuery();
    private final Analyzer bigram = KoreanAnalyzers.bigram();

    private List<String> terms(Analyzer analyzer, String text) {
        return KoreanAnalyzers.terms(analyzer, "text", KoreanText.normalize(text));
    }

    @Test
    void noriDropsParticlesAndKeepsCompoundsWithTheirParts() {
        List<String> terms = terms(nori, LIVELIHOOD);
        assertThat(terms).contains("생계급여", "생계", "급여", "수급권자", "부양", "의무자", "소득인정액",
                "인정액", "중위소득", "중위", "소득", "심의", "의결", "100", "30");
        // particles (는, 의, 으로, 에) and endings never become terms
        assertThat(terms).doesNotContain("는", "의", "으로", "에", "이다", "거나");
    }

    @Test
    void spacedAndSolidSpellingsMeetOnTheSameTerms() {
        // A citizen writes "기준 중위소득" or "기준중위소득"; the statute writes "기준 중위소득"
        assertThat(terms(nori, "기준중위소득")).containsAll(terms(nori, "기준 중위 소득"));
        assertThat(terms(nori, "주민등록등본을 발급받으려면")).contains("주민", "등록", "등본");
        assertThat(terms(nori, "주민등록 등본 발급")).contains("주민", "등록", "등본", "발급");
    }

    @Test
    void parkingStatuteMatchesACitizensWords() {
        assertThat(terms(nori, PARKING)).contains("부설주차장", "주차장", "주차", "출입구", "자동차", "위반");
        assertThat(terms(nori, "불법 주차 과태료는 얼마인가요?")).contains("불법", "주차", "과태료");
    }

    @Test
    void hanjaIsReadAsHangul() {
        // statute titles and old ordinances still print Hanja words
        assertThat(terms(nori, "國民基礎生活保障法")).contains("국민", "기초", "생활", "보장");
        assertThat(terms(nori, "委員會의 議決을 거쳐")).contains("위원", "의결");
        // words nori's dictionary does not read (廢棄物 alone would come out as 기물)
        assertThat(terms(nori, "大型廢棄物의 收去")).containsAll(terms(nori, "대형폐기물의 수거"));
        assertThat(terms(bigram, "大型廢棄物")).containsExactly("대형", "형폐", "폐기", "기물");
    }

    @Test
    void queryAnalyzerKeepsOnlyContentWords() {
        assertThat(terms(query, "주민등록 등본 발급은 어떻게 하나요?"))
                .containsExactly("주민", "등록", "등본", "발급");
        assertThat(terms(query, "불법 주차 과태료는 얼마인가요?")).containsExactly("불법", "주차", "과태료", "얼마");
    }

    @Test
    void middleDotsSeparateListItems() {
        assertThat(terms(nori, "소음ㆍ진동관리법")).contains("소음", "진동", "관리법");
        assertThat(terms(bigram, "설치·운영")).containsExactly("설치", "운영");
    }

    @Test
    void latinIsLowerCased() {
        assertThat(terms(nori, "CCTV 설치")).containsExactly("cctv", "설치");
        assertThat(terms(bigram, "CCTV")).containsExactly("cctv");
    }

    @Test
    void bigramsMatchAcrossSpacingAndUnknownWords() {
        assertThat(terms(bigram, "불법주정차 과태료는")).containsExactly("불법", "법주", "주정", "정차", "과태", "태료", "료는");
        // both spellings share 불법/주차 ... and 포트홀, unknown to the dictionary, still yields its bigrams
        assertThat(terms(bigram, "불법주차")).containsAll(terms(bigram, "불법 주차"));
        assertThat(terms(bigram, "포트홀 신고")).containsExactly("포트", "트홀", "신고");
    }

    @Test
    void discardModeKeepsOnlyTheParts() {
        Analyzer discard = KoreanAnalyzers.nori(DecompoundMode.DISCARD, true, KoreanAnalyzers.INDEX_STOP_TAGS);
        assertThat(terms(discard, "주민등록등본")).containsExactly("주민", "등록", "등본");
        assertThat(terms(nori, "주민등록등본")).containsExactly("주민등록등본", "주민", "등록", "등본");
    }

    @Test
    void emptyAndPunctuationOnlyTextHasNoTerms() {
        assertThat(terms(nori, "")).isEmpty();
        assertThat(terms(nori, "?!… ((( ]]")).isEmpty();
        assertThat(terms(bigram, "?!… ((( ]]")).isEmpty();
    }
}
