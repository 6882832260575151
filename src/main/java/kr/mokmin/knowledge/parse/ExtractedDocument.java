package kr.mokmin.knowledge.parse;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The text of one document and where its parts are.
 *
 * @param text           the whole text, Unicode NFC, lines separated by {@code \n} (no {@code \r}, no other control
 *                       characters except tab)
 * @param pages          for paged formats (PDF, multi-page TIFF): page number and character range, in page order;
 *                       empty for formats without pages
 * @param tables         each table's character range, rendered as {@code cell | cell} rows
 * @param headings       headings found in the document's structure, in text order
 * @param metadata       title, author, subject, keywords, dates … and for Markdown every front matter key, in the
 *                       source's order; values are strings (lists joined with {@code ", "})
 * @param detectedFormat the format recognised from the content
 * @param warnings       what did not go perfectly but did not stop extraction, e.g. {@code "page 3 had no text: OCR
 *                       used"}
 */
public record ExtractedDocument(String text, List<PageSpan> pages, List<TableSpan> tables, List<HeadingSpan> headings,
                                Map<String, String> metadata, DocumentFormat detectedFormat, List<String> warnings) {

    public ExtractedDocument {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(detectedFormat, "detectedFormat");
        pages = List.copyOf(pages);
        tables = List.copyOf(tables);
        headings = List.copyOf(headings);
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        warnings = List.copyOf(warnings);
    }

    /** The text of one page (1-based), or empty if the document has no such page. */
    public String pageText(int page) {
        for (PageSpan span : pages) {
            if (span.page() == page) {
                return text.substring(span.start(), span.end());
            }
        }
        return "";
    }

    /** The rendered text of one table (0-based index in {@link #tables()}). */
    public String tableText(int index) {
        TableSpan span = tables.get(index);
        return text.substring(span.start(), span.end());
    }

    /** The document's title from its metadata, if it has one. */
    public String title() {
        return metadata.get("title");
    }
}
