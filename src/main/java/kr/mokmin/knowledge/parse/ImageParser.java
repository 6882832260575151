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
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataFormatImpl;
import javax.imageio.stream.ImageInputStream;

import org.w3c.dom.Node;

import kr.mokmin.knowledge.parse.DocumentParseException.Reason;

/**
 * Scans and photos (PNG, JPEG, TIFF) through the {@link OcrEngine}. Before OCR the image header is read (not the
 * pixels) to refuse images larger than {@link ParseLimits#maxImagePixels()} and TIFFs with more frames than {@link
 * ParseLimits#maxPages()}; PNG and JPEG files must end with their end marker (else TRUNCATED). Frames of a
 * multi-page TIFF become pages.
 */
final class ImageParser implements DocumentParser {

    /**
     * Resolution assumed for an image that does not state one: what document scanners produce. Tesseract's own
     * estimate from the text height is often far off for large type (it guessed 534 dpi for 14 pt at 300 dpi).
     */
    static final int DEFAULT_DPI = 300;

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
        int dpi = Integer.parseInt(metadata.getOrDefault("dpi", "0"));
        if (dpi == 0) {
            dpi = DEFAULT_DPI;
            context.warn("the image does not say its resolution: OCR assumed " + DEFAULT_DPI + " dpi");
        }
        String text = context.ocr().recognise(file, dpi, context.ocrTimeout(frames));
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
                reader.setInput(in, false, false);
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
                        int dpi = dpi(reader);
                        if (dpi > 0) {
                            metadata.put("dpi", Integer.toString(dpi));
                        }
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

    /** The horizontal resolution the image states (PNG pHYs, JFIF density, TIFF XResolution), or 0. */
    private static int dpi(ImageReader reader) {
        try {
            IIOMetadata meta = reader.getImageMetadata(0);
            if (meta == null || !meta.isStandardMetadataFormatSupported()) {
                return 0;
            }
            Node root = meta.getAsTree(IIOMetadataFormatImpl.standardMetadataFormatName);
            for (Node dim = root.getFirstChild(); dim != null; dim = dim.getNextSibling()) {
                if (!"Dimension".equals(dim.getNodeName())) {
                    continue;
                }
                for (Node n = dim.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if ("HorizontalPixelSize".equals(n.getNodeName())) {
                        Node value = n.getAttributes().getNamedItem("value");
                        double mmPerPixel = Double.parseDouble(value.getNodeValue());
                        int dpi = (int) Math.round(25.4 / mmPerPixel);
                        return dpi >= 70 && dpi <= 2400 ? dpi : 0;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
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
