package kr.mokmin.knowledge.demo;

import java.util.Map;
import kr.mokmin.knowledge.chunk.ChunkSource;

/**
 * A demo document with its text.
 *
 * @param document the manifest entry
 * @param text the file without its YAML front matter, NFC-normalised: what is indexed and what chunk
 *     offsets refer to
 * @param frontMatter the front matter as read from YAML (keys in Korean: 제목, 법령ID, 시행일자, 출처 …)
 */
public record DemoEntry(DemoDocument document, String text, Map<String, Object> frontMatter) {

    public DemoEntry {
        frontMatter = Map.copyOf(frontMatter);
    }

    /** Input for {@link kr.mokmin.knowledge.chunk.Chunker}. */
    public ChunkSource chunkSource() {
        return ChunkSource.of(text, document.kind());
    }
}
