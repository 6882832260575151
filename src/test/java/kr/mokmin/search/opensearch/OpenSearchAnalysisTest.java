package kr.mokmin.search.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import kr.mokmin.search.Fixtures;
import kr.mokmin.search.IndexedChunk;
import kr.mokmin.text.KoreanAnalyzers;

/**
 * The index's analysis, read back through {@code _analyze} on a real node: it must make the same terms as the
 * app's Lucene analyzers (the app analyses queries itself and sends terms), with the user dictionary, the Hanja
 * readings, and the synonyms of the hand-query analyzer.
 */
class OpenSearchAnalysisTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static OpenSearchIndex index;

    @BeforeAll
    static void createIndex() {
        index = OpenSearchIndex.connect(OpenSearchIndexTest.settings("analysis-"), null);
    }

    @AfterAll
    static void dropIndex() {
        index.close();
        EmbeddedOpenSearch.shared().deleteIndex(index.indexName());
    }

    private static List<String> analyze(String analyzer, String text) {
        String body = JSON.createObjectNode().put("analyzer", analyzer).put("text", text).toString();
        var response = EmbeddedOpenSearch.shared().request("POST", "/" + index.indexName() + "/_analyze", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> tokens = new ArrayList<>();
        try {
            for (JsonNode token : JSON.readTree(response.body()).path("tokens")) {
                tokens.add(token.path("token").asText());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return tokens;
    }

    /** Texts that exercise the user dictionary, Hanja (word-initial and inner), middle dots, Latin and digits. */
    private static List<String> samples() {
        List<String> texts = new ArrayList<>();
        for (List<IndexedChunk> document : Fixtures.all().values()) {
            for (IndexedChunk chunk : document) {
                texts.add(chunk.text());
                texts.add(chunk.title());
            }
        }
        texts.addAll(List.of(
                "주민등록등본 발급기에서 주민등록 등본을 뗐다",
                "소득 인정액과 기준중위소득, 이의 신청",
                "理由 管理 女子 勞動 良心 利用 來日 樂園 (女子)女",
                "그 理由는 設置·運營 및 소음ㆍ진동관리법 위반",
                "CCTV 설치 Wi-Fi 제32조제1항 2026년 3월",
                "포트홀 신고는 어디서 하나요? 대형폐기물 스티커!"));
        return texts;
    }

    @Test
    void noriFieldMakesTheSameTermsAsTheAppsAnalyzer() {
        assertSameTerms(OpenSearchSchema.NORI, KoreanAnalyzers.nori());
    }

    @Test
    void bigramFieldMakesTheSameTermsAsTheAppsAnalyzer() {
        assertSameTerms(OpenSearchSchema.BIGRAM, KoreanAnalyzers.bigram());
    }

    private static void assertSameTerms(String indexAnalyzer, Analyzer appAnalyzer) {
        for (String text : samples()) {
            assertThat(analyze(indexAnalyzer, text)).as(text).isEqualTo(KoreanAnalyzers.terms(appAnalyzer, "text", text));
        }
    }

    @Test
    void userDictionaryCompoundsKeepTheirParts() {
        assertThat(analyze(OpenSearchSchema.NORI, "주민등록등본")).containsExactly("주민등록등본", "주민", "등록", "등본");
        // nori alone reads a lone 등본 as 등
        assertThat(analyze(OpenSearchSchema.NORI, "등본")).containsExactly("등본");
    }

    @Test
    void hanjaIsReadAsHangulWithTheWordInitialRule() {
        assertThat(analyze(OpenSearchSchema.NORI, "大型廢棄物")).contains("대형", "폐기물");
        assertThat(analyze(OpenSearchSchema.BIGRAM, "理由 管理")).containsExactly("이유", "관리");
        assertThat(analyze(OpenSearchSchema.BIGRAM, "設置·運營")).containsExactly("설치", "운영");
    }

    @Test
    void handQueryAnalyzerAddsTheSynonyms() {
        List<String> tokens = analyze(OpenSearchSchema.NORI_SEARCH, "불법주차 과태료");
        assertThat(tokens).contains("불법", "주차", "과태료", "주정차", "위반");
        List<String> waste = analyze(OpenSearchSchema.NORI_SEARCH, "쓰레기 버리는 곳");
        // 폐기물 as its parts (the index has the compound and its parts), and the verb dropped (query stop tags)
        assertThat(waste).contains("쓰레기", "폐기", "물").doesNotContain("버리");
    }

    @Test
    void queriesPassThroughTheTextFieldsUnanalysed() {
        assertThat(analyze(OpenSearchSchema.TERMS, "주민등록등본 대형")).containsExactly("주민등록등본", "대형");
    }
}
