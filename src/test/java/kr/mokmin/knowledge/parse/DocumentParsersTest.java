package kr.mokmin.knowledge.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One document per format, generated here, read back through the registry. */
class DocumentParsersTest {

    private static final DocumentParsers PARSERS = DocumentParsers.create(ParseLimits.defaults(), OcrEngine.NONE);

    @TempDir
    Path dir;

    @Test
    void utf8Text() throws Exception {
        ExtractedDocument doc = PARSERS.parse(Fixtures.text(dir, "조례.txt", StandardCharsets.UTF_8, false));
        assertThat(doc.detectedFormat()).isEqualTo(DocumentFormat.PLAIN_TEXT);
        assertThat(doc.metadata()).containsEntry("charset", "UTF-8");
        assertThat(doc.text()).isEqualTo(Fixtures.TITLE + "\n\n" + Fixtures.ARTICLE_1 + "\n" + Fixtures.ARTICLE_2
                + "\n" + Fixtures.ARTICLE_3 + "\n");
        assertNormalised(doc);
    }

    @Test
    void utf8TextWithBom() throws Exception {
        ExtractedDocument doc = PARSERS.parse(Fixtures.text(dir, "bom.txt", StandardCharsets.UTF_8, true));
        assertThat(doc.metadata()).containsEntry("charset", "UTF-8 (BOM)");
        assertThat(doc.text()).startsWith(Fixtures.TITLE);
    }

    @Test
    void cp949Text() throws Exception {
        Path file = Fixtures.text(dir, "조례-euckr.txt", Charset.forName("x-windows-949"), false);
        ExtractedDocument doc = PARSERS.parse(file);
        assertThat(doc.detectedFormat()).isEqualTo(DocumentFormat.PLAIN_TEXT);
        assertThat(doc.metadata()).containsEntry("charset", "CP949");
        assertThat(doc.text()).contains(Fixtures.ARTICLE_1, "坡州市");
    }

    @Test
    void textLooksTheSameWhateverTheEncoding() throws Exception {
        String utf8 = PARSERS.parse(Fixtures.text(dir, "a.txt", StandardCharsets.UTF_8, false)).text();
        String cp949 = PARSERS.parse(Fixtures.text(dir, "b.txt", Charset.forName("x-windows-949"), false)).text();
        String bom = PARSERS.parse(Fixtures.text(dir, "c.txt", StandardCharsets.UTF_8, true)).text();
        assertThat(cp949).isEqualTo(utf8);
        assertThat(bom).isEqualTo(utf8);
    }

    @Test
    void decomposedHangulIsComposed() throws Exception {
        String nfd = Normalizer.normalize("제1조 파주시", Normalizer.Form.NFD);
        Path file = Files.writeString(dir.resolve("nfd.txt"), nfd);
        assertThat(PARSERS.parse(file).text()).isEqualTo("제1조 파주시\n");
    }

    @Test
    void markdownLawWithFrontMatter() throws Exception {
        Path law = Path.of(getClass().getResource("law-공휴일에관한법률.md").toURI());
        Path copy = Files.copy(law, dir.resolve("법률.md"));
        ExtractedDocument doc = PARSERS.parse(copy);
        assertThat(doc.detectedFormat()).isEqualTo(DocumentFormat.MARKDOWN);
        assertThat(doc.metadata())
                .containsEntry("제목", "공휴일에 관한 법률")
                .containsEntry("title", "공휴일에 관한 법률")
                .containsEntry("법령ID", "014112")
                .containsEntry("시행일자", "2026-05-11")
                .containsEntry("소관부처", "인사혁신처")
                .containsEntry("첨부파일", "");
        assertThat(doc.metadata().keySet()).startsWith("제목", "법령MST", "법령ID");
        assertThat(doc.text()).doesNotContain("---", "법령MST", "**", "\\.");
        assertThat(doc.text()).contains("① 제2조에 따른 공휴일이", "  1. 「국경일에 관한 법률」에 따른 국경일\n  2. 1월 1일\n");
        assertThat(doc.headings()).extracting(h -> doc.text().substring(h.start(), h.end()))
                .startsWith("공휴일에 관한 법률", "제1조 (목적)", "제2조 (공휴일)");
        assertThat(doc.headings().get(0).level()).isEqualTo(1);
        assertThat(doc.headings().get(1).level()).isEqualTo(5);
        assertNormalised(doc);
    }

    @Test
    void markdownWithoutFrontMatterIsRecognisedByItsHeadings() throws Exception {
        Path file = Files.writeString(dir.resolve("notice"), """
                # 공고 제2026-1호

                ## 신청 기간

                | 구분 | 기간 |
                | --- | --- |
                | 1차 | 3월 **2일**까지 |
                | 2차 | 4월 \\| 5월 |

                자세한 내용은 [누리집](https://example.go.kr)을 보십시오.
                """);
        ExtractedDocument doc = PARSERS.parse(file);
        assertThat(doc.detectedFormat()).isEqualTo(DocumentFormat.MARKDOWN);
        assertThat(doc.title()).isEqualTo("공고 제2026-1호");
        assertThat(doc.tables()).hasSize(1);
        assertThat(doc.tableText(0)).isEqualTo("구분 | 기간\n1차 | 3월 2일까지\n2차 | 4월 \\| 5월\n");
        assertThat(doc.text()).contains("자세한 내용은 누리집을 보십시오.");
    }

    @Test
    void html() throws Exception {
        ExtractedDocument doc = PARSERS.parse(Files.writeString(dir.resolve("page.html"), Fixtures.html()));
        assertThat(doc.detectedFormat()).isEqualTo(DocumentFormat.HTML);
        assertThat(doc.title()).isEqualTo(Fixtures.TITLE);
        assertThat(doc.metadata()).containsEntry("author", "파주시 민원여권과");
        assertThat(doc.text()).doesNotContain("tracking", "분석 스크립트", "font-family", "전체 메뉴");
        assertThat(doc.text()).contains(Fixtures.ARTICLE_1 + "\n", Fixtures.ARTICLE_2 + "\n별표 참조\n",
                Fixtures.ARTICLE_3);
        assertTable(doc);
        assertThat(doc.headings()).extracting(HeadingSpan::level).containsExactly(1, 2);
        assertThat(doc.text().substring(doc.headings().get(1).start(), doc.headings().get(1).end())).isEqualTo("부칙");
        assertNormalised(doc);
    }

    @Test
    void htmlPageWrappedInAFormKeepsItsContent() throws Exception {
        Path file = Files.writeString(dir.resolve("webform.aspx"), """
                <!DOCTYPE html><html><body><form id="form1" method="post" action="./view.aspx">
                <input type="hidden" name="__VIEWSTATE" value="dDwtMTA4MTc2NDM5OTs7Pg==">
                <h3>여권 발급 안내</h3><p>여권 발급 신청은 본인이 직접 하여야 합니다.</p>
                <select name="lang"><option>한국어</option><option>English</option></select>
                <button type="submit">검색</button></form></body></html>
                """);
        ExtractedDocument doc = PARSERS.parse(file);
        assertThat(doc.text()).isEqualTo("여권 발급 안내\n여권 발급 신청은 본인이 직접 하여야 합니다.\n");
    }

    @Test
    void htmlInEucKrWithoutExtension() throws Exception {
        Path file = dir.resolve("upload");
        Files.write(file, Fixtures.html().replace("utf-8", "euc-kr").getBytes(Charset.forName("x-windows-949")));
        ExtractedDocument doc = PARSERS.parse(file);
        assertThat(doc.detectedFormat()).isEqualTo(DocumentFormat.HTML);
        assertThat(doc.metadata()).containsEntry("charset", "CP949");
        assertThat(doc.text()).contains(Fixtures.ARTICLE_1);
    }

    @Test
    void pdfWithKoreanFontHasPages() throws Exception {
        assumeTrue(Fixtures.hasKoreanFont(), "assumption: fonts-nanum is installed (" + Fixtures.NANUM_GOTHIC
                + "); CI installs it");
        ExtractedDocument doc = PARSERS.parse(Fixtures.pdf(dir, "조례.pdf"));
        assertThat(doc.detectedFormat()).isEqualTo(DocumentFormat.PDF);
        assertThat(doc.title()).isEqualTo(Fixtures.TITLE);
        assertThat(doc.metadata()).containsEntry("author", "파주시").containsEntry("pages", "3");
        assertThat(doc.pages()).extracting(PageSpan::page).containsExactly(1, 2, 3);
        assertThat(doc.pages()).noneMatch(PageSpan::ocr);
        assertThat(doc.pageText(1)).contains(Fixtures.TITLE, "제1조(목적) 이 조례는 坡州市");
        assertThat(doc.pageText(2)).contains(Fixtures.ARTICLE_2, "토지대장(土地臺帳) 열람 300원 坡州市 민원실")
                .doesNotContain("제1조");
        assertThat(doc.pageText(3)).isEqualTo(Fixtures.ARTICLE_3 + "\n");
        // pages tile the text
        assertThat(doc.pages().get(0).start()).isZero();
        assertThat(doc.pages().get(1).start()).isEqualTo(doc.pages().get(0).end());
        assertThat(doc.pages().get(2).end()).isEqualTo(doc.text().length());
        assertThat(doc.tables()).as("PDF has no table structure").isEmpty();
        assertThat(doc.warnings()).isEmpty();
        assertNormalised(doc);
    }

    @Test
    void docx() throws Exception {
        ExtractedDocument doc = PARSERS.parse(Fixtures.docx(dir, "조례.docx"));
        assertThat(doc.detectedFormat()).isEqualTo(DocumentFormat.DOCX);
        assertThat(doc.title()).isEqualTo(Fixtures.TITLE);
        assertThat(doc.metadata()).containsEntry("author", "파주시 민원여권과");
        assertThat(doc.text()).startsWith(Fixtures.TITLE + "\n" + Fixtures.ARTICLE_1 + "\n" + Fixtures.ARTICLE_2);
        assertThat(doc.text()).endsWith(Fixtures.ARTICLE_3 + "\n");
        assertThat(doc.headings()).containsExactly(new HeadingSpan(1, 0, Fixtures.TITLE.length()));
        assertTable(doc);
        assertNormalised(doc);
    }

    @Test
    void hwp() throws Exception {
        ExtractedDocument doc = PARSERS.parse(Fixtures.hwp(dir, "조례.hwp"));
        assertThat(doc.detectedFormat()).isEqualTo(DocumentFormat.HWP);
        // 개요 1 numbers its paragraphs: "1." is part of what the reader sees
        assertThat(doc.text()).startsWith("1. " + Fixtures.TITLE + "\n" + Fixtures.ARTICLE_1 + "\n");
        assertThat(doc.headings()).hasSize(1);
        assertThat(doc.headings().get(0).level()).isEqualTo(1);
        assertThat(doc.text()).contains(Fixtures.ARTICLE_2, Fixtures.ARTICLE_3);
        assertTable(doc);
        assertNormalised(doc);
    }

    @Test
    void hwpx() throws Exception {
        ExtractedDocument doc = PARSERS.parse(Fixtures.hwpx(dir, "조례.hwpx"));
        assertThat(doc.detectedFormat()).isEqualTo(DocumentFormat.HWPX);
        assertThat(doc.title()).isEqualTo(Fixtures.TITLE);
        assertThat(doc.text()).startsWith(Fixtures.TITLE + "\n" + Fixtures.ARTICLE_1 + "\n" + Fixtures.ARTICLE_2);
        assertThat(doc.text()).endsWith(Fixtures.ARTICLE_3 + "\n");
        assertThat(doc.headings()).containsExactly(new HeadingSpan(1, 0, Fixtures.TITLE.length()));
        assertTable(doc);
        assertNormalised(doc);
    }

    @Test
    void hwpTableWithACaptionObject() throws Exception {
        var hwp = kr.dogfoot.hwplib.tool.blankfilemaker.BlankFileMaker.make();
        var section = hwp.getBodyText().getSectionList().get(0);
        Fixtures.hwpParagraph(section, "제5조(과태료) 과태료는 다음과 같다.", 0, 3);
        Fixtures.hwpTable(hwp, section, "[표 2] 과태료 부과기준",
                java.util.List.of(java.util.List.of("위반행위", "과태료"), java.util.List.of("신고 지연", "10만원")));
        Path file = dir.resolve("과태료.hwp");
        kr.dogfoot.hwplib.writer.HWPWriter.toFile(hwp, file.toString());
        ExtractedDocument doc = PARSERS.parse(file);
        assertThat(doc.tables()).containsExactly(new TableSpan(doc.text().indexOf("[표 2]"), doc.text().length(),
                "[표 2] 과태료 부과기준", 2, 2));
        assertThat(doc.tableText(0)).isEqualTo("[표 2] 과태료 부과기준\n위반행위 | 과태료\n신고 지연 | 10만원\n");
    }

    @Test
    void htmlLayoutTablesAreWalkedAndTheirDataTablesKept() throws Exception {
        Path file = Files.writeString(dir.resolve("layout.html"), """
                <html><body><table><tr><td class="menu"><ul><li>민원안내</li></ul></td>
                <td><h2>수수료 안내</h2><p>아래 표를 참고하십시오.</p>
                <table><thead><tr><th>구분</th><th>수수료</th></tr></thead>
                <tbody><tr><td>등본</td><td>400원</td></tr></tbody></table></td></tr></table></body></html>
                """);
        ExtractedDocument doc = PARSERS.parse(file);
        assertThat(doc.tables()).hasSize(1);
        assertThat(doc.tableText(0)).isEqualTo("구분 | 수수료\n등본 | 400원\n");
        assertThat(doc.text()).contains("수수료 안내\n아래 표를 참고하십시오.\n구분 | 수수료");
        assertThat(doc.headings()).extracting(HeadingSpan::level).containsExactly(2);
    }

    @Test
    void formatComesFromTheContentNotTheName() throws Exception {
        Path docx = Fixtures.docx(dir, "a.docx");
        Path misnamed = Files.copy(docx, dir.resolve("공고문.hwp"));
        ExtractedDocument doc = PARSERS.parse(misnamed);
        assertThat(doc.detectedFormat()).isEqualTo(DocumentFormat.DOCX);
        assertThat(doc.warnings()).anyMatch(w -> w.contains("공고문.hwp") && w.contains("DOCX"));
        assertThat(PARSERS.detect(Fixtures.hwpx(dir, "x.bin"), "x.bin")).isEqualTo(DocumentFormat.HWPX);
        assertThat(PARSERS.detect(Fixtures.hwp(dir, "y.txt"), "y.txt")).isEqualTo(DocumentFormat.HWP);
    }

    @Test
    void parsesAStreamThroughATemporaryFile() throws Exception {
        byte[] html = Fixtures.html().getBytes(StandardCharsets.UTF_8);
        ExtractedDocument doc = PARSERS.parse(new java.io.ByteArrayInputStream(html), "page.html");
        assertThat(doc.detectedFormat()).isEqualTo(DocumentFormat.HTML);
        assertThat(doc.text()).contains(Fixtures.ARTICLE_1);
    }

    /** The fee table with its caption, as rows, at the span the document reports. */
    static void assertTable(ExtractedDocument doc) {
        assertThat(doc.tables()).hasSize(1);
        TableSpan table = doc.tables().get(0);
        assertThat(table.caption()).isEqualTo(Fixtures.CAPTION);
        assertThat(table.rows()).isEqualTo(3);
        assertThat(table.columns()).isEqualTo(3);
        assertThat(doc.tableText(0)).isEqualTo(Fixtures.CAPTION + "\n구분 | 수수료 | 비고\n"
                + "주민등록표 등본 | 400원 | 인터넷 발급 무료\n" + Fixtures.TABLE_ROW_2 + "\n");
    }

    /** NFC, LF only, no control characters but tab and LF; spans inside the text. */
    static void assertNormalised(ExtractedDocument doc) {
        String text = doc.text();
        assertThat(Normalizer.isNormalized(text, Normalizer.Form.NFC)).isTrue();
        assertThat(text).doesNotContain("\r", "\f", "\u0000", "\ufeff");
        assertThat(text.chars().filter(c -> c < 0x20 && c != '\n' && c != '\t').count()).isZero();
        for (PageSpan p : doc.pages()) {
            assertThat(p.end()).isLessThanOrEqualTo(text.length());
        }
        for (TableSpan t : doc.tables()) {
            assertThat(t.end()).isLessThanOrEqualTo(text.length());
        }
        for (HeadingSpan h : doc.headings()) {
            assertThat(h.end()).isLessThanOrEqualTo(text.length());
            assertThat(text.substring(h.start(), h.end())).doesNotContain("\n").isNotBlank();
        }
    }
}
