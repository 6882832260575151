package kr.mokmin.knowledge.parse;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds on what one extraction may cost. Exceeding one refuses the document with a {@link
 * DocumentParseException} (the OCR page budget only adds warnings). Use {@link #defaults()} and the
 * {@code with…} methods.
 *
 * @param maxFileBytes             larger files are refused before a byte of content is read (TOO_LARGE)
 * @param maxTextChars             longest extracted text (TOO_LARGE)
 * @param maxPages                 most PDF pages / TIFF frames (TOO_MANY_PAGES)
 * @param maxZipEntries            most entries in a DOCX/HWPX container (ZIP_BOMB)
 * @param maxUncompressedBytes     most bytes all entries of a DOCX/HWPX, or all streams of an HWP, inflate to
 *                                 (ZIP_BOMB)
 * @param maxCompressionRatio      highest inflate ratio of one entry larger than 1 MiB (ZIP_BOMB)
 * @param maxImagePixels           largest image (width × height) handed to OCR (TOO_LARGE)
 * @param ocrDpi                   resolution at which image-only PDF pages are rendered for OCR
 * @param maxOcrPages              most PDF pages OCRed in one document; further text-less pages get a warning
 * @param ocrTimeout               longest one OCR call (one image or page) may run (OCR_TIMEOUT)
 * @param timeout                  longest one extraction may run, checked between pages and blocks (TIMEOUT)
 * @param refuseExtensionMismatch  refuse a file whose extension names another format (EXTENSION_MISMATCH) instead
 *                                 of parsing it by its content with a warning
 */
public record ParseLimits(long maxFileBytes, int maxTextChars, int maxPages, int maxZipEntries,
                          long maxUncompressedBytes, int maxCompressionRatio, long maxImagePixels, int ocrDpi,
                          int maxOcrPages, Duration ocrTimeout, Duration timeout, boolean refuseExtensionMismatch) {

    public static final long MIB = 1024L * 1024L;

    public ParseLimits {
        positive(maxFileBytes, "maxFileBytes");
        positive(maxTextChars, "maxTextChars");
        positive(maxPages, "maxPages");
        positive(maxZipEntries, "maxZipEntries");
        positive(maxUncompressedBytes, "maxUncompressedBytes");
        positive(maxCompressionRatio, "maxCompressionRatio");
        positive(maxImagePixels, "maxImagePixels");
        if (ocrDpi < 72 || ocrDpi > 1200) {
            throw new IllegalArgumentException("ocrDpi must be within 72..1200: " + ocrDpi);
        }
        if (maxOcrPages < 0) {
            throw new IllegalArgumentException("maxOcrPages must be >= 0");
        }
        Objects.requireNonNull(ocrTimeout, "ocrTimeout");
        Objects.requireNonNull(timeout, "timeout");
        if (ocrTimeout.isNegative() || ocrTimeout.isZero() || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    /**
     * 100 MiB files, 20 M characters, 2,000 pages, 10,000 ZIP entries inflating to at most 512 MiB at a ratio of at
     * most 100, 60 M-pixel images, OCR at 300 dpi for up to 100 pages with 120 s each, 30 minutes in all.
     *
     * <p>OCR sets the time scale: a dense A4 page took 5–9 s with one Tesseract thread on a busy 2-core machine
     * (see {@code ParseBenchmark}); every other format extracts dozens to thousands of pages per second.
     */
    public static ParseLimits defaults() {
        return new ParseLimits(100 * MIB, 20_000_000, 2_000, 10_000, 512 * MIB, 100, 60_000_000L, 300, 100,
                Duration.ofSeconds(120), Duration.ofMinutes(30), false);
    }

    public ParseLimits withMaxFileBytes(long value) {
        return new ParseLimits(value, maxTextChars, maxPages, maxZipEntries, maxUncompressedBytes, maxCompressionRatio,
                maxImagePixels, ocrDpi, maxOcrPages, ocrTimeout, timeout, refuseExtensionMismatch);
    }

    public ParseLimits withMaxTextChars(int value) {
        return new ParseLimits(maxFileBytes, value, maxPages, maxZipEntries, maxUncompressedBytes, maxCompressionRatio,
                maxImagePixels, ocrDpi, maxOcrPages, ocrTimeout, timeout, refuseExtensionMismatch);
    }

    public ParseLimits withMaxPages(int value) {
        return new ParseLimits(maxFileBytes, maxTextChars, value, maxZipEntries, maxUncompressedBytes,
                maxCompressionRatio, maxImagePixels, ocrDpi, maxOcrPages, ocrTimeout, timeout, refuseExtensionMismatch);
    }

    public ParseLimits withZip(int maxEntries, long maxUncompressed, int maxRatio) {
        return new ParseLimits(maxFileBytes, maxTextChars, maxPages, maxEntries, maxUncompressed, maxRatio,
                maxImagePixels, ocrDpi, maxOcrPages, ocrTimeout, timeout, refuseExtensionMismatch);
    }

    public ParseLimits withMaxImagePixels(long value) {
        return new ParseLimits(maxFileBytes, maxTextChars, maxPages, maxZipEntries, maxUncompressedBytes,
                maxCompressionRatio, value, ocrDpi, maxOcrPages, ocrTimeout, timeout, refuseExtensionMismatch);
    }

    public ParseLimits withOcr(int dpi, int maxPagesToOcr, Duration timeoutPerCall) {
        return new ParseLimits(maxFileBytes, maxTextChars, maxPages, maxZipEntries, maxUncompressedBytes,
                maxCompressionRatio, maxImagePixels, dpi, maxPagesToOcr, timeoutPerCall, timeout,
                refuseExtensionMismatch);
    }

    public ParseLimits withTimeout(Duration value) {
        return new ParseLimits(maxFileBytes, maxTextChars, maxPages, maxZipEntries, maxUncompressedBytes,
                maxCompressionRatio, maxImagePixels, ocrDpi, maxOcrPages, ocrTimeout, value, refuseExtensionMismatch);
    }

    public ParseLimits withRefuseExtensionMismatch(boolean value) {
        return new ParseLimits(maxFileBytes, maxTextChars, maxPages, maxZipEntries, maxUncompressedBytes,
                maxCompressionRatio, maxImagePixels, ocrDpi, maxOcrPages, ocrTimeout, timeout, value);
    }

    private static void positive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
