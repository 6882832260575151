package kr.mokmin.complaint.attachment;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

/** Real file contents for tests, generated in memory. */
final class TestFiles {

    private TestFiles() {
    }

    static byte[] png(int width, int height, Color color) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.drawLine(0, 0, width - 1, height - 1);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A minimal valid one-page PDF with a correct cross-reference table. */
    static byte[] pdf(String text) {
        String stream = "BT /F1 12 Tf 72 720 Td (" + text + ") Tj ET";
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                        + "/Resources << /Font << /F1 5 0 R >> >> >>",
                "<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append("%010d 00000 n \n".formatted(offset));
        }
        pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] html() {
        return "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The start of a 64-bit Linux ELF executable. */
    static byte[] elf() {
        byte[] b = new byte[512];
        b[0] = 0x7f;
        b[1] = 'E';
        b[2] = 'L';
        b[3] = 'F';
        b[4] = 2; // 64-bit
        b[5] = 1; // little endian
        b[6] = 1; // version
        b[16] = 2; // ET_EXEC
        b[18] = 0x3e; // x86-64
        return b;
    }

    /** The start of a Windows PE executable (MZ stub pointing at a PE header). */
    static byte[] pe() {
        byte[] b = new byte[1024];
        b[0] = 'M';
        b[1] = 'Z';
        b[0x3c] = (byte) 0x80;
        b[0x80] = 'P';
        b[0x81] = 'E';
        return b;
    }

    static byte[] zip(String... namesAndContents) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndContents[i]));
                zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] docx(boolean withMacros) {
        List<String> parts = new ArrayList<>(List.of(
                "[Content_Types].xml", "<?xml version=\"1.0\"?><Types/>",
                "_rels/.rels", "<?xml version=\"1.0\"?><Relationships/>",
                "word/document.xml", "<?xml version=\"1.0\"?><w:document/>"));
        if (withMacros) {
            parts.addAll(List.of("word/vbaProject.bin", "Attribute VB_Name = \"Module1\""));
        }
        return zip(parts.toArray(String[]::new));
    }

    static byte[] hwpx() {
        return zip("mimetype", "application/hwp+zip",
                "Contents/content.hpf", "<?xml version=\"1.0\"?><opf:package/>",
                "Contents/header.xml", "<?xml version=\"1.0\"?><hh:head/>",
                "Contents/section0.xml", "<?xml version=\"1.0\"?><hs:sec/>");
    }

    /**
     * A compound file (OLE2) with the given directory entries: a 512-byte header, directory sectors and one data
     * sector. Enough structure for content sniffing (not for a word processor).
     */
    static byte[] ole2(String... streamNames) {
        int dirSectors = (streamNames.length + 1 + 3) / 4;
        ByteBuffer b = ByteBuffer.allocate(512 * (3 + dirSectors)).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, (byte) 0xa1, (byte) 0xb1, 0x1a, (byte) 0xe1});
        b.putShort(0x18, (short) 0x3e); // minor version
        b.putShort(0x1a, (short) 3); // major version 3: 512-byte sectors
        b.putShort(0x1c, (short) 0xfffe); // little endian
        b.putShort(0x1e, (short) 9); // sector shift
        b.putShort(0x20, (short) 6); // mini sector shift
        b.putInt(0x2c, 1); // one FAT sector
        b.putInt(0x30, 1); // first directory sector
        b.putInt(0x38, 4096); // mini stream cutoff
        b.putInt(0x3c, -2);
        b.putInt(0x44, -2);
        b.putInt(0x4c, 0); // FAT in sector 0
        for (int i = 1; i < 109; i++) {
            b.putInt(0x4c + 4 * i, -1);
        }
        List<String> names = new ArrayList<>();
        names.add("Root Entry");
        names.addAll(List.of(streamNames));
        int dir = 512 + 512; // sector 1
        for (int i = 0; i < names.size(); i++) {
            int off = dir + 128 * i;
            byte[] name = (names.get(i) + "\0").getBytes(StandardCharsets.UTF_16LE);
            b.put(off, name);
            b.putShort(off + 64, (short) name.length);
            b.put(off + 66, (byte) (i == 0 ? 5 : 2));
        }
        return b.array();
    }
}
