package kr.mokmin.knowledge.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.DocumentEntry;
import org.apache.poi.poifs.filesystem.DocumentInputStream;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kr.mokmin.knowledge.parse.DocumentParseException.Reason;

/** Every way a document can be refused, each with its reason code, and none of them by running out of memory. */
class RobustnessTest {

    private static final DocumentParsers PARSERS = DocumentParsers.create(ParseLimits.defaults(), OcrEngine.NONE);

    @TempDir
    Path dir;

    private static void assertRefused(ThrowingCallable call, Reason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DocumentParseException.class, e -> {
            assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason);
            assertThat(e.getMessage()).startsWith("[" + reason.name() + "] " + reason.korean() + " / "
                    + reason.english());
        });
    }

    // --- size

    @Test
    void emptyFile() throws Exception {
        Path empty = Files.createFile(dir.resolve("빈파일.hwp"));
        assertRefused(() -> PARSERS.parse(empty), Reason.EMPTY);
        assertRefused(() -> PARSERS.parse(new ByteArrayInputStream(new byte[0]), "x.pdf"), Reason.EMPTY);
    }

    @Test
    void fiveHundredMegabytesAreRefusedBeforeReading() throws Exception {
        Path huge = dir.resolve("huge.pdf");
        try (RandomAccessFile raf = new RandomAccessFile(huge.toFile(), "rw")) {
            raf.setLength(500L * 1024 * 1024); // sparse: takes no disk and no time
        }
        long start = System.nanoTime();
        assertRefused(() -> PARSERS.parse(huge), Reason.TOO_LARGE);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void theSizeLimitIsAParameter() throws Exception {
        Path html = Files.writeString(dir.resolve("page.html"), Fixtures.html());
        DocumentParsers small = PARSERS.withLimits(ParseLimits.defaults().withMaxFileBytes(1000));
        assertRefused(() -> small.parse(html), Reason.TOO_LARGE);
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'a';
            }
        };
        assertRefused(() -> small.parse(endless, "stream.txt"), Reason.TOO_LARGE);
    }

    @Test
    void extractedTextIsCapped() throws Exception {
        Path text = Fixtures.text(dir, "a.txt", StandardCharsets.UTF_8, false);
        assertRefused(() -> PARSERS.withLimits(ParseLimits.defaults().withMaxTextChars(50)).parse(text),
                Reason.TOO_LARGE);
        Path docx = Fixtures.docx(dir, "a.docx");
        assertRefused(() -> PARSERS.withLimits(ParseLimits.defaults().withMaxTextChars(50)).parse(docx),
                Reason.TOO_LARGE);
    }

    @Test
    void pageLimit() throws Exception {
        Path pdf = asciiPdf(3, null);
        assertRefused(() -> PARSERS.withLimits(ParseLimits.defaults().withMaxPages(2)).parse(pdf),
                Reason.TOO_MANY_PAGES);
        assertThat(PARSERS.withLimits(ParseLimits.defaults().withMaxPages(3)).parse(pdf).pages()).hasSize(3);
    }

    @Test
    void extractionTimeIsBounded() throws Exception {
        Path pdf = asciiPdf(3, null);
        assertRefused(() -> PARSERS.withLimits(ParseLimits.defaults().withTimeout(Duration.ofNanos(1))).parse(pdf),
                Reason.TIMEOUT);
    }

    // --- format

    @Test
    void binaryJunk() throws Exception {
        byte[] junk = new byte[20_000];
        new Random(42).nextBytes(junk);
        junk[0] = 0x13;
        assertRefused(() -> PARSERS.parse(Files.write(dir.resolve("junk.bin"), junk)), Reason.UNSUPPORTED_FORMAT);
        assertRefused(() -> PARSERS.parse(Files.write(dir.resolve("junk.pdf"), junk)), Reason.UNSUPPORTED_FORMAT);
        assertRefused(() -> PARSERS.parse(Files.write(dir.resolve("junk.hwp"), junk)), Reason.UNSUPPORTED_FORMAT);
    }

    @Test
    void htmlNamedPdfIsParsedAsHtmlWithAWarningOrRefusedOnRequest() throws Exception {
        Path fake = Files.writeString(dir.resolve("공고.pdf"), Fixtures.html());
        ExtractedDocument doc = PARSERS.parse(fake);
        assertThat(doc.detectedFormat()).isEqualTo(DocumentFormat.HTML);
        assertThat(doc.text()).contains(Fixtures.ARTICLE_1);
        assertThat(doc.warnings()).anyMatch(w -> w.contains("공고.pdf") && w.contains("PDF")
                && w.contains("parsed as HTML"));
        assertRefused(() -> PARSERS.withLimits(ParseLimits.defaults().withRefuseExtensionMismatch(true)).parse(fake),
                Reason.EXTENSION_MISMATCH);
    }

    @Test
    void formatsWeDoNotRead() throws Exception {
        Path doc = dir.resolve("old.doc");
        try (POIFSFileSystem fs = new POIFSFileSystem(); OutputStream out = Files.newOutputStream(doc)) {
            fs.createDocument(new ByteArrayInputStream(new byte[4096]), "WordDocument");
            fs.writeFilesystem(out);
        }
        assertRefused(() -> PARSERS.parse(doc), Reason.UNSUPPORTED_FORMAT);
        Path xlsx = dir.resolve("표.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(xlsx)) {
            wb.createSheet("수수료").createRow(0).createCell(0).setCellValue("구분");
            wb.write(out);
        }
        assertRefused(() -> PARSERS.parse(xlsx), Reason.UNSUPPORTED_FORMAT);
        Path zip = dir.resolve("files.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("a.txt"));
            out.write("제1조".getBytes(StandardCharsets.UTF_8));
        }
        assertRefused(() -> PARSERS.parse(zip), Reason.UNSUPPORTED_FORMAT);
        byte[] hwp3 = Arrays.copyOf("HWP Document File V3.00 \u001a\u0001\u0002\u0003\u0004\u0005"
                .getBytes(StandardCharsets.ISO_8859_1), 2048);
        assertRefused(() -> PARSERS.parse(Files.write(dir.resolve("old.hwp"), hwp3)), Reason.UNSUPPORTED_FORMAT);
        assertRefused(() -> PARSERS.parse(Files.writeString(dir.resolve("a.rtf"), "{\\rtf1\\ansi 제1조}")),
                Reason.UNSUPPORTED_FORMAT);
    }

    // --- encryption

    @Test
    void passwordProtectedPdf() throws Exception {
        Path pdf = asciiPdf(1, new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission()));
        assertRefused(() -> PARSERS.parse(pdf), Reason.ENCRYPTED);
    }

    @Test
    void pdfWithOnlyAnOwnerPasswordIsReadWithAWarning() throws Exception {
        AccessPermission noCopy = new AccessPermission();
        noCopy.setCanExtractContent(false);
        Path pdf = asciiPdf(1, new StandardProtectionPolicy("owner-secret", "", noCopy));
        ExtractedDocument doc = PARSERS.parse(pdf);
        assertThat(doc.text()).contains("Article 1");
        assertThat(doc.warnings()).anyMatch(w -> w.contains("encrypted"));
    }

    @Test
    void passwordProtectedDocx() throws Exception {
        Path plain = Fixtures.docx(dir, "plain.docx");
        Path encrypted = dir.resolve("암호.docx");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword("secret");
            try (InputStream in = Files.newInputStream(plain); OPCPackage opc = OPCPackage.open(in);
                 OutputStream os = encryptor.getDataStream(fs)) {
                opc.save(os);
            }
            try (OutputStream out = Files.newOutputStream(encrypted)) {
                fs.writeFilesystem(out);
            }
        }
        assertRefused(() -> PARSERS.parse(encrypted), Reason.ENCRYPTED);
    }

    @Test
    void hwpWithPasswordOrDrm() throws Exception {
        Path hwp = Fixtures.hwp(dir, "plain.hwp");
        assertRefused(() -> PARSERS.parse(withHwpFlags(hwp, "password.hwp", 1 << 1)), Reason.ENCRYPTED);
        assertRefused(() -> PARSERS.parse(withHwpFlags(hwp, "drm.hwp", 1 << 4)), Reason.ENCRYPTED);
    }

    @Test
    void hwpxWithPassword() throws Exception {
        Path hwpx = Fixtures.hwpx(dir, "plain.hwpx");
        Path locked = rewriteZip(hwpx, "locked.hwpx", (name, data) -> name.equals("META-INF/manifest.xml")
                ? ("<?xml version=\"1.0\"?><odf:manifest xmlns:odf=\"urn:oasis:names:tc:opendocument:xmlns:"
                + "manifest:1.0\"><odf:file-entry odf:full-path=\"Contents/section0.xml\"><odf:encryption-data "
                + "odf:checksum=\"x\"/></odf:file-entry></odf:manifest>").getBytes(StandardCharsets.UTF_8)
                : data, null, 0);
        assertRefused(() -> PARSERS.parse(locked), Reason.ENCRYPTED);
    }

    // --- truncation and damage

    @Test
    void truncatedFiles() throws Exception {
        assertRefused(() -> PARSERS.parse(truncate(Fixtures.docx(dir, "a.docx"), 0.5)), Reason.TRUNCATED);
        assertRefused(() -> PARSERS.parse(truncate(Fixtures.hwpx(dir, "a.hwpx"), 0.5)), Reason.TRUNCATED);
        assertRefused(() -> PARSERS.parse(truncate(Fixtures.hwp(dir, "a.hwp"), 0.5)), Reason.TRUNCATED);
        Path png = dir.resolve("scan.png");
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(300, 300,
                java.awt.image.BufferedImage.TYPE_BYTE_GRAY), "png", png.toFile());
        assertRefused(() -> PARSERS.parse(truncate(png, 0.5)), Reason.TRUNCATED);
    }

    @Test
    void truncatedPdfIsRefusedOrReadWithAWarning() throws Exception {
        Path pdf = asciiPdf(5, null);
        assertRefused(() -> PARSERS.parse(truncate(pdf, 0.02)), Reason.TRUNCATED);
        // PDFBox rebuilds what it can of a cut file: the pages it finds are read, with a warning
        ExtractedDocument doc = PARSERS.parse(truncate(pdf, 0.9));
        assertThat(doc.text()).contains("Article 1");
        assertThat(doc.warnings()).anyMatch(w -> w.contains("may be truncated"));
        if (Fixtures.hasKoreanFont()) {
            // with an embedded font the catalog and page tree come last: nothing can be found
            Path korean = Fixtures.longPdf(dir, "long.pdf", 5);
            assertRefused(() -> PARSERS.parse(truncate(korean, 0.9)), Reason.TRUNCATED);
        }
    }

    @Test
    void damagedPdf() throws Exception {
        byte[] junk = new byte[5000];
        new Random(7).nextBytes(junk);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII));
        bytes.write(junk);
        bytes.write("\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        assertRefused(() -> PARSERS.parse(Files.write(dir.resolve("bad.pdf"), bytes.toByteArray())), Reason.CORRUPT);
    }

    // --- zip bombs

    @Test
    void zipBombInDocxIsRefusedBeforePoiOpensIt() throws Exception {
        Path docx = Fixtures.docx(dir, "a.docx");
        Path bomb = rewriteZip(docx, "bomb.docx", (name, data) -> data, "word/media/image1.bin", 64L * 1024 * 1024);
        long start = System.nanoTime();
        assertRefused(() -> PARSERS.parse(bomb), Reason.ZIP_BOMB);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void zipBombInHwpx() throws Exception {
        Path hwpx = Fixtures.hwpx(dir, "a.hwpx");
        Path bomb = rewriteZip(hwpx, "bomb.hwpx", (name, data) -> data, "BinData/image1.bmp", 64L * 1024 * 1024);
        assertRefused(() -> PARSERS.parse(bomb), Reason.ZIP_BOMB);
    }

    @Test
    void zipTotalSizeAndEntryCountAreCapped() throws Exception {
        Path docx = Fixtures.docx(dir, "a.docx");
        // the generated DOCX has 7 parts inflating to about 4 KB
        DocumentParsers fewEntries = PARSERS.withLimits(ParseLimits.defaults().withZip(5, 512 * 1024 * 1024, 100));
        assertRefused(() -> fewEntries.parse(docx), Reason.ZIP_BOMB);
        DocumentParsers smallTotal = PARSERS.withLimits(ParseLimits.defaults().withZip(1000, 2_000, 100));
        assertRefused(() -> smallTotal.parse(docx), Reason.ZIP_BOMB);
        assertThat(PARSERS.withLimits(ParseLimits.defaults().withZip(7, 8_000, 100)).parse(docx).text())
                .contains(Fixtures.ARTICLE_1);
    }

    @Test
    void hwpStreamThatInflatesTooFar() throws Exception {
        Path hwp = Fixtures.hwp(dir, "a.hwp");
        Path bomb = dir.resolve("bomb.hwp");
        try (POIFSFileSystem fs = new POIFSFileSystem(Files.newInputStream(hwp))) {
            ByteArrayOutputStream deflated = new ByteArrayOutputStream();
            try (DeflaterOutputStream out = new DeflaterOutputStream(deflated, new Deflater(9, true))) {
                byte[] zeros = new byte[1024 * 1024];
                for (int i = 0; i < 32; i++) {
                    out.write(zeros);
                }
            }
            DirectoryNode body = (DirectoryNode) fs.getRoot().getEntry("BodyText");
            body.createOrUpdateDocument("Section0", new ByteArrayInputStream(deflated.toByteArray()));
            try (OutputStream out = Files.newOutputStream(bomb)) {
                fs.writeFilesystem(out);
            }
        }
        assertRefused(() -> PARSERS.parse(bomb), Reason.ZIP_BOMB);
    }

    // --- helpers

    /** A PDF with Helvetica text, one "Article N" line per page (no Korean font needed). */
    private Path asciiPdf(int pages, StandardProtectionPolicy protection) throws IOException {
        Path file = dir.resolve("ascii-" + pages + "-" + (protection != null) + ".pdf");
        try (PDDocument doc = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int p = 1; p <= pages; p++) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    for (int line = 0; line < 30; line++) {
                        cs.beginText();
                        cs.setFont(font, 11);
                        cs.newLineAtOffset(50, 740 - line * 20);
                        cs.showText("Article " + p + " paragraph " + line + " of the ordinance on fees.");
                        cs.endText();
                    }
                }
            }
            if (protection != null) {
                protection.setEncryptionKeyLength(128);
                doc.protect(protection);
            }
            doc.save(file.toFile());
        }
        return file;
    }

    private Path truncate(Path file, double fraction) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Path cut = dir.resolve("cut-" + Math.round(fraction * 100) + "-" + file.getFileName());
        return Files.write(cut, Arrays.copyOf(bytes, (int) (bytes.length * fraction)));
    }

    private Path withHwpFlags(Path hwp, String name, int flag) throws IOException {
        Path out = dir.resolve(name);
        try (POIFSFileSystem fs = new POIFSFileSystem(Files.newInputStream(hwp))) {
            byte[] header;
            DocumentEntry entry = (DocumentEntry) fs.getRoot().getEntry("FileHeader");
            try (DocumentInputStream in = new DocumentInputStream(entry)) {
                header = in.readAllBytes();
            }
            header[36] |= (byte) flag;
            header[37] |= (byte) (flag >> 8);
            fs.getRoot().createOrUpdateDocument("FileHeader", new ByteArrayInputStream(header));
            try (OutputStream os = Files.newOutputStream(out)) {
                fs.writeFilesystem(os);
            }
        }
        return out;
    }

    private interface EntryRewrite {
        byte[] apply(String name, byte[] data);
    }

    /** Copies a ZIP entry by entry, optionally adding one entry of {@code zeros} zero bytes (a bomb). */
    private Path rewriteZip(Path source, String name, EntryRewrite rewrite, String extraEntry, long zeros)
            throws IOException {
        Path target = dir.resolve(name);
        try (ZipFile in = new ZipFile(source.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                byte[] data;
                try (InputStream is = in.getInputStream(entry)) {
                    data = is.readAllBytes();
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(rewrite.apply(entry.getName(), data));
                out.closeEntry();
            }
            if (extraEntry != null) {
                out.setLevel(9);
                out.putNextEntry(new ZipEntry(extraEntry));
                byte[] block = new byte[1024 * 1024];
                for (long written = 0; written < zeros; written += block.length) {
                    out.write(block);
                }
                out.closeEntry();
            }
        }
        return target;
    }
}
