package kr.mokmin.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentStoreTest {

    @TempDir
    Path dir;

    ContentStore store;

    @BeforeEach
    void setUp() throws IOException {
        store = new ContentStore(dir.resolve("attachments"));
    }

    @Test
    void storesContentAddressedWithoutTheFileName() throws Exception {
        byte[] content = "민원 첨부 내용".getBytes(StandardCharsets.UTF_8);
        String sha = sha256(content);
        Path stored;
        try (var staged = store.stage(new ByteArrayInputStream(content), 1024)) {
            assertThat(staged.sha256()).isEqualTo(sha);
            assertThat(staged.size()).isEqualTo(content.length);
            assertThat(staged.head()).isEqualTo(content);
            stored = staged.commit();
        }
        assertThat(stored).isEqualTo(dir.resolve("attachments").resolve(sha.substring(0, 2))
                .resolve(sha.substring(2, 4)).resolve(sha).toAbsolutePath());
        assertThat(Files.readAllBytes(stored)).isEqualTo(content);
        assertThat(store.find(sha)).contains(stored);
        assertThat(temporaryFiles()).isEmpty();
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(Files.getPosixFilePermissions(stored)).doesNotContain(PosixFilePermission.OWNER_EXECUTE,
                    PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);
        }
    }

    @Test
    void identicalContentIsStoredOnce() throws Exception {
        byte[] content = "same".getBytes(StandardCharsets.US_ASCII);
        Path first;
        Path second;
        try (var a = store.stage(new ByteArrayInputStream(content), 100);
             var b = store.stage(new ByteArrayInputStream(content), 100)) {
            first = a.commit();
            second = b.commit();
        }
        assertThat(second).isEqualTo(first);
        assertThat(storedFiles()).containsExactly(first);
        assertThat(temporaryFiles()).isEmpty();
    }

    @Test
    void abortsAsSoonAsTheLimitIsExceededAndLeavesNothing() throws Exception {
        var endless = new CountingStream(Long.MAX_VALUE);
        assertThatThrownBy(() -> store.stage(endless, 100_000))
                .isInstanceOf(ContentStore.TooLargeException.class);
        // Read at most one buffer past the limit, not the whole (endless) stream.
        assertThat(endless.delivered).isLessThanOrEqualTo(100_000 + 64 * 1024);
        assertThat(temporaryFiles()).isEmpty();
        assertThat(storedFiles()).isEmpty();
    }

    @Test
    void exactlyTheLimitIsAccepted() throws Exception {
        try (var staged = store.stage(new CountingStream(5000), 5000)) {
            assertThat(staged.size()).isEqualTo(5000);
            assertThat(staged.head()).hasSize(5000);
        }
        assertThat(temporaryFiles()).isEmpty();
    }

    @Test
    void aFailingUploadLeavesNoTemporaryFile() throws IOException {
        InputStream broken = new CountingStream(200_000) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (delivered > 100_000) {
                    throw new IOException("client went away");
                }
                return super.read(b, off, len);
            }
        };
        assertThatThrownBy(() -> store.stage(broken, 1_000_000)).hasMessage("client went away");
        assertThat(temporaryFiles()).isEmpty();
        assertThat(storedFiles()).isEmpty();
    }

    @Test
    void anUncommittedUploadIsDiscardedOnClose() throws Exception {
        var staged = store.stage(new ByteArrayInputStream(new byte[] {1, 2, 3}), 100);
        assertThat(temporaryFiles()).containsExactly(staged.file());
        staged.close();
        assertThat(temporaryFiles()).isEmpty();
        assertThat(storedFiles()).isEmpty();
        assertThat(store.find(staged.sha256())).isEmpty();
    }

    @Test
    void headIsCappedForLargeFiles() throws Exception {
        try (var staged = store.stage(new CountingStream(300_000), 1_000_000)) {
            assertThat(staged.head()).hasSize(ContentStore.HEAD_BYTES);
            assertThat(staged.size()).isEqualTo(300_000);
        }
    }

    @Test
    void aDamagedFileUnderTheFinalNameIsReplaced() throws Exception {
        byte[] content = "complete content".getBytes(StandardCharsets.US_ASCII);
        Path target = store.pathOf(sha256(content));
        Files.createDirectories(target.getParent());
        Files.write(target, "compl".getBytes(StandardCharsets.US_ASCII)); // e.g. restored from a broken backup
        try (var staged = store.stage(new ByteArrayInputStream(content), 100)) {
            staged.commit();
        }
        assertThat(Files.readAllBytes(target)).isEqualTo(content);
    }

    @Test
    void sweepRemovesStaleTemporaryFilesOnly() throws Exception {
        Path tmp = dir.resolve("attachments").resolve(ContentStore.TEMP_DIR);
        Path stale = Files.write(tmp.resolve("upload-crashed.part"), new byte[10]);
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        Path fresh = Files.write(tmp.resolve("upload-running.part"), new byte[10]);
        assertThat(store.sweepTemporaryFiles(Duration.ofHours(1))).isEqualTo(1);
        assertThat(temporaryFiles()).containsExactly(fresh);
    }

    @Test
    void onlyHexDigestsMapToPaths() {
        assertThatThrownBy(() -> store.pathOf("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.pathOf("A".repeat(64))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.pathOf(null)).isInstanceOf(IllegalArgumentException.class);
    }

    private List<Path> temporaryFiles() throws IOException {
        try (Stream<Path> s = Files.list(dir.resolve("attachments").resolve(ContentStore.TEMP_DIR))) {
            return s.toList();
        }
    }

    private List<Path> storedFiles() throws IOException {
        Path root = dir.resolve("attachments").toAbsolutePath();
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> !p.getParent().equals(root.resolve(ContentStore.TEMP_DIR))).toList();
        }
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    /** Delivers {@code total} bytes without holding them, counting what it handed out. */
    private static class CountingStream extends InputStream {
        private final long total;
        long delivered;

        CountingStream(long total) {
            this.total = total;
        }

        @Override
        public int read() {
            if (delivered >= total) {
                return -1;
            }
            delivered++;
            return 'x';
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (delivered >= total) {
                return -1;
            }
            int n = (int) Math.min(len, total - delivered);
            java.util.Arrays.fill(b, off, off + n, (byte) 'x');
            delivered += n;
            return n;
        }
    }
}
