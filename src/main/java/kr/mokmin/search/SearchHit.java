package kr.mokmin.search;

import java.util.Objects;

/**
 * One result.
 *
 * @param chunk        the chunk with its provenance (without its vector)
 * @param score        the final ranking score (higher is better; comparable only within one result list)
 * @param lexicalScore the keyword (BM25) score, 0 when only the vector search found the chunk
 * @param vectorScore  the vector similarity in [0, 1] ((1 + cosine) / 2), or {@code null} when vectors were not
 *                     searched or did not find this chunk
 * @param snippet      a short passage of the chunk as HTML: text escaped, matched words in
 *                     {@code <mark>…</mark>}; safe to insert into a page as is
 */
public record SearchHit(IndexedChunk chunk, double score, double lexicalScore, Double vectorScore, String snippet) {

    public SearchHit {
        Objects.requireNonNull(chunk, "chunk");
        snippet = snippet == null ? "" : snippet;
    }

    public String chunkId() {
        return chunk.chunkId();
    }

    public String documentId() {
        return chunk.documentId();
    }
}
