package kr.mokmin.knowledge;

import java.time.Instant;
import java.time.LocalDate;

import kr.mokmin.search.Audience;
import kr.mokmin.search.DocumentKind;

/**
 * A document of the knowledge base as recorded in the database (the bytes are in the document store).
 *
 * @param id             stable id; the search index groups chunks by it
 * @param version        1 for the first upload, +1 for each re-ingest
 * @param fileName       the uploaded name (sanitised), or null for text given as JSON
 * @param mediaType      the format recognised from the content once extracted; before that what the name suggests
 * @param sha256         SHA-256 of the original file
 * @param extractSha256  SHA-256 of the stored extraction (text and layout as JSON), once extracted
 * @param failureReason  stable code when FAILED (a {@code DocumentParseException.Reason} or {@link IngestFailure})
 * @param pageCount      pages of a paged format (PDF, TIFF), else null
 * @param textChars      length of the extracted text
 */
public record KnowledgeDocument(
        String id,
        int version,
        DocumentKind kind,
        String title,
        String issuer,
        LocalDate effectiveDate,
        String sourceUrl,
        Audience audience,
        String fileName,
        String mediaType,
        long sizeBytes,
        String sha256,
        String extractSha256,
        DocumentStatus status,
        String failureReason,
        String failureMessage,
        int chunkCount,
        Integer pageCount,
        Integer textChars,
        String createdBy,
        Instant createdAt,
        String updatedBy,
        Instant updatedAt) {

    /** The metadata part. */
    public DocumentMetadata metadata() {
        return new DocumentMetadata(kind, title, issuer, effectiveDate, sourceUrl, audience);
    }
}
