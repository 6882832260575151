package kr.mokmin.knowledge.parse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import kr.mokmin.knowledge.parse.DocumentParseException.Reason;

/**
 * Inspects a ZIP container (DOCX, HWPX) before a library opens it: counts the entries and inflates every one of them
 * once, counting the bytes actually produced (the sizes a ZIP declares can lie), so that a zip bomb is refused
 * before POI or hwpxlib build anything from it. Memory stays at one 64 KiB buffer.
 */
final class ZipGuard {

    private static final long RATIO_FLOOR_BYTES = 1024 * 1024;

    private ZipGuard() {
    }

    /**
     * @throws DocumentParseException ZIP_BOMB, ENCRYPTED, TRUNCATED or CORRUPT
     */
    static void check(Path file, ParseContext context) {
        ParseLimits limits = context.limits();
        long total = 0;
        int count = 0;
        byte[] buf = new byte[64 * 1024];
        try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.ISO_8859_1)) {
            if (zip.size() > limits.maxZipEntries()) {
                throw bomb("the container has " + zip.size() + " entries, more than " + limits.maxZipEntries());
            }
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (++count > limits.maxZipEntries()) {
                    throw bomb("the container has more than " + limits.maxZipEntries() + " entries");
                }
                if (entry.isDirectory()) {
                    continue;
                }
                long declared = entry.getSize();
                if (declared > limits.maxUncompressedBytes() - total) {
                    throw bomb("entry " + entry.getName() + " declares " + declared + " bytes; all entries may hold "
                            + limits.maxUncompressedBytes());
                }
                long compressed = Math.max(1, entry.getCompressedSize());
                long inflated = 0;
                try (InputStream in = zip.getInputStream(entry)) {
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        inflated += n;
                        total += n;
                        if (total > limits.maxUncompressedBytes()) {
                            throw bomb("entries inflate to more than " + limits.maxUncompressedBytes() + " bytes");
                        }
                        if (inflated > RATIO_FLOOR_BYTES && inflated / compressed > limits.maxCompressionRatio()) {
                            throw bomb("entry " + entry.getName() + " inflates more than "
                                    + limits.maxCompressionRatio() + " times");
                        }
                    }
                }
                if ((count & 63) == 0) {
                    context.checkDeadline();
                }
            }
        } catch (DocumentParseException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw FormatSniffer.zipFailure(file, e);
        }
    }

    private static DocumentParseException bomb(String detail) {
        return new DocumentParseException(Reason.ZIP_BOMB, detail);
    }
}
