package kr.mokmin.complaint.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kr.mokmin.common.ContentStore;

class ContentSnifferTest {

    @TempDir
    Path dir;

    final ContentSniffer sniffer = new ContentSniffer();

    @Test
    void imagesAndPdfFromTheirBytes() throws IOException {
        assertThat(type(TestFiles.png(8, 8, Color.RED), "photo.jpg")).isEqualTo("image/png");
        assertThat(type(TestFiles.pdf("hello"), "scan")).isEqualTo("application/pdf");
    }

    @Test
    void theFileNameCannotTurnActiveContentIntoAnImage() throws IOException {
        assertThat(type(TestFiles.html(), "cute-cat.png")).isEqualTo("text/html");
        assertThat(type("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8), "a.png"))
                .isEqualTo("image/svg+xml");
        assertThat(type(new byte[] {0, 1, 2, 3, (byte) 0xff, 0, 7, 9}, "unknown.png"))
                .isEqualTo(ContentSniffer.OCTET_STREAM);
    }

    @Test
    void executables() throws IOException {
        assertThat(type(TestFiles.elf(), "report.pdf")).isEqualTo("application/x-executable");
        assertThat(type(TestFiles.pe(), "report.hwp")).isEqualTo("application/x-msdownload");
        assertThat(type("#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.US_ASCII), "memo.txt"))
                .isEqualTo("application/x-sh");
    }

    @Test
    void hwp5AndLegacyOfficeAreTellByTheirCompoundFileDirectory() throws IOException {
        assertThat(type(TestFiles.ole2("FileHeader", "DocInfo", "BodyText"), "민원.hwp"))
                .isEqualTo(ContentSniffer.HWP5);
        // The name does not matter: the directory does.
        assertThat(type(TestFiles.ole2("FileHeader", "DocInfo"), "noname")).isEqualTo(ContentSniffer.HWP5);
        assertThat(type(TestFiles.ole2("WordDocument", "1Table"), "a.hwp")).isEqualTo("application/msword");
        assertThat(type(TestFiles.ole2("Workbook"), "a.xls")).isEqualTo("application/vnd.ms-excel");
        assertThat(type(TestFiles.ole2("PowerPoint Document"), "a.ppt")).isEqualTo("application/vnd.ms-powerpoint");
        // An installer (or any other compound file) renamed to .hwp stays generic.
        assertThat(type(TestFiles.ole2("\u4840\u3b3f\u43f2", "SummaryInformation"), "setup.hwp"))
                .isEqualTo("application/x-tika-msoffice");
    }

    @Test
    void macrosInLegacyOfficeAreFlagged() throws IOException {
        var sniffed = sniff(TestFiles.ole2("WordDocument", "Macros", "VBA"), "invoice.doc");
        assertThat(sniffed.mediaType()).isEqualTo("application/msword");
        assertThat(sniffed.macros()).isTrue();
        assertThat(sniff(TestFiles.ole2("WordDocument"), "invoice.doc").macros()).isFalse();
    }

    @Test
    void zipBasedDocumentsAreTellByTheirEntries() throws IOException {
        assertThat(type(TestFiles.docx(false), "whatever.bin")).isEqualTo(ContentSniffer.DOCX);
        assertThat(type(TestFiles.hwpx(), "민원.hwpx")).isEqualTo(ContentSniffer.HWPX);
        var docm = sniff(TestFiles.docx(true), "report.docx");
        assertThat(docm.mediaType()).isEqualTo(ContentSniffer.DOCX);
        assertThat(docm.macros()).isTrue();
        // A plain archive does not become a document by its name.
        assertThat(type(TestFiles.zip("evil.exe", "MZ..."), "report.docx")).isEqualTo("application/zip");
        assertThat(type(TestFiles.zip("evil.exe", "MZ..."), "report.hwpx")).isEqualTo("application/zip");
    }

    @Test
    void text() throws IOException {
        assertThat(type("도로에 구멍이 있어요.\n".getBytes(StandardCharsets.UTF_8), "메모.txt")).isEqualTo("text/plain");
        assertThat(type("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8), "표.csv")).isEqualTo("text/csv");
        assertThat(type("도로에 구멍이 있어요.\r\n".getBytes(Charset.forName("x-windows-949")), "메모.txt"))
                .isEqualTo("text/plain");
        var js = sniff("alert(1)".getBytes(StandardCharsets.US_ASCII), "x.js");
        assertThat(js.mediaType()).isEqualTo("text/javascript");
        assertThat(js.plainText()).as("only the name makes it a script").isTrue();
        assertThat(sniff(TestFiles.html(), "x.txt").plainText()).isFalse();
    }

    @Test
    void legacyKoreanTextHeuristicRejectsBinary() {
        byte[] binary = new byte[100];
        Arrays.fill(binary, (byte) 0xb0);
        binary[50] = 0;
        assertThat(ContentSniffer.isLegacyKoreanText(binary)).isFalse();
        assertThat(ContentSniffer.isLegacyKoreanText(new byte[0])).isFalse();
        // A multibyte character cut off at the end of the head is fine.
        byte[] cut = "가나다".getBytes(Charset.forName("x-windows-949"));
        assertThat(ContentSniffer.isLegacyKoreanText(Arrays.copyOf(cut, cut.length - 1))).isTrue();
    }

    private String type(byte[] content, String name) throws IOException {
        return sniff(content, name).mediaType();
    }

    private ContentSniffer.Sniffed sniff(byte[] content, String name) throws IOException {
        Path file = Files.write(Files.createTempFile(dir, "c", ".bin"), content);
        byte[] head = Arrays.copyOf(content, Math.min(content.length, ContentStore.HEAD_BYTES));
        return sniffer.sniff(file, head, name);
    }
}
