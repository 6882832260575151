package kr.mokmin.search;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The checks every {@link SearchIndex} adapter makes on what it is asked to write. */
public final class DocumentChunks {

    private DocumentChunks() {
    }

    /** @throws IllegalArgumentException if {@code documentId} is null or blank */
    public static String requireDocumentId(String documentId) {
        if (documentId == null || documentId.isBlank()) {
            throw new IllegalArgumentException("documentId must not be blank");
        }
        return documentId;
    }

    /**
     * @throws IllegalArgumentException if a chunk belongs to another document or two chunks share an id (what
     *                                  {@link SearchIndex#replaceDocument} refuses)
     */
    public static void check(String documentId, List<IndexedChunk> chunks) {
        requireDocumentId(documentId);
        Set<String> seen = new HashSet<>();
        for (IndexedChunk chunk : chunks) {
            if (!chunk.documentId().equals(documentId)) {
                throw new IllegalArgumentException("chunk " + chunk.chunkId() + " belongs to " + chunk.documentId()
                        + ", not " + documentId);
            }
            if (!seen.add(chunk.chunkId())) {
                throw new IllegalArgumentException("duplicate chunk id " + chunk.chunkId());
            }
        }
    }
}
