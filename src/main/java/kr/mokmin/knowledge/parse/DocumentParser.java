package kr.mokmin.knowledge.parse;

import java.nio.file.Path;
import java.util.Set;

/**
 * Extracts the text of one document format. Implementations are stateless and thread-safe; {@link DocumentParsers}
 * has already checked the file's size and recognised its format from its content before calling one.
 */
public interface DocumentParser {

    /** The formats this parser reads. */
    Set<DocumentFormat> formats();

    /**
     * @param file    a readable regular file, not empty and within {@link ParseLimits#maxFileBytes()}
     * @param format  the format recognised from the content (one of {@link #formats()})
     * @param context limits, OCR engine, deadline and warnings
     * @throws DocumentParseException when the document cannot be turned into text
     */
    ExtractedDocument parse(Path file, DocumentFormat format, ParseContext context);
}
