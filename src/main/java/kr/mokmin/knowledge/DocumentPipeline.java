package kr.mokmin.knowledge;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import kr.mokmin.knowledge.chunk.Chunk;
import kr.mokmin.knowledge.chunk.Chunker;
import kr.mokmin.knowledge.parse.DocumentParseException;
import kr.mokmin.knowledge.parse.DocumentParsers;
import kr.mokmin.search.Embedder;
import kr.mokmin.search.IndexedChunk;

/**
 * Plain-Java core of ingestion: a file becomes an {@link Extraction}, and an extraction plus metadata becomes the
 * chunks to index (with vectors when an embedder is configured). No I/O besides reading the file, no Spring.
 */
public final class DocumentPipeline {

    private final DocumentParsers parsers;
    private final Chunker chunker;
    private final Embedder embedder;

    /** @param embedder null keeps the index lexical (no vectors) */
    public DocumentPipeline(DocumentParsers parsers, Chunker chunker, Embedder embedder) {
        this.parsers = Objects.requireNonNull(parsers, "parsers");
        this.chunker = Objects.requireNonNull(chunker, "chunker");
        this.embedder = embedder;
    }

    public DocumentParsers parsers() {
        return parsers;
    }

    public Chunker chunker() {
        return chunker;
    }

    /**
     * Extracts the text of a stored file.
     *
     * @throws DocumentParseException with the reason the file was refused
     */
    public Extraction extract(Path file, String fileName) {
        return Extraction.of(parsers.parse(file, fileName));
    }

    /** A refusal that is not about the file's bytes but about what came out or what happened next. */
    public static final class IndexingException extends RuntimeException {
        private final IngestFailure failure;

        public IndexingException(IngestFailure failure, String detail, Throwable cause) {
            super(detail, cause);
            this.failure = failure;
        }

        public IngestFailure failure() {
            return failure;
        }
    }

    /**
     * The chunks of one document version, ready for {@link kr.mokmin.search.SearchIndex#replaceDocument}. Chunk
     * ids are {@code <documentId>#<ordinal>}; the indexed text is {@link Chunk#indexText()} (section and heading
     * with the passage), the offsets point into {@code extraction.text()}.
     *
     * @throws IndexingException NO_TEXT when nothing searchable came out, EMBEDDING_FAILED when the embedder fails
     */
    public List<IndexedChunk> chunks(String documentId, int version, DocumentMetadata meta, Extraction extraction) {
        List<Chunk> chunks = chunker.chunk(extraction.chunkSource(meta.kind()));
        if (chunks.isEmpty()) {
            throw new IndexingException(IngestFailure.NO_TEXT, "no text to index", null);
        }
        List<String> texts = chunks.stream().map(Chunk::indexText).toList();
        List<float[]> vectors = embed(texts);
        List<IndexedChunk> out = new ArrayList<>(chunks.size());
        for (int i = 0; i < chunks.size(); i++) {
            Chunk c = chunks.get(i);
            out.add(new IndexedChunk(documentId + "#" + c.ordinal(), documentId, version, meta.title(), texts.get(i),
                    meta.kind(), meta.issuer(), meta.effectiveDate(), meta.audience(),
                    c.locator().isEmpty() ? null : c.locator(), c.page(), c.startOffset(), c.endOffset(),
                    meta.sourceUrl(), vectors == null ? null : vectors.get(i)));
        }
        return out;
    }

    private List<float[]> embed(List<String> texts) {
        if (embedder == null) {
            return null;
        }
        try {
            List<float[]> vectors = embedder.embedAll(texts);
            if (vectors.size() != texts.size()) {
                throw new IllegalStateException(vectors.size() + " vectors for " + texts.size() + " texts");
            }
            return vectors;
        } catch (RuntimeException e) {
            throw new IndexingException(IngestFailure.EMBEDDING_FAILED, e.getMessage(), e);
        }
    }
}
