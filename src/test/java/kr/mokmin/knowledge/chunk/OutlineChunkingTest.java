package kr.mokmin.knowledge.chunk;

import kr.mokmin.search.DocumentKind;

import static kr.mokmin.knowledge.chunk.LegalChunkingTest.only;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** FAQs, guides and other documents without 조: heading paths, question/answer pairs, paragraphs with overlap. */
class OutlineChunkingTest {

    @Test
    void faqKeepsEachQuestionWithItsAnswer() {
        String text = Fixtures.text(Fixtures.FAQ);
        List<Chunk> chunks = new Chunker().chunk(ChunkSource.of(text, DocumentKind.FAQ));

        assertThat(chunks).extracting(Chunk::locator).containsExactly(
                "",
                "처리기간 > 민원 처리기간은 어떻게 계산하나요?",
                "처리기간 > 처리기간 안에 처리하기 어려우면 어떻게 되나요?",
                "민원 신청 > 전화로도 민원을 신청할 수 있나요?",
                "민원 신청 > 같은 내용을 여러 번 신청하면 어떻게 처리되나요?",
                "기타 > 민원 처리결과는 어디에서 확인하나요?");
        assertThat(chunks.get(0).text()).startsWith("# 민원 자주 묻는 질문").endsWith("요약한 것입니다.");
        Chunk computing = chunks.get(1);
        assertThat(computing.text()).startsWith("## 처리기간\n\nQ. 민원 처리기간은 어떻게 계산하나요?\nA. 처리기간을 5일 이하로")
                .endsWith("(법 제19조).");
        assertThat(computing.heading()).isEqualTo("Q. 민원 처리기간은 어떻게 계산하나요?");
        assertThat(computing.section()).isEqualTo("처리기간");
        // a numbered list inside an answer is part of the answer, not a new section
        assertThat(chunks.get(2).text()).endsWith("2. 연장 후에도 처리하지 못하면 민원인의 동의를 받아 다시 연장할 수 있습니다.");
        assertThat(chunks.get(4).text()).startsWith("질문: 같은 내용을").contains("답변: 정당한 사유 없이");
        // in an FAQ a short paragraph ending in "?" is a question even without "Q."
        assertThat(chunks.get(5).text()).startsWith("## 기타\n\n민원 처리결과는 어디에서 확인하나요?")
                .endsWith("문의: 민원여권과 (시험용 예시)");
    }

    @Test
    void longAnswerIsSplitButKeepsTheQuestionAsHeading() {
        String answer = "행정기관의 장은 민원을 접수한 후 처리기간 안에 처리하여야 합니다. ".repeat(20);
        String text = "Q. 처리기간은 얼마나 되나요?\nA. " + answer + "\n\nQ. 다른 질문인가요?\nA. 예.";
        ChunkingPolicy policy = new ChunkingPolicy(300, 60, 1_000);
        ChunkSource source = ChunkSource.of(text, DocumentKind.FAQ);

        List<Chunk> chunks = new Chunker(policy).chunk(source);

        ChunkInvariants.check("long answer", source, policy, chunks);
        List<Chunk> first = chunks.stream().filter(c -> c.heading().equals("Q. 처리기간은 얼마나 되나요?")).toList();
        assertThat(first).hasSizeGreaterThan(1)
                .allSatisfy(c -> assertThat(c.locator()).isEqualTo("처리기간은 얼마나 되나요?"));
        assertThat(chunks.get(chunks.size() - 1).text()).isEqualTo("Q. 다른 질문인가요?\nA. 예.");
    }

    @Test
    void guideSectionsAreLocatedByTheirHeadingPath() {
        String text = Fixtures.text(Fixtures.GUIDE);

        List<Chunk> whole = new Chunker().chunk(ChunkSource.of(text, DocumentKind.GUIDELINE));
        assertThat(whole).extracting(Chunk::locator).containsExactly("", "신청 대상", "신청 방법", "요금", "문의");
        assertThat(only(whole, "신청 방법").heading()).isEqualTo("2. 신청 방법");
        assertThat(only(whole, "신청 방법").text()).startsWith("## 2. 신청 방법\n\n### 가. 구비서류")
                .endsWith("결과는 신청 마감 후 10일 안에 문자로 알립니다.");

        ChunkingPolicy small = new ChunkingPolicy(200, 40, 1_000);
        ChunkSource source = ChunkSource.of(text, DocumentKind.GUIDELINE);
        List<Chunk> parts = new Chunker(small).chunk(source);
        ChunkInvariants.check("guide", source, small, parts);
        assertThat(parts).extracting(Chunk::locator).containsExactly(
                "", "신청 대상", "신청 방법 > 구비서류", "신청 방법 > 신청 기간과 접수처", "요금", "요금", "문의");
        Chunk documents = only(parts, "신청 방법 > 구비서류");
        assertThat(documents.heading()).isEqualTo("가. 구비서류");
        assertThat(documents.section()).isEqualTo("신청 방법");
        assertThat(documents.text()).startsWith("## 2. 신청 방법\n\n### 가. 구비서류\n\n1. 거주자우선주차 신청서 1부");
    }

    @Test
    void tableWithCaptionStaysWholeInAGuide() {
        String text = Fixtures.text(Fixtures.GUIDE);
        int captionStart = text.indexOf("<표 1> 급지별 월 사용료");
        int tableEnd = text.indexOf("| 3급지 | 20,000원 | 10,000원 | 25,000원 |") + "| 3급지 | 20,000원 | 10,000원 | 25,000원 |".length();
        ChunkingPolicy tiny = new ChunkingPolicy(200, 0, 1_000);

        List<Chunk> chunks = new Chunker(tiny).chunk(ChunkSource.of(text, DocumentKind.WELFARE));

        Chunk table = chunks.stream().filter(c -> c.text().contains("| 1급지 |")).findFirst().orElseThrow();
        assertThat(table.startOffset()).isLessThanOrEqualTo(captionStart);
        assertThat(table.endOffset()).isEqualTo(tableEnd);
        assertThat(table.text()).contains("<표 1> 급지별 월 사용료(시험용 예시)", "| 2급지 |", "| 3급지 |");
        assertThat(table.length()).isGreaterThan(200);
        assertThat(table.locator()).isEqualTo("요금");
    }

    @Test
    void markersOfAdministrativeDocumentsMakeHeadingsButSentencesDoNot() {
        String text = """
                □ 지원 대상
                 ○ 기준 중위소득 50% 이하 가구
                 ○ 재산 기준 이하 가구
                □ 지원 내용
                 ○ 생계비: 1인 가구 월 73만원
                 ○ 지원 기간은 1개월이며 필요하면 연장할 수 있습니다.
                1. 이 줄은 번호로 시작하지만 문장이므로 제목이 아닙니다.
                """;
        ChunkingPolicy small = new ChunkingPolicy(200, 0, 1_000);

        List<Chunk> chunks = new Chunker(small).chunk(ChunkSource.of(text, DocumentKind.WELFARE));

        assertThat(chunks).extracting(Chunk::locator).containsExactly("지원 대상", "지원 내용");
        assertThat(chunks.get(1).text()).endsWith("제목이 아닙니다.");
        assertThat(chunks.get(1).heading()).isEqualTo("□ 지원 내용");
    }

    @Test
    void longTextWithoutHeadingsIsCutAtSentencesWithOverlap() {
        String paragraph = "민원의 처리기간을 5일 이하로 정한 경우에는 민원의 접수시각부터 시간 단위로 계산한다. "
                + "이 경우 1일은 8시간의 근무시간을 기준으로 한다. 공휴일과 토요일은 산입하지 아니한다. ";
        String text = (paragraph.repeat(3) + "\n\n").repeat(6);
        ChunkingPolicy policy = new ChunkingPolicy(400, 100, 1_000);
        ChunkSource source = ChunkSource.of(text, DocumentKind.OTHER);

        List<Chunk> chunks = new Chunker(policy).chunk(source);

        ChunkInvariants.check("overlap", source, policy, chunks);
        assertThat(chunks.size()).isGreaterThan(4);
        assertThat(chunks).extracting(Chunk::locator).containsOnly("");
        assertThat(chunks).allSatisfy(c -> {
            assertThat(c.length()).isLessThanOrEqualTo(400);
            assertThat(c.text()).endsWith(".");
            assertThat(c.text()).matches("(?s)(민원의|이 경우|공휴일과).*");
        });
        boolean overlapped = false;
        for (int i = 1; i < chunks.size(); i++) {
            overlapped |= chunks.get(i).startOffset() < chunks.get(i - 1).endOffset();
        }
        assertThat(overlapped).isTrue();
    }
}
