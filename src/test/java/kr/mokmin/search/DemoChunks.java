package kr.mokmin.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kr.mokmin.knowledge.chunk.Chunk;
import kr.mokmin.knowledge.chunk.Chunker;
import kr.mokmin.knowledge.demo.DemoCorpus;
import kr.mokmin.knowledge.demo.DemoDocument;
import kr.mokmin.knowledge.demo.DemoEntry;

/**
 * Index-ready chunks of bundled public-domain statutes and ordinances (src/main/resources/demo/knowledge), cut
 * by the real chunker, for tests that put a small real corpus into the index directly (ingestion is not needed
 * to test search). Document ids are {@code demo:<path>}.
 */
public final class DemoChunks {

    private DemoChunks() {
    }

    /** The demo documents whose manifest path is one of {@code paths}, as documentId → chunks. */
    public static Map<String, List<IndexedChunk>> of(String... paths) {
        DemoCorpus corpus = DemoCorpus.load();
        Chunker chunker = new Chunker();
        Map<String, List<IndexedChunk>> out = new LinkedHashMap<>();
        for (String path : paths) {
            DemoDocument document = corpus.documents().stream().filter(d -> d.path().equals(path)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no demo document " + path));
            DemoEntry entry = corpus.read(document);
            String documentId = documentId(path);
            List<IndexedChunk> chunks = new ArrayList<>();
            for (Chunk c : chunker.chunk(entry.chunkSource())) {
                String title = c.heading() == null ? document.title() : document.title() + " " + c.heading();
                chunks.add(new IndexedChunk(documentId + "#" + c.ordinal(), documentId, 1, title, c.indexText(),
                        document.kind(), document.issuer(), document.effective(),
                        document.audience() == DemoDocument.Audience.PUBLIC ? Audience.PUBLIC : Audience.INTERNAL,
                        c.locator(), c.page(), c.startOffset(), c.endOffset(), document.source(), null));
            }
            out.put(documentId, chunks);
        }
        return out;
    }

    public static String documentId(String path) {
        return "demo:" + path;
    }
}
