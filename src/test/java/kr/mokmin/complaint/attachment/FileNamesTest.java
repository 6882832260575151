package kr.mokmin.complaint.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void pathPartsAreDropped() {
        assertThat(FileNames.sanitize("../../etc/passwd.png")).isEqualTo("passwd.png");
        assertThat(FileNames.sanitize("C:\\Users\\홍길동\\Desktop\\민원.hwp")).isEqualTo("민원.hwp");
        assertThat(FileNames.sanitize("..")).isEqualTo(FileNames.FALLBACK);
        assertThat(FileNames.sanitize("dir/")).isEqualTo(FileNames.FALLBACK);
        assertThat(FileNames.sanitize(null)).isEqualTo(FileNames.FALLBACK);
    }

    @Test
    void koreanIsKeptAndNormalised() {
        String decomposed = Normalizer.normalize("도로 파손 사진.jpg", Normalizer.Form.NFD); // as macOS sends it
        assertThat(FileNames.sanitize(decomposed)).isEqualTo("도로 파손 사진.jpg");
        assertThat(FileNames.sanitize("민원 증빙자료(2024).pdf")).isEqualTo("민원 증빙자료(2024).pdf");
    }

    @Test
    void controlAndInvisibleCharactersAreRemoved() {
        assertThat(FileNames.sanitize("a\u0000b\r\nc\t.txt")).isEqualTo("abc.txt");
        // U+202E (right-to-left override) would show "photo\u202Egpj.exe" as "photoexe.jpg".
        assertThat(FileNames.sanitize("photo\u202Egpj.exe")).isEqualTo("photogpj.exe");
        assertThat(FileNames.sanitize("a\u200Bb.txt")).isEqualTo("ab.txt");
        assertThat(FileNames.sanitize("  .hidden. ")).isEqualTo("hidden");
        assertThat(FileNames.sanitize("보고서: \"최종\"?.docx")).isEqualTo("보고서_ _최종__.docx");
    }

    @Test
    void longNamesAreShortenedKeepingTheExtension() {
        String name = FileNames.sanitize("가".repeat(200) + ".pdf");
        assertThat(name).endsWith(".pdf").startsWith("가가");
        assertThat(name.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
    }

    @Test
    void contentDispositionCarriesTheKoreanNameEncoded() {
        assertThat(FileNames.contentDisposition("민원 증빙.pdf")).isEqualTo(
                "attachment; filename=\"attachment.pdf\"; filename*=UTF-8''%EB%AF%BC%EC%9B%90%20%EC%A6%9D%EB%B9%99.pdf");
        assertThat(FileNames.contentDisposition("photo.png"))
                .isEqualTo("attachment; filename=\"photo.png\"; filename*=UTF-8''photo.png");
        assertThat(FileNames.contentDisposition("a;b'c.txt")).isEqualTo(
                "attachment; filename=\"a;b'c.txt\"; filename*=UTF-8''a%3Bb%27c.txt");
    }
}
