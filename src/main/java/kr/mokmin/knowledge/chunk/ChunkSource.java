package kr.mokmin.knowledge.chunk;

import kr.mokmin.search.DocumentKind;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What the chunker reads: the extracted text of one document (NFC, as produced by the format parsers or
 * read from a Markdown file without its front matter), its kind, and optionally where pages and tables
 * are. Page spans and table spans are offsets into {@code text}; they are sorted here and must not
 * overlap each other.
 */
public record ChunkSource(String text, DocumentKind kind, List<PageSpan> pages, List<TableSpan> tables) {

    public ChunkSource {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
        pages = sorted(pages == null ? List.of() : pages, Comparator.comparingInt(PageSpan::start));
        tables = sorted(tables == null ? List.of() : tables, Comparator.comparingInt(TableSpan::start));
        int previousEnd = 0;
        for (PageSpan p : pages) {
            if (p.end() > text.length() || p.start() < previousEnd) {
                throw new IllegalArgumentException("page spans must lie in the text and not overlap: " + p);
            }
            previousEnd = p.end();
        }
        previousEnd = 0;
        for (TableSpan t : tables) {
            if (t.end() > text.length() || t.start() < previousEnd) {
                throw new IllegalArgumentException("table spans must lie in the text and not overlap: " + t);
            }
            previousEnd = t.end();
        }
    }

    public static ChunkSource of(String text, DocumentKind kind) {
        return new ChunkSource(text, kind, List.of(), List.of());
    }

    private static <T> List<T> sorted(List<T> list, Comparator<T> order) {
        return list.stream().map(Objects::requireNonNull).sorted(order).toList();
    }
}
