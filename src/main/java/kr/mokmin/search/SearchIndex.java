package kr.mokmin.search;

import java.util.List;
import java.util.Map;

/**
 * The knowledge base's search index: chunks of documents in, ranked passages with provenance out.
 *
 * <p>Adapters: {@code kr.mokmin.search.lucene.LuceneSearchIndex} (embedded, on disk) and
 * {@code kr.mokmin.search.opensearch.OpenSearchIndex} (cluster); both must pass {@code SearchIndexContract}. Implementations are thread-safe. Failures of the underlying
 * store surface as {@link SearchException}.
 */
public interface SearchIndex extends AutoCloseable {

    /**
     * Replaces every chunk of a document by {@code chunks}, atomically and durably: once this returns the new
     * chunks are searchable and survive a restart, and no search ever sees a mix of old and new chunks or a
     * part of the new ones. An empty list deletes the document.
     *
     * @throws IllegalArgumentException if a chunk belongs to another document or two chunks share an id
     */
    void replaceDocument(String documentId, List<IndexedChunk> chunks);

    /**
     * Replaces several documents, each atomically as in {@link #replaceDocument}, with one durable commit at the
     * end: the bulk path for (re)loading a corpus.
     */
    default void replaceDocuments(Map<String, List<IndexedChunk>> documents) {
        documents.forEach(this::replaceDocument);
    }

    /** Removes every chunk of a document; nothing happens if there are none. */
    void deleteDocument(String documentId);

    /** The best chunks for the query, best first, at most {@code query.k()}; never throws for odd query text. */
    List<SearchHit> search(SearchQuery query);

    /** How many chunks the index holds. */
    long count();

    /**
     * How many chunks each document has in the index, by document id: what the knowledge module compares with its
     * database at startup to repair a crash between the two writes. Adapters that cannot list their documents
     * throw {@link UnsupportedOperationException} (the comparison is then skipped).
     */
    default Map<String, Integer> chunkCountsByDocument() {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot list its documents");
    }

    @Override
    void close();
}
