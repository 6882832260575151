package kr.mokmin.knowledge.parse;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import kr.mokmin.knowledge.parse.DocumentParseException.Reason;

/**
 * Scans and photos (PNG, JPEG, TIFF) through the {@link OcrEngine}. Before OCR the image header is read (not the
 * pixels) to refuse images larger than {@link ParseLimits#maxImagePixels()} and TIFFs with more frames than {@link
 * ParseLimits#maxPages()}; PNG and JPEG files must end with their end marker (else TRUNCATED). Frames of a
 * multi-page TIFF become pages.
 */
final class ImageParser implements DocumentParser {

    @Override
    public Set<DocumentFormat> formats() {
        return Set.of(DocumentFormat.PNG, DocumentFormat.JPEG, DocumentFormat.TIFF);
    }

    @Override
    public ExtractedDocument parse(Path file, DocumentFormat format, ParseContext context) {
        ParseLimits limits = context.limits();
        if (format != DocumentFormat.TIFF && !hasEndMarker(file, format)) {
            throw new DocumentParseException(Reason.TRUNCATED,
                    "the " + format + " image has no end marker: the file is incomplete");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        int frames = inspect(file, format, limits, metadata);
        if (!context.ocr().available()) {
            throw new DocumentParseException(Reason.OCR_UNAVAILABLE, "an image needs OCR: "
                    + context.ocr().unavailableReason().orElse(""));
        }
        String text = context.ocr().recognise(file, 0, context.ocrTimeout(frames));
        context.warn("text recognised by OCR (" + context.ocr().describe() + "): check names and numbers");
        context.ocr().notes().forEach(context::warn);
        TextAssembler out = new TextAssembler(context);
        if (format == DocumentFormat.TIFF) {
            String[] pages = text.split("\f", -1);
            int count = Math.max(1, frames);
            for (int i = 0; i < count; i++) {
                out.beginPage(i + 1, true);
                if (i < pages.length) {
                    out.lines(pages[i]);
                }
            }
            out.endPage();
        } else {
            out.lines(text);
        }
        metadata.put("ocr", context.ocr().describe());
        return out.build(format, metadata, context.warnings());
    }

    /** Reads width, height and frame count from the header; returns the frame count. */
    private static int inspect(Path file, DocumentFormat format, ParseLimits limits, Map<String, String> metadata) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new DocumentParseException(Reason.CORRUPT, "no image reader recognises the " + format + " file");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, false, true);
                int frames = format == DocumentFormat.TIFF ? reader.getNumImages(true) : 1;
                if (frames > limits.maxPages()) {
                    throw new DocumentParseException(Reason.TOO_MANY_PAGES,
                            "the TIFF has " + frames + " frames, at most " + limits.maxPages() + " allowed");
                }
                for (int i = 0; i < Math.max(1, frames); i++) {
                    long width = reader.getWidth(i);
                    long height = reader.getHeight(i);
                    if (width * height > limits.maxImagePixels()) {
                        throw new DocumentParseException(Reason.TOO_LARGE, "image " + width + "×" + height
                                + " has more than " + limits.maxImagePixels() + " pixels");
                    }
                    if (i == 0) {
                        metadata.put("width", Long.toString(width));
                        metadata.put("height", Long.toString(height));
                    }
                }
                if (frames > 1) {
                    metadata.put("pages", Integer.toString(frames));
                }
                return frames;
            } finally {
                reader.dispose();
            }
        } catch (DocumentParseException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new DocumentParseException(Reason.CORRUPT, "the image header cannot be read: " + e, e);
        }
    }

    /** PNG ends with an IEND chunk, JPEG with an EOI marker (FF D9), possibly followed by a little padding. */
    static boolean hasEndMarker(Path file, DocumentFormat format) {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            int tail = (int) Math.min(raf.length(), 4096);
            byte[] buf = new byte[tail];
            raf.seek(raf.length() - tail);
            raf.readFully(buf);
            if (format == DocumentFormat.PNG) {
                return FormatSniffer.indexOf(buf, new byte[] {'I', 'E', 'N', 'D'}, tail) >= 0;
            }
            for (int i = tail - 2; i >= 0; i--) {
                if ((buf[i] & 0xff) == 0xff && (buf[i + 1] & 0xff) == 0xd9) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}
