package kr.mokmin.knowledge.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import kr.mokmin.knowledge.parse.DocumentParseException.Reason;

/**
 * The entry point: recognises a document's format from its content and extracts its text with the parser for that
 * format, within the {@link ParseLimits}.
 *
 * <p>Order of checks: size (EMPTY, TOO_LARGE — before a byte is read), format from the bytes (UNSUPPORTED_FORMAT,
 * or ENCRYPTED for a password-protected Office file), the file name's extension against it (a warning, or
 * EXTENSION_MISMATCH if {@link ParseLimits#refuseExtensionMismatch()}), then the parser. Any exception a library
 * throws that the parser did not classify becomes CORRUPT. Immutable and thread-safe.
 */
public final class DocumentParsers {

    private final ParseLimits limits;
    private final OcrEngine ocr;
    private final Map<DocumentFormat, DocumentParser> parsers;

    private DocumentParsers(ParseLimits limits, OcrEngine ocr, Map<DocumentFormat, DocumentParser> parsers) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.ocr = Objects.requireNonNull(ocr, "ocr");
        this.parsers = Collections.unmodifiableMap(new EnumMap<>(parsers));
    }

    /** Default limits, Tesseract from the PATH (used only if installed with Korean). */
    public static DocumentParsers defaults() {
        return create(ParseLimits.defaults(), new TesseractOcr());
    }

    /** Every built-in parser with these limits and this OCR engine ({@link OcrEngine#NONE} to disable OCR). */
    public static DocumentParsers create(ParseLimits limits, OcrEngine ocr) {
        Map<DocumentFormat, DocumentParser> map = new EnumMap<>(DocumentFormat.class);
        for (DocumentParser parser : List.of(new PlainTextParser(), new MarkdownParser(), new HtmlParser(),
                new PdfParser(), new DocxParser(), new HwpParser(), new HwpxParser(), new ImageParser())) {
            for (DocumentFormat format : parser.formats()) {
                map.put(format, parser);
            }
        }
        return new DocumentParsers(limits, ocr, map);
    }

    /** A copy that uses {@code parser} for its formats instead of the built-in one. */
    public DocumentParsers with(DocumentParser parser) {
        Map<DocumentFormat, DocumentParser> map = new EnumMap<>(parsers);
        for (DocumentFormat format : parser.formats()) {
            map.put(format, parser);
        }
        return new DocumentParsers(limits, ocr, map);
    }

    /** A copy with other limits. */
    public DocumentParsers withLimits(ParseLimits newLimits) {
        return new DocumentParsers(newLimits, ocr, parsers);
    }

    public ParseLimits limits() {
        return limits;
    }

    public OcrEngine ocr() {
        return ocr;
    }

    /** The parser for a format, if any. */
    public Optional<DocumentParser> parserFor(DocumentFormat format) {
        return Optional.ofNullable(parsers.get(format));
    }

    /**
     * Recognises the format of a file from its content, without extracting anything.
     *
     * @param fileName the name it was uploaded under (may be null): only tells Markdown from plain text
     * @throws DocumentParseException EMPTY, TOO_LARGE, UNSUPPORTED_FORMAT, ENCRYPTED, TRUNCATED, CORRUPT
     */
    public DocumentFormat detect(Path file, String fileName) {
        checkSize(file);
        return FormatSniffer.sniff(file, fileName);
    }

    /** Extracts the text of a file; its own name is the file name hint. */
    public ExtractedDocument parse(Path file) {
        Path name = file.getFileName();
        return parse(file, name == null ? null : name.toString());
    }

    /**
     * Extracts the text of a file.
     *
     * @param fileName the name it was uploaded under (may be null): a hint for text subtypes and for the
     *                 extension-mismatch warning, never for binary formats
     * @throws DocumentParseException with the reason the document was refused
     */
    public ExtractedDocument parse(Path file, String fileName) {
        checkSize(file);
        DocumentFormat format = FormatSniffer.sniff(file, fileName);
        ParseContext context = new ParseContext(limits, ocr, fileName);
        DocumentFormat.byExtension(fileName).ifPresent(named -> {
            if (!compatible(named, format)) {
                String detail = "the name " + fileName + " says " + named + " but the content is " + format;
                if (limits.refuseExtensionMismatch()) {
                    throw new DocumentParseException(Reason.EXTENSION_MISMATCH, detail);
                }
                context.warn("파일 확장자와 실제 형식이 다릅니다 / " + detail + ": parsed as " + format);
            }
        });
        DocumentParser parser = parsers.get(format);
        if (parser == null) {
            throw new DocumentParseException(Reason.UNSUPPORTED_FORMAT, "no parser is registered for " + format);
        }
        try {
            ExtractedDocument doc = parser.parse(file, format, context);
            if (doc.text().isBlank() && !doc.warnings().contains("the document has no text")) {
                List<String> warnings = new java.util.ArrayList<>(doc.warnings());
                warnings.add("the document has no text");
                doc = new ExtractedDocument(doc.text(), doc.pages(), doc.tables(), doc.headings(), doc.metadata(),
                        doc.detectedFormat(), warnings);
            }
            return doc;
        } catch (DocumentParseException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw new DocumentParseException(Reason.CORRUPT, format + " cannot be read: " + e, e);
        }
    }

    /**
     * Extracts the text of a stream (an upload): it is copied to a temporary file first, at most {@link
     * ParseLimits#maxFileBytes()} bytes (TOO_LARGE beyond), and the file is deleted afterwards.
     */
    public ExtractedDocument parse(InputStream in, String fileName) {
        Path temp = null;
        try {
            temp = Files.createTempFile("mokmin-doc-", ".bin");
            try (OutputStream out = Files.newOutputStream(temp)) {
                byte[] buf = new byte[64 * 1024];
                long total = 0;
                int n;
                while ((n = in.read(buf)) > 0) {
                    total += n;
                    if (total > limits.maxFileBytes()) {
                        throw new DocumentParseException(Reason.TOO_LARGE,
                                "more than " + limits.maxFileBytes() + " bytes");
                    }
                    out.write(buf, 0, n);
                }
            }
            return parse(temp, fileName);
        } catch (IOException e) {
            throw new DocumentParseException(Reason.IO_ERROR, e.toString(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a temp file left behind is not worth failing the extraction for
                }
            }
        }
    }

    private void checkSize(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DocumentParseException(Reason.IO_ERROR, file + " is not a readable file");
        }
        long size = FormatSniffer.size(file);
        if (size == 0) {
            throw new DocumentParseException(Reason.EMPTY, null);
        }
        if (size > limits.maxFileBytes()) {
            throw new DocumentParseException(Reason.TOO_LARGE,
                    size + " bytes, at most " + limits.maxFileBytes() + " allowed");
        }
    }

    /** Text subtypes may be named for each other (a .txt holding Markdown is fine); so may JPEG's two names. */
    private static boolean compatible(DocumentFormat named, DocumentFormat actual) {
        if (named == actual) {
            return true;
        }
        return (named == DocumentFormat.PLAIN_TEXT || named == DocumentFormat.MARKDOWN)
                && (actual == DocumentFormat.PLAIN_TEXT || actual == DocumentFormat.MARKDOWN);
    }
}
