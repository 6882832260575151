package kr.mokmin.knowledge;

import java.util.List;
import java.util.Objects;

import kr.mokmin.knowledge.chunk.ChunkSource;
import kr.mokmin.knowledge.parse.ExtractedDocument;
import kr.mokmin.search.DocumentKind;

/**
 * The stored result of extracting a document: its text and where pages and tables are. Kept next to the original
 * (as JSON in the document store) so a document can be re-chunked and re-indexed without parsing again, and so a
 * cited passage can be shown in context by its offsets.
 *
 * @param format   the format recognised from the content ({@code DocumentFormat} name)
 * @param pages    page spans of paged formats, in page order
 * @param tables   table spans with their captions
 * @param warnings what did not go perfectly during extraction
 */
public record Extraction(String text, String format, List<Page> pages, List<Table> tables, List<String> warnings) {

    public Extraction {
        Objects.requireNonNull(text, "text");
        pages = pages == null ? List.of() : List.copyOf(pages);
        tables = tables == null ? List.of() : List.copyOf(tables);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** Characters {@code [start, end)} are on page {@code page} (1-based). */
    public record Page(int page, int start, int end, boolean ocr) {
    }

    /** A table's characters {@code [start, end)} and its caption (may be null). */
    public record Table(int start, int end, String caption) {
    }

    public static Extraction of(ExtractedDocument doc) {
        return new Extraction(doc.text(), doc.detectedFormat().name(),
                doc.pages().stream().map(p -> new Page(p.page(), p.start(), p.end(), p.ocr())).toList(),
                doc.tables().stream().map(t -> new Table(t.start(), t.end(), t.caption())).toList(),
                doc.warnings());
    }

    /** The chunker's input (the chunker has its own span types). Empty spans are left out: they hold nothing. */
    public ChunkSource chunkSource(DocumentKind kind) {
        return new ChunkSource(text, kind,
                pages.stream().filter(p -> p.end() > p.start())
                        .map(p -> new kr.mokmin.knowledge.chunk.PageSpan(p.start(), p.end(), p.page())).toList(),
                tables.stream().filter(t -> t.end() > t.start())
                        .map(t -> new kr.mokmin.knowledge.chunk.TableSpan(t.start(), t.end(), t.caption())).toList());
    }

    /** Number of pages, or null for formats without pages. */
    public Integer pageCount() {
        return pages.isEmpty() ? null : pages.size();
    }
}
