package kr.mokmin.knowledge.chunk;

import kr.mokmin.search.DocumentKind;

import static kr.mokmin.knowledge.chunk.LegalChunkingTest.only;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Text as the HWP/PDF parsers deliver it: no Markdown, page breaks, tables reported as spans with captions;
 * annexes; huge tables; 고시 with and without articles.
 */
class PlainTextAndTablesTest {

    /** Page spans from form feeds, as PDF text extraction separates pages. */
    static List<PageSpan> pagesByFormFeed(String text) {
        List<PageSpan> pages = new ArrayList<>();
        int start = 0;
        int page = 1;
        for (int i = text.indexOf('\f'); i >= 0; i = text.indexOf('\f', start)) {
            pages.add(new PageSpan(start, i, page++));
            start = i + 1;
        }
        pages.add(new PageSpan(start, text.length(), page));
        return pages;
    }

    @Test
    void plainTextOrdinanceWithPagesAndAReportedAnnexTable() {
        String text = Fixtures.text(Fixtures.PAJU_FEES_PLAIN);
        int tableStart = text.indexOf("구분\t단위\t수수료(원)");
        int tableEnd = text.indexOf("1,000", tableStart) + "1,000".length();
        String caption = "[별표] 제증명 등 수수료(제3조제3항 관련)";
        ChunkSource source = new ChunkSource(text, DocumentKind.ORDINANCE, pagesByFormFeed(text),
                List.of(new TableSpan(tableStart, tableEnd, caption)));

        List<Chunk> chunks = new Chunker().chunk(source);

        ChunkInvariants.check("plain", source, ChunkingPolicy.DEFAULT, chunks);
        assertThat(chunks).extracting(Chunk::locator).containsExactly(
                "제1조", "제2조", "제3조", "제4조", "제5조", "제6조",
                "제7조제1항제1호~제9호", "제7조제1항제10호~제15호", "제7조제2항~제3항", "제8조",
                "부칙 제1조~제2조", "부칙", "별표");
        Chunk first = chunks.get(0);
        assertThat(first.startOffset()).isZero(); // the title and the 시행 line join the first article
        assertThat(first.text()).startsWith("파주시 제증명 등 수수료 징수 조례\n[시행 2025. 11. 11.]");
        assertThat(first.heading()).isEqualTo("제1조(목적)");
        assertThat(only(chunks, "제3조").text()).startsWith("제3조(수수료) ① 「지방자치법");
        assertThat(only(chunks, "제7조제1항제10호~제15호").text()).startsWith("10. 「특수임무유공자");
        assertThat(only(chunks, "제7조제2항~제3항").heading()).isEqualTo("제7조(수수료의 감면 등)");
        Chunk supplement = only(chunks, "부칙 제1조~제2조");
        assertThat(supplement.text()).startsWith("부칙  제1조(시행일) 이 조례는 공포한 날부터 시행한다.\n제2조(경과조치)");
        assertThat(supplement.heading()).isEqualTo("부칙");
        assertThat(only(chunks, "부칙").text()).startsWith("부칙 (2020.7.10 조례 제1610호)");

        assertThat(only(chunks, "제4조").page()).isEqualTo(1);
        assertThat(only(chunks, "제5조").page()).isEqualTo(2);
        Chunk annex = only(chunks, "별표");
        assertThat(annex.page()).isEqualTo(3);
        assertThat(annex.heading()).isEqualTo(caption);
        assertThat(annex.text()).startsWith(caption).contains(text.substring(tableStart, tableEnd))
                .endsWith("실제 조례의 별표(첨부 hwp 파일)와 다릅니다.");
    }

    @Test
    void reportedTableIsKeptWholeWithItsCaptionWhenTheArticleIsSplit() {
        StringBuilder b = new StringBuilder("제5조(과태료의 부과기준) ① 과태료의 부과기준은 다음 표와 같다.\n\n<표 1> 위반행위별 과태료\n");
        int tableStart = b.length();
        b.append("위반행위\t근거 조문\t1차\t2차\t3차 이상\n");
        for (int i = 1; i <= 12; i++) {
            b.append("위반행위 ").append(i).append("\t법 제").append(20 + i).append("조\t10만원\t20만원\t30만원\n");
        }
        int tableEnd = b.length() - 1;
        b.append("② 시장은 위반행위의 정도, 동기와 그 결과 등을 고려하여 과태료 금액의 2분의 1 범위에서 줄일 수 있다.\n");
        String text = b.toString();
        ChunkingPolicy policy = new ChunkingPolicy(300, 0, 2_000);
        ChunkSource source = new ChunkSource(text, DocumentKind.ORDINANCE, List.of(),
                List.of(new TableSpan(tableStart, tableEnd, "위반행위별 과태료")));

        List<Chunk> chunks = new Chunker(policy).chunk(source);

        ChunkInvariants.check("table", source, policy, chunks);
        Chunk table = chunks.stream().filter(c -> c.text().contains("위반행위 12")).findFirst().orElseThrow();
        // the short lead sentence and the caption line stay with the table
        assertThat(table.text()).startsWith("제5조(과태료의 부과기준) ① 과태료의 부과기준은 다음 표와 같다.\n\n<표 1> 위반행위별 과태료\n")
                .contains("위반행위 1\t").endsWith("위반행위 12\t법 제32조\t10만원\t20만원\t30만원");
        assertThat(table.length()).isGreaterThan(300);
        assertThat(table.locator()).isEqualTo("제5조제1항");
        assertThat(table.heading()).isEqualTo("제5조(과태료의 부과기준)"); // the caption is in the text
        assertThat(chunks).extracting(Chunk::locator).containsExactly("제5조제1항", "제5조제2항");
    }

    @Test
    void captionGivenOnlyByTheParserGoesIntoTheHeading() {
        String row = "서울특별시\t파주시\t고양시\t1,000\t2,000\n";
        String text = "제3조(사용료) 사용료는 다음과 같다.\n" + row.repeat(20) + "이 표의 금액은 1일 기준이다.";
        int tableStart = text.indexOf("서울특별시");
        int tableEnd = text.indexOf("이 표의") - 1;
        ChunkingPolicy policy = new ChunkingPolicy(200, 0, 1_000);
        ChunkSource source = new ChunkSource(text, DocumentKind.ORDINANCE, List.of(),
                List.of(new TableSpan(tableStart, tableEnd, "표 2. 지역별 사용료")));

        List<Chunk> chunks = new Chunker(policy).chunk(source);

        ChunkInvariants.check("caption", source, policy, chunks);
        Chunk table = chunks.stream().filter(c -> c.endOffset() == tableEnd).findFirst().orElseThrow();
        assertThat(table.text()).startsWith("제3조(사용료) 사용료는 다음과 같다.\n서울특별시"); // short lead kept
        assertThat(table.heading()).isEqualTo("제3조(사용료) · 표 2. 지역별 사용료");
    }

    @Test
    void hugeTableIsCutBetweenRowsIntoNumberedParts() {
        StringBuilder b = new StringBuilder("## 3. 요금\n\n<표 1> 구간별 요금\n\n| 구간 | 요금 |\n|---|---|\n");
        for (int i = 1; i <= 400; i++) {
            b.append("| ").append(i).append("구간 | ").append(i * 100).append("원 |\n");
        }
        String text = b.toString();
        ChunkingPolicy policy = new ChunkingPolicy(300, 50, 2_000);
        ChunkSource source = ChunkSource.of(text, DocumentKind.GUIDELINE);

        List<Chunk> chunks = new Chunker(policy).chunk(source);

        ChunkInvariants.check("huge table", source, policy, chunks);
        assertThat(chunks).hasSizeGreaterThan(3);
        int n = chunks.size();
        for (int i = 0; i < n; i++) {
            Chunk c = chunks.get(i);
            assertThat(c.heading()).isEqualTo("3. 요금 (" + (i + 1) + "/" + n + ")");
            assertThat(c.locator()).isEqualTo("요금");
            assertThat(c.length()).isLessThanOrEqualTo(2_000);
            if (i > 0) {
                assertThat(c.text()).startsWith("| ").endsWith("원 |");
                assertThat(text.substring(chunks.get(i - 1).endOffset(), c.startOffset())).isBlank();
            }
        }
        assertThat(chunks.get(0).text()).startsWith("## 3. 요금\n\n<표 1> 구간별 요금");
    }

    @Test
    void longAnnexIsSplitByItsNumberedItems() {
        StringBuilder b = new StringBuilder("제1조(목적) 이 규칙은 과태료 부과에 필요한 사항을 정한다.\n\n");
        b.append("[별표 1] 과태료의 부과기준(제1조 관련)\n1. 일반기준\n");
        for (char c : "가나다라".toCharArray()) {
            b.append(c).append(". 위반행위의 횟수에 따른 과태료의 가중된 부과기준은 최근 1년간 같은 위반행위로 과태료 부과처분을 받은 경우에 적용한다.\n");
        }
        b.append("2. 개별기준\n");
        for (char c : "가나다".toCharArray()) {
            b.append(c).append(". 법 제12조를 위반하여 신고를 하지 않은 경우: 1차 위반 20만원, 2차 위반 40만원, 3차 이상 위반 60만원\n");
        }
        b.append("[별지 제1호서식] 과태료 부과 사전통지서\n(앞쪽) 성명, 주소, 위반 내용, 의견 제출 기한\n");
        String text = b.toString();
        ChunkingPolicy policy = new ChunkingPolicy(300, 0, 1_000);
        ChunkSource source = ChunkSource.of(text, DocumentKind.RULE);

        List<Chunk> chunks = new Chunker(policy).chunk(source);

        ChunkInvariants.check("annex", source, policy, chunks);
        assertThat(chunks).extracting(Chunk::locator).containsExactly(
                "제1조", "별표 1 제1호가목~나목", "별표 1 제1호다목~라목", "별표 1 제2호", "별지 제1호서식");
        assertThat(chunks.get(1).text()).startsWith("[별표 1] 과태료의 부과기준(제1조 관련)\n1. 일반기준\n가.");
        assertThat(chunks.get(1).heading()).isEqualTo("[별표 1] 과태료의 부과기준(제1조 관련)");
        assertThat(chunks.get(4).heading()).isEqualTo("[별지 제1호서식] 과태료 부과 사전통지서");
    }

    @Test
    void noticeWithArticlesIsReadAsLawAndWithoutAsAGuide() {
        String withArticles = "보건복지부 고시 제2025-000호\n\n제1조(목적) 이 고시는 기준 중위소득을 정함을 목적으로 한다.\n"
                + "제2조(기준 중위소득) 2026년 기준 중위소득은 별표와 같다.\n제3조(재검토기한) 이 고시는 매년 재검토한다.\n";
        assertThat(new Chunker().chunk(ChunkSource.of(withArticles, DocumentKind.NOTICE)))
                .extracting(Chunk::locator).containsExactly("제1조", "제2조", "제3조");

        String announcement = "2026년 거주자우선주차 배정 공고\n\n1. 신청 기간\n2026. 1. 2.부터 1. 20.까지\n\n"
                + "2. 신청 장소\n동 행정복지센터\n";
        assertThat(new Chunker().chunk(ChunkSource.of(announcement, DocumentKind.NOTICE)))
                .extracting(Chunk::locator).containsExactly("", "신청 기간", "신청 장소");
    }

    @Test
    void articleNumbersQuotedInsideTheTextAreNotArticles() {
        String text = "제1조(목적) 이 조례는 목적을 정한다.\n"
                + "제2조(다른 조례의 개정) 파주시 주차장 조례 일부를 다음과 같이 개정한다.\n"
                + "제33조제2항 중 \"보조금\"을 \"지방보조금\"으로 한다.\n"
                + "12. 「환경친화적자동차법」에 따른 자동차\n"
                + "제3조(시행규칙) 필요한 사항은 규칙으로 정한다.\n";

        List<Chunk> chunks = new Chunker().chunk(ChunkSource.of(text, DocumentKind.ORDINANCE));

        assertThat(chunks).extracting(Chunk::locator).containsExactly("제1조", "제2조", "제3조");
        assertThat(chunks.get(1).text()).endsWith("12. 「환경친화적자동차법」에 따른 자동차");
    }

    @Test
    void emptyAndBlankTextGiveNoChunks() {
        assertThat(new Chunker().chunk(ChunkSource.of("", DocumentKind.STATUTE))).isEmpty();
        assertThat(new Chunker().chunk(ChunkSource.of(" \n\t\u3000\n", DocumentKind.FAQ))).isEmpty();
    }
}
