package kr.mokmin.complaint.attachment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import org.apache.tika.Tika;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

import kr.mokmin.common.ContentStore;

/**
 * Determines what a file is from its bytes, plain Java. The client's Content-Type is ignored, and the file name is
 * only used to refine plain text (e.g. text/csv).
 *
 * <p>tika-core alone recognises OLE2 and ZIP containers only generically (or by file name), so both are looked
 * into here: OLE2 by its directory entry names (HWP 5, doc, xls, ppt), ZIP by its central directory (docx, xlsx,
 * pptx, hwpx). Office documents carrying VBA macros are flagged. Thread-safe.
 */
public final class ContentSniffer {

    public static final String OCTET_STREAM = "application/octet-stream";
    public static final String HWP5 = "application/x-hwp-v5";
    public static final String HWPX = "application/hwp+zip";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

    private static final byte[] OLE2_MAGIC = {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, (byte) 0xa1, (byte) 0xb1,
            0x1a, (byte) 0xe1};
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final int MAX_OLE2_ENTRIES = 100_000;

    /**
     * @param mediaType the detected media type (no parameters)
     * @param macros    an Office document with VBA macros
     * @param plainText the bytes alone say text/plain; {@code mediaType} may be a refinement by file name only
     *                  (e.g. text/csv, or application/x-bat for {@code run.bat})
     */
    public record Sniffed(String mediaType, boolean macros, boolean plainText) {
        Sniffed(String mediaType, boolean macros) {
            this(mediaType, macros, false);
        }
    }

    /** Tika's detectors and its MIME table. */
    private record TikaParts(Tika tika, MediaTypeRegistry registry) {
        static TikaParts load() {
            return new TikaParts(new Tika(), MimeTypes.getDefaultMimeTypes().getMediaTypeRegistry());
        }
    }

    /**
     * Loading Tika's MIME table takes a few hundred milliseconds: it happens on a thread of its own, so it does not
     * hold up the server's start, and the first upload waits for it only if it comes very early.
     */
    private final FutureTask<TikaParts> tikaParts = new FutureTask<>(TikaParts::load);

    public ContentSniffer() {
        Thread.ofPlatform().daemon().name("content-sniffer-init").start(tikaParts);
    }

    private TikaParts tikaParts() {
        try {
            return tikaParts.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading Tika", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot load Tika", e.getCause());
        }
    }

    /**
     * @param file     the complete content
     * @param head     its first bytes (at least {@link ContentStore#HEAD_BYTES}, or all of a smaller file)
     * @param fileName the (sanitised) name the client gave, a hint for text subtypes only
     */
    public Sniffed sniff(Path file, byte[] head, String fileName) throws IOException {
        if (startsWith(head, OLE2_MAGIC)) {
            return ole2(file);
        }
        Tika tika = tikaParts().tika();
        MediaType magic = baseType(tika.detect(head));
        if (startsWith(head, ZIP_MAGIC)) {
            Sniffed zip = zip(file);
            return zip != null ? zip : new Sniffed(magic.toString(), false);
        }
        if (MediaType.OCTET_STREAM.equals(magic)) {
            // tika-core only recognises ASCII and UTF-8 text; Korean text files are often CP949.
            boolean text = isLegacyKoreanText(head);
            return new Sniffed(text ? MediaType.TEXT_PLAIN.toString() : OCTET_STREAM, false, text);
        }
        if (MediaType.TEXT_PLAIN.equals(magic)) {
            if (fileName != null && !fileName.isBlank()) {
                MediaType named = baseType(tika.detect(new ByteArrayInputStream(head), fileName));
                if (tikaParts().registry().isSpecializationOf(named, MediaType.TEXT_PLAIN)) {
                    return new Sniffed(named.toString(), false, true);
                }
            }
            return new Sniffed(MediaType.TEXT_PLAIN.toString(), false, true);
        }
        return new Sniffed(magic.toString(), false);
    }

    private static MediaType baseType(String type) {
        MediaType parsed = MediaType.parse(type);
        return parsed == null ? MediaType.OCTET_STREAM : parsed.getBaseType();
    }

    // --- OLE2 (Compound File Binary): HWP 5, doc, xls, ppt, msi …

    private static Sniffed ole2(Path file) throws IOException {
        Set<String> names = ole2EntryNames(file);
        boolean macros = names.contains("VBA") || names.contains("_VBA_PROJECT_CUR") || names.contains("Macros")
                || names.contains("_VBA_PROJECT");
        String type;
        if (names.contains("FileHeader") && (names.contains("DocInfo") || names.contains("BodyText"))) {
            type = HWP5;
        } else if (names.contains("WordDocument")) {
            type = "application/msword";
        } else if (names.contains("Workbook") || names.contains("Book")) {
            type = "application/vnd.ms-excel";
        } else if (names.contains("PowerPoint Document")) {
            type = "application/vnd.ms-powerpoint";
        } else if (names.contains("EncryptedPackage")) {
            type = "application/x-tika-ooxml-protected";
        } else {
            type = "application/x-tika-msoffice"; // MSI installers and other containers
        }
        return new Sniffed(type, macros);
    }

    /**
     * Names of the directory entries of a compound file. Directory entries are 128-byte records aligned to 128
     * bytes (sectors are 512 or 4096 bytes), so the records are recognised where they stand instead of following
     * the sector chains: a UTF-16LE name, its length at offset 64 and an object type of storage or stream.
     */
    static Set<String> ole2EntryNames(Path file) throws IOException {
        Set<String> names = new HashSet<>();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer block = ByteBuffer.allocate(128 * 1024);
            long position = 512; // after the header
            while (names.size() < MAX_OLE2_ENTRIES) {
                block.clear();
                int read = 0;
                while (block.hasRemaining()) {
                    int n = ch.read(block, position + read);
                    if (n < 0) {
                        break;
                    }
                    read += n;
                }
                if (read < 128) {
                    break;
                }
                byte[] bytes = block.array();
                for (int off = 0; off + 128 <= read; off += 128) {
                    String name = directoryEntryName(bytes, off);
                    if (name != null) {
                        names.add(name);
                    }
                }
                position += read - read % 128;
                if (read < block.capacity()) {
                    break;
                }
            }
        }
        return names;
    }

    private static String directoryEntryName(byte[] b, int off) {
        int nameLength = (b[off + 64] & 0xff) | (b[off + 65] & 0xff) << 8;
        int type = b[off + 66];
        if (nameLength < 4 || nameLength > 64 || nameLength % 2 != 0 || (type != 1 && type != 2 && type != 5)) {
            return null;
        }
        if (b[off + nameLength - 2] != 0 || b[off + nameLength - 1] != 0) {
            return null; // not NUL-terminated
        }
        String name = new String(b, off, nameLength - 2, StandardCharsets.UTF_16LE);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == 0 || c == '/' || c == '\\' || c == ':' || c == '!') {
                return null;
            }
        }
        return name;
    }

    // --- ZIP: docx, xlsx, pptx, hwpx …

    /** Returns null when the ZIP is none of the known document formats (or cannot be read as one). */
    private static Sniffed zip(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
            Set<String> entries = new HashSet<>();
            boolean macros = false;
            var it = zip.entries();
            while (it.hasMoreElements()) {
                String name = it.nextElement().getName();
                entries.add(name);
                macros |= name.toLowerCase().endsWith("vbaproject.bin");
            }
            if (entries.contains("[Content_Types].xml")) {
                if (entries.contains("word/document.xml")) {
                    return new Sniffed(DOCX, macros);
                }
                if (entries.contains("xl/workbook.xml")) {
                    return new Sniffed(XLSX, macros);
                }
                if (entries.contains("ppt/presentation.xml")) {
                    return new Sniffed(PPTX, macros);
                }
                return null;
            }
            if (entries.contains("Contents/content.hpf") || isHwpxMimetype(zip)) {
                return new Sniffed(HWPX, false);
            }
            return null;
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }

    private static boolean isHwpxMimetype(ZipFile zip) throws IOException {
        ZipEntry mimetype = zip.getEntry("mimetype");
        if (mimetype == null) {
            return false;
        }
        try (InputStream in = zip.getInputStream(mimetype)) {
            byte[] first = in.readNBytes(64);
            return new String(first, StandardCharsets.US_ASCII).strip().equals(HWPX);
        }
    }

    // --- text

    /** Text in CP949/EUC-KR (which tika-core reports as octet-stream): decodes strictly, no control characters. */
    static boolean isLegacyKoreanText(byte[] head) {
        if (head.length == 0) {
            return false;
        }
        for (byte b : head) {
            if (b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' || b == 0x7f) {
                return false;
            }
        }
        CharsetDecoder decoder = cp949().newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(head);
        CharBuffer out = CharBuffer.allocate(head.length);
        // endOfInput=false: a character cut off at the end of the head is not an error.
        CoderResult result = decoder.decode(in, out, false);
        if (result.isError() || in.remaining() > 2) {
            return false;
        }
        out.flip();
        return out.chars().noneMatch(c -> Character.getType(c) == Character.PRIVATE_USE);
    }

    private static Charset cp949() {
        try {
            return Charset.forName("x-windows-949");
        } catch (RuntimeException e) {
            return Charset.forName("EUC-KR");
        }
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }
}
