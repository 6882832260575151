package kr.mokmin.knowledge.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kr.mokmin.knowledge.parse.DocumentParseException.Reason;

/**
 * OCR of images and image-only PDF pages with the real Tesseract (skipped when it or its Korean traineddata is
 * missing), and the subprocess handling (timeout, output cap, missing languages) with a stand-in script.
 */
class OcrTest {

    private static final TesseractOcr TESSERACT = new TesseractOcr();

    @TempDir
    Path dir;

    private static void assumeTesseract() {
        assumeTrue(TESSERACT.available(), "assumption: tesseract with Korean is installed (apt-get install "
                + "tesseract-ocr tesseract-ocr-kor tesseract-ocr-chi-tra); here: "
                + TESSERACT.unavailableReason().orElse(""));
        assumeTrue(Fixtures.hasKoreanFont(), "assumption: fonts-nanum is installed to draw the scan");
    }

    private static DocumentParsers parsers() {
        return DocumentParsers.create(ParseLimits.defaults(), TESSERACT);
    }

    private static void assertScanText(String text) {
        assertThat(text).contains("제1조(목적)", "조례", "파주시", "수수료", "주민등록표", "400원");
        if (TESSERACT.languages().contains("chi_tra")) {
            assertThat(text).contains("坡州市");
        }
    }

    @Test
    void pngScanIsRecognised() throws Exception {
        assumeTesseract();
        Path png = Fixtures.png(dir, "scan.png", Fixtures.scan(Fixtures.SCAN_LINES), 300);
        ExtractedDocument doc = parsers().parse(png);
        assertThat(doc.detectedFormat()).isEqualTo(DocumentFormat.PNG);
        assertScanText(doc.text());
        assertThat(doc.metadata()).containsEntry("dpi", "300").containsEntry("width", "2480");
        assertThat(doc.warnings()).anyMatch(w -> w.startsWith("text recognised by OCR"));
        DocumentParsersTest.assertNormalised(doc);
    }

    @Test
    void jpegWithoutResolutionIsReadAt300Dpi() throws Exception {
        assumeTesseract();
        Path jpg = dir.resolve("photo.jpg");
        var rgb = new java.awt.image.BufferedImage(2480, 3508, java.awt.image.BufferedImage.TYPE_INT_RGB);
        rgb.getGraphics().drawImage(Fixtures.scan(Fixtures.SCAN_LINES), 0, 0, null);
        javax.imageio.ImageIO.write(rgb, "jpg", jpg.toFile());
        ExtractedDocument doc = parsers().parse(jpg);
        assertThat(doc.detectedFormat()).isEqualTo(DocumentFormat.JPEG);
        assertThat(doc.text()).contains("제1조(목적)", "수수료", "주민등록표");
    }

    @Test
    void imageOnlyPdfPageGoesThroughOcr() throws Exception {
        assumeTesseract();
        Path pdf = Fixtures.mixedPdf(dir, "scan.pdf", Fixtures.scan(Fixtures.SCAN_LINES));
        ExtractedDocument doc = parsers().parse(pdf);
        assertThat(doc.pages()).extracting(PageSpan::page, PageSpan::ocr)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, false),
                        org.assertj.core.groups.Tuple.tuple(2, true));
        assertThat(doc.pageText(1)).contains(Fixtures.ARTICLE_3);
        assertScanText(doc.pageText(2));
        assertThat(doc.warnings()).anyMatch(w -> w.startsWith("page 2 had no text: OCR used"));
        assertThat(doc.warnings()).noneMatch(w -> w.startsWith("page 1"));
    }

    @Test
    void multiPageTiffFramesArePages() throws Exception {
        assumeTesseract();
        Path tiff = dir.resolve("scans.tif");
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(tiff.toFile())) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionType("LZW");
            writer.prepareWriteSequence(null);
            writer.writeToSequence(new IIOImage(Fixtures.scan(List.of("제1조(목적) 이 조례는 파주시 민원")), null, null),
                    param);
            writer.writeToSequence(new IIOImage(Fixtures.scan(List.of("제9조(공고) 공고는 게시판에 한다.")), null, null),
                    param);
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        ExtractedDocument doc = parsers().parse(tiff);
        assertThat(doc.detectedFormat()).isEqualTo(DocumentFormat.TIFF);
        assertThat(doc.pages()).extracting(PageSpan::page).containsExactly(1, 2);
        assertThat(doc.pages()).allMatch(PageSpan::ocr);
        assertThat(doc.pageText(1)).contains("제1조(목적)").doesNotContain("제9조");
        assertThat(doc.pageText(2)).contains("제9조(공고)", "게시판");
        assertThat(doc.warnings()).anyMatch(w -> w.contains("assumed 300 dpi"));
    }

    @Test
    void aScanWithAStrayTextLayerIsOcred() throws Exception {
        assumeTesseract();
        Path pdf = dir.resolve("stamped-scan.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDImageXObject image = LosslessFactory.createFromImage(doc, Fixtures.scan(Fixtures.SCAN_LINES));
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawImage(image, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 9);
                cs.newLineAtOffset(290, 20);
                cs.showText("- 1 -");
                cs.endText();
            }
            doc.save(pdf.toFile());
        }
        ExtractedDocument doc = parsers().parse(pdf);
        assertScanText(doc.text());
        assertThat(doc.pages().get(0).ocr()).isTrue();
        assertThat(doc.warnings()).anyMatch(w -> w.startsWith("page 1 has only 1 letters or digits over an image: "
                + "OCR used"));
        ExtractedDocument withoutOcr = DocumentParsers.create(ParseLimits.defaults(), OcrEngine.NONE).parse(pdf);
        assertThat(withoutOcr.text()).isEqualTo("- 1 -\n");
    }

    @Test
    void withoutOcrAnImageIsRefusedAndAScanPageIsReported() throws Exception {
        assumeTrue(Fixtures.hasKoreanFont(), "assumption: fonts-nanum is installed to draw the scan");
        DocumentParsers noOcr = DocumentParsers.create(ParseLimits.defaults(),
                new TesseractOcr("/nonexistent/tesseract", List.of("kor")));
        var scan = Fixtures.scan(Fixtures.SCAN_LINES);
        Path png = Fixtures.png(dir, "scan.png", scan, 300);
        assertThatThrownBy(() -> noOcr.parse(png))
                .isInstanceOfSatisfying(DocumentParseException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.OCR_UNAVAILABLE);
                    assertThat(e.getMessage()).contains("tesseract").contains("OCR");
                });
        Path imageOnly = Fixtures.imagePdf(dir, "only-scan.pdf", scan);
        assertThatThrownBy(() -> noOcr.parse(imageOnly))
                .isInstanceOfSatisfying(DocumentParseException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.OCR_UNAVAILABLE));
        ExtractedDocument mixed = noOcr.parse(Fixtures.mixedPdf(dir, "mixed.pdf", scan));
        assertThat(mixed.pageText(1)).contains(Fixtures.ARTICLE_3);
        assertThat(mixed.pageText(2)).isEmpty();
        assertThat(mixed.warnings()).anyMatch(w -> w.startsWith("page 2 had no text: OCR unavailable"));
    }

    @Test
    void ocrPageLimitLeavesFurtherPagesWithAWarning() throws Exception {
        assumeTesseract();
        var scan = Fixtures.scan(List.of("제9조(공고) 공고는 게시판에 한다."));
        Path pdf = Fixtures.imagePdf(dir, "two-scans.pdf", scan, scan);
        ExtractedDocument doc = DocumentParsers.create(ParseLimits.defaults().withOcr(300, 1, Duration.ofSeconds(60)),
                TESSERACT).parse(pdf);
        assertThat(doc.pageText(1)).contains("공고");
        assertThat(doc.pageText(2)).isEmpty();
        assertThat(doc.warnings()).anyMatch(w -> w.contains("page 2") && w.contains("OCR page limit (1)"));
    }

    // --- the subprocess, with a stand-in for tesseract

    private Path fakeTesseract(String languages, String recognise) throws Exception {
        Path script = dir.resolve("fake-tesseract");
        Files.writeString(script, """
                #!/bin/sh
                case "$1" in
                  --list-langs) printf 'List of available languages in "/x/" (%%d):\\n%s\\n' 2 ;;
                  --version) echo "tesseract 5.3.0" ;;
                  *) %s ;;
                esac
                """.formatted(languages.replace(" ", "\\n"), recognise));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    @Test
    void ocrThatHangsIsKilledAtTheTimeout() throws Exception {
        TesseractOcr slow = new TesseractOcr(fakeTesseract("kor chi_tra", "sleep 30").toString(),
                List.of("kor", "chi_tra"));
        assertThat(slow.available()).isTrue();
        Path image = Files.write(dir.resolve("x.png"), new byte[] {1});
        long start = System.nanoTime();
        assertThatThrownBy(() -> slow.recognise(image, 300, Duration.ofMillis(500)))
                .isInstanceOfSatisfying(DocumentParseException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.OCR_TIMEOUT));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void endlessOcrOutputIsCut() throws Exception {
        TesseractOcr chatty = new TesseractOcr(fakeTesseract("kor", "yes 가나다라마바사아자차카타파하").toString(),
                List.of("kor"));
        Path image = Files.write(dir.resolve("x.png"), new byte[] {1});
        assertThatThrownBy(() -> chatty.recognise(image, 300, Duration.ofSeconds(30)))
                .isInstanceOfSatisfying(DocumentParseException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.OCR_FAILED);
                    assertThat(e.detail()).contains("more than");
                });
    }

    @Test
    void failingOcrReportsItsError() throws Exception {
        TesseractOcr broken = new TesseractOcr(fakeTesseract("kor", "echo 'Error: cannot read image' >&2; exit 1")
                .toString(), List.of("kor"));
        Path image = Files.write(dir.resolve("x.png"), new byte[] {1});
        assertThatThrownBy(() -> broken.recognise(image, 0, Duration.ofSeconds(30)))
                .isInstanceOfSatisfying(DocumentParseException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.OCR_FAILED);
                    assertThat(e.detail()).contains("cannot read image");
                });
    }

    @Test
    void koreanTraineddataIsRequiredAndHanjaIsOptional() throws Exception {
        TesseractOcr english = new TesseractOcr(fakeTesseract("eng osd", "true").toString(),
                List.of("kor", "chi_tra"));
        assertThat(english.available()).isFalse();
        assertThat(english.unavailableReason().orElseThrow()).contains("tesseract-ocr-kor");
        TesseractOcr koreanOnly = new TesseractOcr(fakeTesseract("kor eng", "echo 제1조").toString(),
                List.of("kor", "chi_tra"));
        assertThat(koreanOnly.available()).isTrue();
        assertThat(koreanOnly.languages()).isEqualTo("kor");
        assertThat(koreanOnly.notes()).anyMatch(n -> n.contains("tesseract-ocr-chi-tra"));
        assertThat(koreanOnly.recognise(dir, 0, Duration.ofSeconds(10))).isEqualTo("제1조\n");
    }
}
