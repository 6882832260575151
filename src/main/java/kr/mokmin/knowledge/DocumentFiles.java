package kr.mokmin.knowledge;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import kr.mokmin.common.ContentStore;
import tools.jackson.databind.json.JsonMapper;

/**
 * The document store under {@code <data-dir>/documents}: originals and extractions, content-addressed (see
 * {@link ContentStore}). Uploads are streamed to a temporary file, never held in memory.
 */
public final class DocumentFiles {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ContentStore store;

    public DocumentFiles(ContentStore store) {
        this.store = store;
    }

    public ContentStore store() {
        return store;
    }

    /** Streams an upload into a temporary file, at most {@code maxBytes} (see {@link ContentStore#stage}). */
    public ContentStore.Staged stage(InputStream in, long maxBytes) throws IOException {
        return store.stage(in, maxBytes);
    }

    public Optional<Path> find(String sha256) {
        return sha256 == null ? Optional.empty() : store.find(sha256);
    }

    /** Stores small content given in memory (text sent as JSON, an extraction) and returns its SHA-256. */
    public String put(byte[] content) {
        try (ContentStore.Staged staged = store.stage(new ByteArrayInputStream(content), Long.MAX_VALUE)) {
            staged.commit();
            return staged.sha256();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String putExtraction(Extraction extraction) {
        return put(JSON.writeValueAsBytes(extraction));
    }

    public Optional<Extraction> extraction(String sha256) {
        return find(sha256).map(p -> {
            try (InputStream in = Files.newInputStream(p)) {
                return JSON.readValue(in, Extraction.class);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
