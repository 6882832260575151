package kr.mokmin.knowledge.parse;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Calendar;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

import kr.mokmin.knowledge.parse.DocumentParseException.Reason;

/**
 * PDF through PDFBox, page by page. A page without usable text (a scan, or a text layer without Unicode mapping) is
 * rendered in grey at {@link ParseLimits#ocrDpi()} (lowered so the image stays within {@link
 * ParseLimits#maxImagePixels()}) and read by the {@link OcrEngine}, for at most {@link ParseLimits#maxOcrPages()}
 * pages. Streams are cached in temporary files, not on the heap. PDF tables have no structure to recognise: PDFs
 * report no {@link TableSpan}s.
 */
final class PdfParser implements DocumentParser {

    @Override
    public Set<DocumentFormat> formats() {
        return Set.of(DocumentFormat.PDF);
    }

    @Override
    public ExtractedDocument parse(Path file, DocumentFormat format, ParseContext context) {
        ParseLimits limits = context.limits();
        boolean hasEof = hasEofMarker(file);
        try (PDDocument doc = load(file)) {
            int pageCount = doc.getNumberOfPages();
            if (pageCount == 0) {
                throw new DocumentParseException(hasEof ? Reason.CORRUPT : Reason.TRUNCATED, "no page was found");
            }
            if (pageCount > limits.maxPages()) {
                throw new DocumentParseException(Reason.TOO_MANY_PAGES,
                        pageCount + " pages, at most " + limits.maxPages() + " allowed");
            }
            if (!hasEof) {
                context.warn("the PDF has no %%EOF marker: the file may be truncated and pages may be missing");
            }
            if (doc.isEncrypted()) {
                context.warn("the PDF is encrypted with an empty user password: text was extracted anyway");
            }
            Map<String, String> metadata = metadata(doc.getDocumentInformation());
            metadata.put("pages", Integer.toString(pageCount));
            TextAssembler out = new TextAssembler(context);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            stripper.setLineSeparator("\n");
            stripper.setPageEnd("\n");
            PDFRenderer renderer = null;
            int ocrPages = 0;
            int textlessPages = 0;
            boolean anyText = false;
            String ocrUnavailable = context.ocr().unavailableReason().orElse(null);
            for (int i = 1; i <= pageCount; i++) {
                context.checkDeadline();
                stripper.setStartPage(i);
                stripper.setEndPage(i);
                String text = stripper.getText(doc);
                Problem problem = textProblem(text, hasImage(doc.getPage(i - 1)));
                if (problem == null) {
                    out.beginPage(i, false);
                    out.lines(text);
                    anyText = true;
                    continue;
                }
                textlessPages++;
                String skipped = null;
                if (ocrUnavailable != null) {
                    skipped = "OCR unavailable (" + ocrUnavailable + ")";
                } else if (ocrPages >= limits.maxOcrPages()) {
                    skipped = "not OCRed, the OCR page limit (" + limits.maxOcrPages() + ") was reached";
                }
                String ocrText = null;
                if (skipped == null) {
                    if (renderer == null) {
                        renderer = new PDFRenderer(doc);
                    }
                    try {
                        ocrText = ocrPage(doc, renderer, i, context);
                    } catch (DocumentParseException e) {
                        if (e.reason() != Reason.OCR_TIMEOUT && e.reason() != Reason.OCR_FAILED) {
                            throw e;
                        }
                        skipped = e.getMessage();
                    }
                    ocrPages++;
                }
                if (ocrText != null) {
                    out.beginPage(i, true);
                    out.lines(ocrText);
                    anyText |= !ocrText.isBlank();
                    context.warn("page " + i + " " + problem.reason() + ": OCR used (" + context.ocr().describe()
                            + ")");
                } else {
                    out.beginPage(i, false);
                    out.lines(problem.fallback());
                    anyText |= !problem.fallback().isBlank();
                    if (skipped != null) {
                        context.warn("page " + i + " " + problem.reason() + ": " + skipped);
                    }
                }
            }
            out.endPage();
            if (!anyText && textlessPages == pageCount && ocrUnavailable != null) {
                throw new DocumentParseException(Reason.OCR_UNAVAILABLE,
                        "no page of the PDF has a text layer (a scan?) and OCR is unavailable: " + ocrUnavailable);
            }
            if (ocrPages > 0) {
                context.ocr().notes().forEach(context::warn);
            }
            return out.build(format, metadata, context.warnings());
        } catch (DocumentParseException e) {
            throw e;
        } catch (InvalidPasswordException e) {
            throw new DocumentParseException(Reason.ENCRYPTED, "the PDF needs a password to open", e);
        } catch (IOException | RuntimeException e) {
            throw new DocumentParseException(hasEof ? Reason.CORRUPT : Reason.TRUNCATED,
                    "PDF cannot be read: " + e.getMessage(), e);
        }
    }

    private static PDDocument load(Path file) throws IOException {
        return Loader.loadPDF(new RandomAccessReadBufferedFile(file.toFile()), "", null, null,
                IOUtils.createTempFileOnlyStreamCache());
    }

    /** Why a page's text layer is not enough, and what to keep of it if the page cannot be OCRed. */
    record Problem(String reason, String fallback) {
    }

    /** A page with an image and fewer letters than this is taken for a scan with a stray text layer. */
    static final int MIN_TEXT_OVER_IMAGE = 20;

    /**
     * Null when the page text is usable; otherwise why not: no text, text without Unicode mapping (unreadable), or
     * a few characters over an image (a scanned page with a page number or stamp in a text layer).
     */
    static Problem textProblem(String text, boolean hasImage) {
        int good = 0;
        int bad = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == 0xfffd || Character.getType(cp) == Character.PRIVATE_USE
                    || (Character.isISOControl(cp) && !Character.isWhitespace(cp))) {
                bad++;
            } else if (Character.isLetterOrDigit(cp)) {
                good++;
            }
        }
        if (good == 0 && bad == 0) {
            return new Problem("had no text", "");
        }
        if (bad > good) {
            return new Problem("has no readable text layer (no Unicode mapping)", "");
        }
        if (hasImage && good < MIN_TEXT_OVER_IMAGE) {
            return new Problem("has only " + good + " letters or digits over an image", text);
        }
        return null;
    }

    /** Whether the page draws an image XObject, directly or through a form XObject. */
    static boolean hasImage(PDPage page) {
        try {
            return hasImage(page.getResources(), 0);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean hasImage(PDResources resources, int depth) throws IOException {
        if (resources == null || depth > 3) {
            return false;
        }
        for (COSName name : resources.getXObjectNames()) {
            if (resources.isImageXObject(name)) {
                return true;
            }
            PDXObject x = resources.getXObject(name);
            if (x instanceof PDFormXObject form && hasImage(form.getResources(), depth + 1)) {
                return true;
            }
        }
        return false;
    }

    /** Renders one page and OCRs it; null (with a warning) when the page is too large to render. */
    private static String ocrPage(PDDocument doc, PDFRenderer renderer, int pageNumber, ParseContext context)
            throws IOException {
        ParseLimits limits = context.limits();
        PDPage page = doc.getPage(pageNumber - 1);
        PDRectangle box = page.getCropBox();
        double widthIn = Math.max(1, box.getWidth()) / 72.0;
        double heightIn = Math.max(1, box.getHeight()) / 72.0;
        int dpi = limits.ocrDpi();
        double pixels = widthIn * dpi * heightIn * dpi;
        if (pixels > limits.maxImagePixels()) {
            dpi = (int) Math.floor(Math.sqrt(limits.maxImagePixels() / (widthIn * heightIn)));
            if (dpi < 72) {
                context.warn("page " + pageNumber + " is too large to render for OCR (" + Math.round(widthIn) + "×"
                        + Math.round(heightIn) + " in)");
                return null;
            }
            context.warn("page " + pageNumber + " rendered at " + dpi + " dpi for OCR (image size limit)");
        }
        BufferedImage image = renderer.renderImageWithDPI(pageNumber - 1, dpi, ImageType.GRAY);
        Path png = Files.createTempFile("mokmin-ocr-", ".png");
        try {
            ImageIO.write(image, "png", png.toFile());
            image.flush();
            return context.ocr().recognise(png, dpi, context.ocrTimeout(1));
        } finally {
            Files.deleteIfExists(png);
        }
    }

    private static Map<String, String> metadata(PDDocumentInformation info) {
        Map<String, String> m = new LinkedHashMap<>();
        if (info == null) {
            return m;
        }
        put(m, "title", info.getTitle());
        put(m, "author", info.getAuthor());
        put(m, "subject", info.getSubject());
        put(m, "keywords", info.getKeywords());
        put(m, "creator", info.getCreator());
        put(m, "producer", info.getProducer());
        put(m, "created", date(info.getCreationDate()));
        put(m, "modified", date(info.getModificationDate()));
        return m;
    }

    private static String date(Calendar calendar) {
        if (calendar == null) {
            return null;
        }
        return calendar.toInstant().atOffset(ZoneOffset.ofTotalSeconds(calendar.getTimeZone()
                .getOffset(calendar.getTimeInMillis()) / 1000)).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static void put(Map<String, String> m, String key, String value) {
        if (value != null && !value.isBlank()) {
            m.put(key, TextAssembler.oneLine(TextAssembler.clean(value)));
        }
    }

    /** Whether "%%EOF" occurs in the last 2 KiB: a complete PDF ends with it. */
    static boolean hasEofMarker(Path file) {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            int tail = (int) Math.min(raf.length(), 2048);
            byte[] buf = new byte[tail];
            raf.seek(raf.length() - tail);
            raf.readFully(buf);
            return new String(buf, StandardCharsets.ISO_8859_1).contains("%%EOF");
        } catch (IOException e) {
            return false;
        }
    }
}
