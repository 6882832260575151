package kr.mokmin.knowledge.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.apache.poi.poifs.filesystem.Entry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

import kr.mokmin.knowledge.parse.DocumentParseException.Reason;

/**
 * Recognises a document's format from its bytes: magic numbers, then a look inside OLE2 (HWP 5) and ZIP (DOCX,
 * HWPX) containers, then text (HTML, Markdown, plain). The file name is used only to tell Markdown from plain text
 * when the content cannot.
 */
final class FormatSniffer {

    static final int HEAD_BYTES = 64 * 1024;

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};
    private static final byte[] TIFF_LE = {'I', 'I', 42, 0};
    private static final byte[] TIFF_BE = {'M', 'M', 0, 42};
    private static final byte[] OLE2 = {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, (byte) 0xa1, (byte) 0xb1, 0x1a,
            (byte) 0xe1};
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] ZIP_EMPTY = {'P', 'K', 5, 6};
    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    private static final Pattern HTML_START = Pattern.compile(
            "^(?:<\\?xml[^>]*>\\s*)?(?:<!--.*?-->\\s*)*<(?:!doctype\\s+html|html|head|body|meta|title|link|script|style"
                    + "|table|div|p|h[1-6]|br|span|a\\s|ul|ol|section|article|header|main|form)[\\s>/]",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern ATX_HEADING = Pattern.compile("(?m)^#{1,6} \\S");
    private static final Pattern FRONT_MATTER = Pattern.compile("^---[ \\t]*\\r?\\n(?s:.*?)\\r?\\n(?:---|\\.\\.\\.)[ \\t]*(?:\\r?\\n|$)");

    private FormatSniffer() {
    }

    /** @throws DocumentParseException EMPTY, UNSUPPORTED_FORMAT, ENCRYPTED, TRUNCATED, CORRUPT */
    static DocumentFormat sniff(Path file, String fileName) {
        byte[] head = TextDecoding.readHead(file, HEAD_BYTES);
        if (head.length == 0) {
            throw new DocumentParseException(Reason.EMPTY, null);
        }
        int pdf = indexOf(head, PDF, 1024); // readers accept junk before the header, within the first KiB
        if (pdf >= 0 && pdf + 5 < head.length && head[pdf + 5] >= '1' && head[pdf + 5] <= '2') {
            return DocumentFormat.PDF;
        }
        if (startsWith(head, PNG)) {
            return DocumentFormat.PNG;
        }
        if (startsWith(head, JPEG)) {
            return DocumentFormat.JPEG;
        }
        if (startsWith(head, TIFF_LE) || startsWith(head, TIFF_BE)) {
            return DocumentFormat.TIFF;
        }
        if (startsWith(head, OLE2)) {
            return ole2(file);
        }
        if (startsWith(head, ZIP) || startsWith(head, ZIP_EMPTY)) {
            return zip(file);
        }
        String unsupported = knownUnsupported(head);
        if (unsupported != null) {
            throw new DocumentParseException(Reason.UNSUPPORTED_FORMAT, unsupported);
        }
        if (!TextDecoding.looksLikeText(head, head.length)) {
            throw new DocumentParseException(Reason.UNSUPPORTED_FORMAT, "binary data of no known document format");
        }
        return text(head, fileName);
    }

    private static String knownUnsupported(byte[] head) {
        String ascii = new String(head, 0, Math.min(head.length, 64), StandardCharsets.ISO_8859_1);
        if (ascii.startsWith("HWP Document File V3")) {
            return "HWP 3.x (한글 97 and older) files are not supported: save as HWP 5 or HWPX";
        }
        if (ascii.startsWith("{\\rtf")) {
            return "RTF is not supported: save as DOCX";
        }
        if (ascii.startsWith("GIF87a") || ascii.startsWith("GIF89a")) {
            return "GIF images are not supported: convert to PNG";
        }
        if (ascii.startsWith("BM") && head.length > 14 && head[6] == 0 && head[7] == 0) {
            return "BMP images are not supported: convert to PNG";
        }
        if (ascii.startsWith("RIFF") && ascii.startsWith("WEBP", 8)) {
            return "WebP images are not supported: convert to PNG";
        }
        if (head.length > 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return "gzip archives are not supported";
        }
        if (ascii.startsWith("7z\u00bc\u00af") || ascii.startsWith("Rar!")) {
            return "7z/RAR archives are not supported";
        }
        if (ascii.startsWith("\u007fELF") || ascii.startsWith("MZ")) {
            return "executables are not documents";
        }
        return null;
    }

    // --- text

    private static DocumentFormat text(byte[] head, String fileName) {
        java.nio.charset.Charset charset = TextDecoding.bomCharset(head);
        String s;
        if (charset != null) {
            s = new String(head, charset);
        } else {
            s = new String(head, StandardCharsets.UTF_8);
            if (s.indexOf('\ufffd') >= 0) {
                s = new String(head, TextDecoding.CP949);
            }
        }
        s = s.replace("\ufeff", "");
        String start = s.stripLeading();
        if (HTML_START.matcher(start.length() > 4096 ? start.substring(0, 4096) : start).find()) {
            return DocumentFormat.HTML;
        }
        if (FRONT_MATTER.matcher(s).find()) {
            return DocumentFormat.MARKDOWN;
        }
        if (DocumentFormat.byExtension(fileName).orElse(null) == DocumentFormat.MARKDOWN) {
            return DocumentFormat.MARKDOWN;
        }
        if (DocumentFormat.byExtension(fileName).orElse(null) == DocumentFormat.PLAIN_TEXT) {
            return DocumentFormat.PLAIN_TEXT;
        }
        long headings = ATX_HEADING.matcher(s).results().count();
        return headings >= 2 ? DocumentFormat.MARKDOWN : DocumentFormat.PLAIN_TEXT;
    }


    // --- OLE2 compound files

    private static DocumentFormat ole2(Path file) {
        Set<String> names = new HashSet<>();
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            int count = 0;
            for (Entry entry : fs.getRoot()) {
                names.add(entry.getName());
                if (++count > 10_000) {
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            throw ole2Failure(file, e);
        }
        if (names.contains("FileHeader") && (names.contains("BodyText") || names.contains("DocInfo")
                || names.contains("ViewText"))) {
            return DocumentFormat.HWP;
        }
        if (names.contains("EncryptionInfo") || names.contains("EncryptedPackage")) {
            throw new DocumentParseException(Reason.ENCRYPTED,
                    "a password-protected Office (DOCX/XLSX/PPTX) document: remove the password and upload again");
        }
        if (names.contains("WordDocument")) {
            throw new DocumentParseException(Reason.UNSUPPORTED_FORMAT,
                    "Word 97-2003 (.doc) is not supported: save as DOCX");
        }
        if (names.contains("Workbook") || names.contains("Book")) {
            throw new DocumentParseException(Reason.UNSUPPORTED_FORMAT, "Excel (.xls) workbooks are not supported");
        }
        if (names.contains("PowerPoint Document")) {
            throw new DocumentParseException(Reason.UNSUPPORTED_FORMAT, "PowerPoint (.ppt) is not supported");
        }
        throw new DocumentParseException(Reason.UNSUPPORTED_FORMAT, "an OLE2 compound file of no known document kind");
    }

    /** TRUNCATED when the header's sector table points past the end of the file, CORRUPT otherwise. */
    static DocumentParseException ole2Failure(Path file, Exception e) {
        return new DocumentParseException(ole2Truncated(file) ? Reason.TRUNCATED : Reason.CORRUPT,
                "compound file (OLE2) cannot be read: " + e, e);
    }

    static boolean ole2Truncated(Path file) {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            if (length < 512) {
                return true;
            }
            byte[] header = new byte[512];
            raf.readFully(header);
            int shift = le16(header, 30);
            if (shift != 9 && shift != 12) {
                return false;
            }
            long sectorSize = 1L << shift;
            long sectors = (length - sectorSize) / sectorSize + ((length - sectorSize) % sectorSize == 0 ? 0 : 1);
            // The first 109 FAT sector numbers live in the header; the directory's first sector too.
            long maxSector = le32(header, 48);
            for (int i = 0; i < 109; i++) {
                long s = le32(header, 76 + i * 4);
                if (s >= 0 && s < 0xfffffffaL) {
                    maxSector = Math.max(maxSector, s);
                }
            }
            return maxSector >= sectors || (length - sectorSize) % sectorSize != 0 && maxSector + 1 >= sectors;
        } catch (IOException e) {
            return false;
        }
    }

    // --- ZIP containers

    private static DocumentFormat zip(Path file) {
        Set<String> names = new HashSet<>();
        boolean hwpxMime = false;
        try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.ISO_8859_1)) {
            var entries = zip.entries();
            int count = 0;
            while (entries.hasMoreElements() && count++ < 100_000) {
                names.add(entries.nextElement().getName());
            }
            ZipEntry mimetype = zip.getEntry("mimetype");
            if (mimetype != null && mimetype.getSize() < 1024) {
                try (InputStream in = zip.getInputStream(mimetype)) {
                    String m = new String(in.readNBytes(256), StandardCharsets.US_ASCII).strip();
                    hwpxMime = m.equalsIgnoreCase(DocumentFormat.HWPX.mediaType());
                } catch (IOException | RuntimeException ignored) {
                    // decided by the entry names below
                }
            }
        } catch (IOException | RuntimeException e) {
            throw zipFailure(file, e);
        }
        if (names.contains("word/document.xml")) {
            return DocumentFormat.DOCX;
        }
        if (hwpxMime || names.contains("Contents/content.hpf")) {
            return DocumentFormat.HWPX;
        }
        if (names.contains("xl/workbook.xml")) {
            throw new DocumentParseException(Reason.UNSUPPORTED_FORMAT, "Excel (.xlsx) workbooks are not supported");
        }
        if (names.contains("ppt/presentation.xml")) {
            throw new DocumentParseException(Reason.UNSUPPORTED_FORMAT, "PowerPoint (.pptx) is not supported");
        }
        if (names.contains("content.xml") && names.contains("mimetype")) {
            throw new DocumentParseException(Reason.UNSUPPORTED_FORMAT, "OpenDocument files are not supported");
        }
        throw new DocumentParseException(Reason.UNSUPPORTED_FORMAT, "a ZIP archive that is neither DOCX nor HWPX");
    }

    /** TRUNCATED when the ZIP has no end-of-central-directory record, ENCRYPTED for encrypted entries, else CORRUPT. */
    static DocumentParseException zipFailure(Path file, Exception e) {
        if (e instanceof DocumentParseException dpe) {
            return dpe;
        }
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (message.contains("encrypt")) {
            return new DocumentParseException(Reason.ENCRYPTED, "the ZIP container has encrypted entries", e);
        }
        if (!hasZipEnd(file) || e instanceof java.io.EOFException || message.contains("unexpected end")) {
            return new DocumentParseException(Reason.TRUNCATED, "ZIP container is incomplete: " + e.getMessage(), e);
        }
        return new DocumentParseException(Reason.CORRUPT, "ZIP container cannot be read: " + e, e);
    }

    /** Whether an end-of-central-directory record is among the last 64 KiB + 22 bytes. */
    static boolean hasZipEnd(Path file) {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            int tail = (int) Math.min(length, 65_535 + 22);
            byte[] buf = new byte[tail];
            raf.seek(length - tail);
            raf.readFully(buf);
            for (int i = tail - 22; i >= 0; i--) {
                if (buf[i] == 'P' && buf[i + 1] == 'K' && buf[i + 2] == 5 && buf[i + 3] == 6) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    // --- helpers

    static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }

    static int indexOf(byte[] data, byte[] needle, int within) {
        int last = Math.min(data.length - needle.length, within);
        outer:
        for (int i = 0; i <= last; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static int le16(byte[] b, int off) {
        return (b[off] & 0xff) | (b[off + 1] & 0xff) << 8;
    }

    static long le32(byte[] b, int off) {
        return (b[off] & 0xffL) | (b[off + 1] & 0xffL) << 8 | (b[off + 2] & 0xffL) << 16 | (b[off + 3] & 0xffL) << 24;
    }

    static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new DocumentParseException(Reason.IO_ERROR, e.toString(), e);
        }
    }
}
