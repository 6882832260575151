package kr.mokmin.search;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;

/**
 * One searchable passage of a document, with the provenance a citation needs.
 *
 * @param chunkId         unique in the whole index (e.g. {@code "<documentId>#12"})
 * @param documentId      the document the chunk belongs to; {@link SearchIndex#replaceDocument} replaces all
 *                        chunks of one document together
 * @param documentVersion the document version the chunk was cut from
 * @param title           document (and section) title; searched with a boost; may be {@code null}
 * @param text            the passage itself
 * @param kind            what kind of document
 * @param issuer          who issued it (e.g. "파주시", "보건복지부"); may be {@code null}
 * @param effectiveDate   시행일; may be {@code null} (then the chunk is left out of date-filtered searches)
 * @param audience        who may see it
 * @param locator         where in the document, as a person cites it (e.g. "제12조제2항"); may be {@code null}
 * @param page            page number in the source file, when it has pages; may be {@code null}
 * @param startOffset     start of the passage in the document's extracted text (chars)
 * @param endOffset       end (exclusive) of the passage in the document's extracted text
 * @param sourceUrl       where the document can be read; may be {@code null}
 * @param vector          dense embedding of the passage, or {@code null} when no embedder is configured
 */
public record IndexedChunk(
        String chunkId,
        String documentId,
        int documentVersion,
        String title,
        String text,
        DocumentKind kind,
        String issuer,
        LocalDate effectiveDate,
        Audience audience,
        String locator,
        Integer page,
        int startOffset,
        int endOffset,
        String sourceUrl,
        float[] vector) {

    public IndexedChunk {
        requireText(chunkId, "chunkId");
        requireText(documentId, "documentId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(audience, "audience");
        if (startOffset < 0 || endOffset < startOffset) {
            throw new IllegalArgumentException("bad offsets " + startOffset + ".." + endOffset + " in " + chunkId);
        }
        if (vector != null) {
            vector = checkedCopy(vector, chunkId);
        }
    }

    /** The same chunk without its vector (hits do not carry vectors back: they are large and unused). */
    public IndexedChunk withoutVector() {
        return vector == null ? this : new IndexedChunk(chunkId, documentId, documentVersion, title, text, kind,
                issuer, effectiveDate, audience, locator, page, startOffset, endOffset, sourceUrl, null);
    }

    /** A copy of the vector, or {@code null} (the record never hands out its own array). */
    @Override
    public float[] vector() {
        return vector == null ? null : vector.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IndexedChunk c
                && chunkId.equals(c.chunkId) && documentId.equals(c.documentId)
                && documentVersion == c.documentVersion && Objects.equals(title, c.title)
                && text.equals(c.text) && kind == c.kind && Objects.equals(issuer, c.issuer)
                && Objects.equals(effectiveDate, c.effectiveDate) && audience == c.audience
                && Objects.equals(locator, c.locator) && Objects.equals(page, c.page)
                && startOffset == c.startOffset && endOffset == c.endOffset
                && Objects.equals(sourceUrl, c.sourceUrl) && Arrays.equals(vector, c.vector);
    }

    @Override
    public int hashCode() {
        return Objects.hash(chunkId, documentId, documentVersion, title, text, kind, issuer, effectiveDate,
                audience, locator, page, startOffset, endOffset, sourceUrl) * 31 + Arrays.hashCode(vector);
    }

    @Override
    public String toString() {
        return "IndexedChunk[" + chunkId + " of " + documentId + " v" + documentVersion + ", " + kind + ", "
                + audience + (locator == null ? "" : ", " + locator) + ", " + text.length() + " chars"
                + (vector == null ? "" : ", vector[" + vector.length + "]") + "]";
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    /** Cosine similarity is undefined for a zero or non-finite vector: refuse it here, not deep in the index. */
    private static float[] checkedCopy(float[] vector, String chunkId) {
        if (vector.length == 0) {
            throw new IllegalArgumentException("empty vector in " + chunkId);
        }
        double norm = 0;
        for (float v : vector) {
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException("non-finite vector component in " + chunkId);
            }
            norm += (double) v * v;
        }
        if (norm == 0) {
            throw new IllegalArgumentException("zero vector in " + chunkId);
        }
        return vector.clone();
    }
}
