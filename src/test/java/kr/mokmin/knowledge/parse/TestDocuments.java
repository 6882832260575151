package kr.mokmin.knowledge.parse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;

/**
 * Documents for tests outside this package (ingestion end to end): the good ones of {@link Fixtures} in every
 * format, and bad ones (encrypted, truncated, zip bomb, mislabelled), all generated, none committed.
 */
public final class TestDocuments {

    /** Text every good fixture contains (제1조 of the fee ordinance). */
    public static final String ARTICLE_1 = Fixtures.ARTICLE_1;
    public static final String TITLE = Fixtures.TITLE;

    private TestDocuments() {
    }

    public static boolean hasKoreanFont() {
        return Fixtures.hasKoreanFont();
    }

    public static Path text(Path dir, String name) throws IOException {
        return Fixtures.text(dir, name, StandardCharsets.UTF_8, false);
    }

    public static Path html(Path dir, String name) throws IOException {
        return Files.writeString(dir.resolve(name), Fixtures.html());
    }

    public static Path pdf(Path dir, String name) throws IOException {
        return Fixtures.pdf(dir, name);
    }

    public static Path docx(Path dir, String name) throws IOException {
        return Fixtures.docx(dir, name);
    }

    public static Path hwp(Path dir, String name) throws Exception {
        return Fixtures.hwp(dir, name);
    }

    public static Path hwpx(Path dir, String name) throws Exception {
        return Fixtures.hwpx(dir, name);
    }

    /** A one-page PDF that needs a password to open. */
    public static Path encryptedPdf(Path dir, String name) throws IOException {
        Path file = dir.resolve(name);
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "user", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(file.toFile());
        }
        return file;
    }

    /** The first half of a DOCX: its ZIP directory is missing. */
    public static Path truncatedDocx(Path dir, String name) throws IOException {
        byte[] whole = Files.readAllBytes(Fixtures.docx(dir, "whole-" + name));
        return Files.write(dir.resolve(name), Arrays.copyOf(whole, whole.length / 2));
    }

    /** A DOCX with an extra entry of 64 MiB of zeros (about 64 KB compressed). */
    public static Path zipBombDocx(Path dir, String name) throws IOException {
        Path source = Fixtures.docx(dir, "plain-" + name);
        Path bomb = dir.resolve(name);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(source));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bomb))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(e.getName()));
                in.transferTo(out);
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry("word/media/image1.bin"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 64; i++) {
                out.write(zeros);
            }
            out.closeEntry();
        }
        return bomb;
    }

    /** An HTML page saved under a .pdf name. */
    public static Path mislabelled(Path dir, String name) throws IOException {
        return Files.writeString(dir.resolve(name), Fixtures.html());
    }

    /** Random bytes: no format at all. */
    public static Path junk(Path dir, String name) throws IOException {
        byte[] bytes = new byte[4096];
        new java.util.Random(11).nextBytes(bytes);
        bytes[0] = 0x01; // not a text file either
        return Files.write(dir.resolve(name), bytes);
    }
}
