package kr.mokmin.knowledge.chunk;

import kr.mokmin.search.DocumentKind;

import static kr.mokmin.knowledge.chunk.Fixtures.CIVIL_SERVANTS_SUPPLEMENT;
import static kr.mokmin.knowledge.chunk.Fixtures.GOYANG_HOUSING;
import static kr.mokmin.knowledge.chunk.Fixtures.MINWON;
import static kr.mokmin.knowledge.chunk.Fixtures.PAJU_PARKING;
import static kr.mokmin.knowledge.chunk.Fixtures.PAJU_SINGLE;
import static kr.mokmin.knowledge.chunk.Fixtures.PARKING_ACT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Chunking real 법령 and 조례 (Markdown from legalize-kr and the ordinance mirror). */
class LegalChunkingTest {

    private static final Pattern MD_ARTICLE = Pattern.compile("(?m)^##### (제\\d+조(?:의\\d+)?)");
    private static final Pattern ARTICLE_OF_LOCATOR = Pattern.compile("^(제\\d+조(?:의\\d+)?)");

    private static List<Chunk> chunk(String name, DocumentKind kind, ChunkingPolicy policy) {
        return new Chunker(policy).chunk(ChunkSource.of(Fixtures.text(name), kind));
    }

    private static List<Chunk> statute(String name) {
        return chunk(name, DocumentKind.STATUTE, ChunkingPolicy.DEFAULT);
    }

    static Chunk only(List<Chunk> chunks, String locator) {
        List<Chunk> found = chunks.stream().filter(c -> c.locator().equals(locator)).toList();
        assertThat(found).as("chunks located at " + locator).hasSize(1);
        return found.get(0);
    }

    /** Chunks of one article: 제10조 and 제10조제…, not 제10조의2. */
    static List<Chunk> article(List<Chunk> chunks, String article) {
        return chunks.stream()
                .filter(c -> c.locator().equals(article) || c.locator().matches(Pattern.quote(article) + "제.*"))
                .toList();
    }

    @Test
    void minwonActArticle19IsOneChunk() {
        String text = Fixtures.text(MINWON);
        Chunk c = only(statute(MINWON), "제19조");

        assertThat(c.heading()).isEqualTo("제19조(처리기간의 계산)");
        assertThat(c.section()).isEqualTo("제2장 민원의 처리 > 제2절 민원의 처리기간ㆍ처리방법 등");
        assertThat(c.text()).startsWith("##### 제19조 (처리기간의 계산)")
                .contains("처리기간의 계산", "\"시간\" 단위로 계산", "공휴일과 토요일은 산입하지 아니한다")
                .endsWith("「민법」 제159조부터 제161조까지의 규정을 준용한다.");
        assertThat(c.startOffset()).isEqualTo(text.indexOf("##### 제19조 (처리기간의 계산)"));
        String last = "「민법」 제159조부터 제161조까지의 규정을 준용한다.";
        assertThat(c.endOffset()).isEqualTo(text.indexOf(last) + last.length());
        assertThat(c.page()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {MINWON, Fixtures.MINWON_DECREE, PARKING_ACT})
    void everyArticleHasAtLeastOneChunkInOrder(String name) {
        String text = Fixtures.text(name);
        Set<String> headings = new LinkedHashSet<>();
        Matcher m = MD_ARTICLE.matcher(text);
        while (m.find()) {
            headings.add(m.group(1));
        }
        Set<String> located = new LinkedHashSet<>();
        for (Chunk c : statute(name)) {
            Matcher a = ARTICLE_OF_LOCATOR.matcher(c.locator());
            if (a.find()) {
                located.add(a.group(1));
            }
        }
        assertThat(headings).hasSizeGreaterThan(40);
        assertThat(List.copyOf(located)).isEqualTo(List.copyOf(headings));
    }

    @Test
    void longArticleIsSplitBetweenParagraphsWithExactOffsets() {
        String text = Fixtures.text(MINWON);
        List<Chunk> article10 = article(statute(MINWON), "제10조");

        assertThat(article10).extracting(Chunk::locator).containsExactly("제10조제1항~제3항", "제10조제4항~제8항");
        assertThat(article10).extracting(Chunk::heading).containsOnly("제10조(불필요한 서류 요구의 금지)");
        Chunk first = article10.get(0);
        Chunk second = article10.get(1);
        int articleStart = text.indexOf("##### 제10조 (불필요한 서류 요구의 금지)");
        int paragraph4 = text.indexOf("**④** 행정기관의 장이 제3항에 따라");
        int nextArticle = text.indexOf("##### 제10조의2");
        assertThat(first.startOffset()).isEqualTo(articleStart);
        assertThat(second.startOffset()).isEqualTo(paragraph4);
        assertThat(text.substring(first.endOffset(), second.startOffset())).isBlank();
        assertThat(first.text()).endsWith("관계법령등에서 정한 수수료 등을 납부한 경우");
        assertThat(text.substring(second.endOffset(), nextArticle)).isBlank();
        assertThat(first.length()).isLessThanOrEqualTo(1_200);
        assertThat(second.length()).isLessThanOrEqualTo(1_200);
    }

    @Test
    void smallerChunksGoDownToParagraphsThenItems() {
        List<Chunk> article10 = article(chunk(MINWON, DocumentKind.STATUTE, new ChunkingPolicy(400, 0, 2_000)), "제10조");

        assertThat(article10).extracting(Chunk::locator).containsExactly(
                "제10조제1항~제2항", "제10조제3항제1호~제2호", "제10조제3항제3호~제4호", "제10조제4항~제6항",
                "제10조제7항~제8항");
        assertThat(article10.get(1).text()).startsWith("**③** 행정기관의 장은 민원을 접수ㆍ처리할 때에 다음 각 호의");
        assertThat(article10.get(2).text()).startsWith("3\\. 「전자정부법」 제36조제1항");
    }

    @Test
    void definitionsSplitByItemsAndSubItemsKeepTheLeadWithTheFirstItem() {
        List<Chunk> article2 = article(chunk(MINWON, DocumentKind.STATUTE, new ChunkingPolicy(200, 0, 1_000)), "제2조");

        assertThat(article2).extracting(Chunk::locator).contains(
                "제2조제1호", "제2조제1호가목", "제2조제1호나목", "제2조제2호", "제2조제3호가목", "제2조제3호다목");
        assertThat(article2.get(0).locator()).isEqualTo("제2조제1호");
        assertThat(article2.get(0).text()).startsWith("##### 제2조 (정의)\n\n이 법에서 사용하는 용어의 뜻은 다음과 같다.");
        assertThat(article2).allSatisfy(c -> assertThat(c.length()).isLessThanOrEqualTo(200));
        assertThat(article2).extracting(Chunk::heading).containsOnly("제2조(정의)");
    }

    @Test
    void chapterHeadingsAreContextAndOpenTheNextChunk() {
        List<Chunk> chunks = statute(MINWON);

        Chunk first = chunks.get(0);
        assertThat(first.locator()).isEqualTo("제1조");
        assertThat(first.startOffset()).isEqualTo(Fixtures.text(MINWON).indexOf("# 민원 처리에 관한 법률"));
        assertThat(first.text()).startsWith("# 민원 처리에 관한 법률\n\n## 제1장 총칙\n\n##### 제1조 (목적)");
        assertThat(first.section()).isEqualTo("제1장 총칙");
        Chunk article8 = only(chunks, "제8조");
        assertThat(article8.text()).startsWith("## 제2장 민원의 처리\n\n### 제1절 민원의 신청 및 접수 등\n\n##### 제8조");
        assertThat(article8.section()).isEqualTo("제2장 민원의 처리 > 제1절 민원의 신청 및 접수 등");
        assertThat(only(chunks, "제36조").section()).isEqualTo("제3장 민원제도의 개선 등");
        assertThat(only(chunks, "제46조").section()).isEqualTo("제4장 보칙"); // "<신설 2022.1.11>" dropped
        Chunk deleted = only(chunks, "제45조");
        assertThat(deleted.heading()).isEqualTo("제45조");
        assertThat(deleted.text()).isEqualTo("##### 제45조\n\n삭제 <2022.1.11>");
    }

    @Test
    void eachSupplementIsAUnitLocatedByItsArticles() {
        String text = Fixtures.text(MINWON);
        List<Chunk> supplements = statute(MINWON).stream().filter(c -> c.locator().startsWith("부칙")).toList();

        assertThat(supplements).extracting(Chunk::locator)
                .containsExactly("부칙 제1조~제5조", "부칙 제1조~제6조", "부칙", "부칙 제1조~제7조");
        Chunk first = supplements.get(0);
        assertThat(first.heading()).isEqualTo("부칙 <제13459호,2015.8.11>");
        assertThat(first.text()).startsWith("## 부칙\n\n부칙 <제13459호,2015.8.11>\n\n\n제1조(시행일) 이 법은 공포 후 6개월이")
                .contains("제5조(다른 법률과의 관계)");
        Chunk withoutArticles = supplements.get(2);
        assertThat(withoutArticles.heading()).isEqualTo("부칙");
        assertThat(withoutArticles.text()).startsWith("부칙 <제17515호,2020.10.20>")
                .contains("이 법은 공포 후 1년이 경과한 날부터 시행한다.", "부칙 <제18742호");
        Chunk last = supplements.get(3);
        assertThat(last.heading()).isEqualTo("부칙(행정절차법) <제18748호,2022.1.11>");
        assertThat(last.text()).endsWith("제45조를 삭제한다.");
        assertThat(last.endOffset()).isEqualTo(text.stripTrailing().length());
    }

    @Test
    void longSupplementIsSplitBetweenItsArticles() {
        List<Chunk> chunks = chunk(MINWON, DocumentKind.STATUTE, new ChunkingPolicy(300, 0, 1_000));
        List<Chunk> first = chunks.stream()
                .filter(c -> "부칙 <제13459호,2015.8.11>".equals(c.heading()) || "부칙 <제13459호,2015.8.11>".equals(c.section()))
                .toList();

        assertThat(first).extracting(Chunk::locator)
                .containsExactly("부칙 제1조~제3조", "부칙 제4조제1항~제2항", "부칙 제4조제3항", "부칙 제5조");
        assertThat(first.get(1).heading()).isEqualTo("제4조(다른 법률의 개정)");
        assertThat(first.get(1).section()).isEqualTo("부칙 <제13459호,2015.8.11>");
        assertThat(first.get(3).heading()).isEqualTo("제5조(다른 법률과의 관계)");
    }

    @Test
    void parkingActArticle19IsSplitIntoContiguousParagraphRuns() {
        String text = Fixtures.text(PARKING_ACT);
        List<Chunk> article19 = article(statute(PARKING_ACT), "제19조");

        assertThat(article19).hasSizeGreaterThanOrEqualTo(2);
        // the chunk opens with the chapter heading just above the article
        assertThat(article19.get(0).text()).startsWith("## 제5장 부설주차장 <개정 2010.3.22>\n\n##### 제19조 (부설주차장의 설치ㆍ지정)");
        assertThat(article19.get(0).locator()).startsWith("제19조제1항~");
        assertThat(article19.get(0).section()).isEqualTo("제5장 부설주차장");
        for (int i = 1; i < article19.size(); i++) {
            assertThat(text.substring(article19.get(i - 1).endOffset(), article19.get(i).startOffset())).isBlank();
            assertThat(article19.get(i).text()).startsWith("**");
        }
        assertThat(text.substring(article19.get(article19.size() - 1).endOffset(), text.indexOf("##### 제19조의2")))
                .isBlank();
    }

    @Test
    void mirrorHeadingsAreReplacedByTheArticleLabelsOfTheBody() {
        // The ordinance mirror shows 제2조의2 as "##### 제202조" and shifts titles by one in files with chapters.
        List<Chunk> chunks = chunk(PAJU_PARKING, DocumentKind.ORDINANCE, ChunkingPolicy.DEFAULT);

        assertThat(chunks).extracting(Chunk::locator)
                .contains("제2조의2", "제2조의3", "제3조의2", "제12조의6", "제14조의1", "제24조의3")
                .noneMatch(l -> l.matches("제\\d{3,}조.*") || l.startsWith("제0조"));
        Chunk article2 = only(chunks, "제2조");
        assertThat(article2.heading()).isEqualTo("제2조(적용범위)");
        assertThat(article2.text()).startsWith("##### 제2조 (주차장 수급 실태조사)\n\n제2조(적용범위) 파주시");
        assertThat(only(chunks, "제2조의2").heading()).isEqualTo("제2조의2(주차장 수급 실태조사)");
        assertThat(only(chunks, "제1조").section()).isEqualTo("제1장 총칙");
        assertThat(only(chunks, "제8조").section()).isEqualTo("제2장 노상 및 노외주차장");
        assertThat(only(chunks, "제19조").section()).isEqualTo("제3장 건축물 부설 주차장");
        assertThat(only(chunks, "제26조").section()).isEqualTo("제4장 보칙");
        assertThat(only(chunks, "제3조의2").text()).endsWith("[제3조의1에서 이동 <2019. 12. 27.>]");
    }

    @Test
    void ordinanceSupplementsWithInlineArticlesAndOneLineSupplements() {
        List<Chunk> chunks = chunk(PAJU_PARKING, DocumentKind.ORDINANCE, ChunkingPolicy.DEFAULT);

        Chunk inline = chunks.stream()
                .filter(c -> "부칙 (2012. 3. 30. 조례 제1023호)".equals(c.heading()))
                .findFirst().orElseThrow();
        assertThat(inline.locator()).isEqualTo("부칙 제1조~제2조");
        assertThat(inline.text()).startsWith("부칙 (2012. 3. 30. 조례 제1023호) 제1조(시행일) 이 조례는 공포한 날부터 시행한다.\n제2조(적용례)");
        List<Chunk> packed = chunks.stream().filter(c -> c.locator().equals("부칙")).toList();
        assertThat(packed).isNotEmpty().allSatisfy(c -> assertThat(c.length()).isLessThanOrEqualTo(1_200));
        assertThat(packed).anySatisfy(c -> assertThat(c.text().split("\n부칙 \\(")).hasSizeGreaterThan(2));
    }

    @Test
    void chaptersOfAnOrdinanceWithShiftedHeadings() {
        List<Chunk> chunks = chunk(GOYANG_HOUSING, DocumentKind.ORDINANCE, ChunkingPolicy.DEFAULT);

        assertThat(only(chunks, "제1조").heading()).isEqualTo("제1조(목적)");
        assertThat(only(chunks, "제2조").heading()).isEqualTo("제2조(종합계획의 수립)");
        assertThat(only(chunks, "제2조").section()).isEqualTo("제2장 공동주택의 관리업무 보조금 지원");
        assertThat(only(chunks, "제14조").section()).isEqualTo("제3장 공동주택관리분쟁조정위원회");
        assertThat(only(chunks, "제35조").heading()).isEqualTo("제35조(과태료 부과·징수)");
        assertThat(chunks.stream().filter(c -> c.locator().startsWith("제")).map(Chunk::heading).distinct())
                .hasSize(35);
    }

    @Test
    void ordinanceWithCorrectHeadingsAndUnlabelledBodies() {
        List<Chunk> chunks = chunk(PAJU_SINGLE, DocumentKind.ORDINANCE, ChunkingPolicy.DEFAULT);

        assertThat(chunks).extracting(Chunk::locator)
                .containsExactly("제1조", "제2조", "제3조", "제4조", "제5조", "제6조", "부칙");
        assertThat(only(chunks, "제3조").heading()).isEqualTo("제3조(시장의 책무)");
        assertThat(only(chunks, "부칙").heading()).isEqualTo("부칙 (2022. 4. 29. 조례 제1818호)");
        assertThat(only(chunks, "부칙").text()).endsWith("이 조례는 공포한 날부터 시행한다.");
    }

    @Test
    void gridTableInASupplementStaysWhole() {
        String text = Fixtures.text(CIVIL_SERVANTS_SUPPLEMENT);
        int tableStart = text.indexOf("+----");
        int tableEnd = text.indexOf('\n', text.lastIndexOf("\n+----") + 1);
        String table = text.substring(tableStart, tableEnd);

        Chunk whole = only(statute(CIVIL_SERVANTS_SUPPLEMENT), "부칙 제2조");
        assertThat(whole.text()).contains(table).endsWith("우란에 게기된 계급의 임용시험에 합격한 것으로 본다.");

        List<Chunk> small = chunk(CIVIL_SERVANTS_SUPPLEMENT, DocumentKind.STATUTE, new ChunkingPolicy(300, 0, 2_000));
        Chunk tableChunk = small.stream().filter(c -> c.text().contains("|                  5급갑류")).findFirst().orElseThrow();
        assertThat(tableChunk.text()).isEqualTo(table);
        assertThat(tableChunk.length()).isGreaterThan(300);
        assertThat(tableChunk.locator()).isEqualTo("부칙 제2조제1항");
        assertThat(tableChunk.heading()).isEqualTo("제2조(일반직공무원의 계급구분등에 대한 경과조치)");
        assertThat(small).extracting(Chunk::locator).containsSubsequence("부칙 제2조제1항", "부칙 제2조제1항", "부칙 제2조제2항");
    }
}
