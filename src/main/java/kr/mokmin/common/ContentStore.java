package kr.mokmin.common;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import org.slf4j.LoggerFactory;

/**
 * Content-addressed file store (attachments, knowledge documents), plain Java (no Spring).
 *
 * <p>A file lives at {@code <root>/<first 2 hex>/<next 2 hex>/<sha256>}: identical content is stored once and the
 * uploaded file name never reaches the disk. An upload is first streamed into a temporary file under
 * {@code <root>/.tmp} (same file system as the final location) while it is hashed and counted, and aborted as soon
 * as it exceeds the limit; only a complete, fsynced file is renamed atomically to its final name. A crash can
 * therefore leave a stray temporary file (removed by {@link #sweepTemporaryFiles}), never a partial file under a
 * final name. Stored files are created without execute permission and are only ever read as data.
 */
public final class ContentStore {

    /** Bytes kept in memory from the start of each upload, for content sniffing. */
    public static final int HEAD_BYTES = 64 * 1024;

    /** Sub-directory of the root where uploads are staged before they are published. */
    public static final String TEMP_DIR = ".tmp";
    private static final String TEMP_PREFIX = "upload-";
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final int BUFFER = 64 * 1024;

    private final Path root;
    private final Path temp;

    public ContentStore(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.temp = this.root.resolve(TEMP_DIR);
        Files.createDirectories(temp);
    }

    public Path root() {
        return root;
    }

    /** Thrown when an upload exceeds the size limit; nothing is left on disk. */
    public static final class TooLargeException extends IOException {
        private final long limit;

        public TooLargeException(long limit) {
            super("upload exceeds " + limit + " bytes");
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }

    /**
     * Streams {@code in} into a temporary file, hashing and counting as it goes. Fails with
     * {@link TooLargeException} as soon as more than {@code maxBytes} arrived. On any failure the temporary file
     * is deleted before the exception leaves this method. The caller closes the stream.
     */
    public Staged stage(InputStream in, long maxBytes) throws IOException {
        MessageDigest sha = sha256();
        Path file = Files.createTempFile(temp, TEMP_PREFIX, ".part"); // rw------- on POSIX: never executable
        boolean staged = false;
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ByteArrayOutputStream head = new ByteArrayOutputStream(8192);
            byte[] buffer = new byte[BUFFER];
            long size = 0;
            int n;
            while ((n = in.read(buffer)) != -1) {
                size += n;
                if (size > maxBytes) {
                    throw new TooLargeException(maxBytes);
                }
                sha.update(buffer, 0, n);
                if (head.size() < HEAD_BYTES) {
                    head.write(buffer, 0, Math.min(n, HEAD_BYTES - head.size()));
                }
                ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                while (chunk.hasRemaining()) {
                    out.write(chunk);
                }
            }
            out.force(true);
            Staged result = new Staged(file, HexFormat.of().formatHex(sha.digest()), size, head.toByteArray());
            staged = true;
            return result;
        } finally {
            if (!staged) {
                Files.deleteIfExists(file);
            }
        }
    }

    /**
     * A complete upload in a temporary file, not yet visible under its final name. {@link #commit()} publishes it;
     * {@link #close()} without a commit discards it.
     */
    public final class Staged implements Closeable {
        private final Path file;
        private final String sha256;
        private final long size;
        private final byte[] head;
        private boolean done;

        private Staged(Path file, String sha256, long size, byte[] head) {
            this.file = file;
            this.sha256 = sha256;
            this.size = size;
            this.head = head;
        }

        public String sha256() {
            return sha256;
        }

        public long size() {
            return size;
        }

        /** The first {@link #HEAD_BYTES} bytes (fewer for a smaller file). */
        public byte[] head() {
            return head.clone();
        }

        /** The temporary file, for inspection before the commit (read only). */
        public Path file() {
            return file;
        }

        /**
         * Publishes the content under its final name with an atomic rename. When that content is already stored,
         * the temporary file is dropped instead (deduplication). Idempotent.
         */
        public synchronized Path commit() throws IOException {
            Path target = pathOf(sha256);
            if (done) {
                return target;
            }
            Files.createDirectories(target.getParent());
            if (isComplete(target, size)) {
                Files.deleteIfExists(file);
            } else {
                // Same content under the same name, so replacing a concurrent twin (or a damaged file) is harmless.
                Files.move(file, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                fsyncDirectory(target.getParent());
            }
            done = true;
            return target;
        }

        /** Deletes the temporary file unless the upload was committed. */
        @Override
        public synchronized void close() throws IOException {
            if (!done) {
                done = true;
                Files.deleteIfExists(file);
            }
        }
    }

    /**
     * Closes staged uploads (deleting those not committed), for a {@code finally} block: a temporary file that
     * cannot be deleted is logged, not thrown, since the sweep at the next start removes it.
     */
    public static void discard(Iterable<Staged> staged) {
        for (Staged s : staged) {
            try {
                s.close();
            } catch (IOException e) {
                LoggerFactory.getLogger(ContentStore.class).warn("Could not delete temporary upload {}", s.file(), e);
            }
        }
    }

    /** Where content with this SHA-256 lives (whether or not it exists). */
    public Path pathOf(String sha256) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a lower-case hex SHA-256: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    /** The stored file for this content, if present. */
    public Optional<Path> find(String sha256) {
        Path p = pathOf(sha256);
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    /**
     * Deletes temporary files older than {@code minAge}: leftovers of uploads interrupted by a crash. Younger ones
     * may belong to uploads in progress (another node sharing the directory) and stay.
     *
     * @return how many were deleted
     */
    public int sweepTemporaryFiles(Duration minAge) throws IOException {
        Instant cutoff = Instant.now().minus(minAge);
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(temp, TEMP_PREFIX + "*")) {
            for (Path f : files) {
                try {
                    FileTime modified = Files.getLastModifiedTime(f);
                    if (!modified.toInstant().isAfter(cutoff) && Files.deleteIfExists(f)) {
                        deleted++;
                    }
                } catch (NoSuchFileException gone) {
                    // finished or removed meanwhile
                }
            }
        }
        return deleted;
    }

    private static boolean isComplete(Path target, long size) throws IOException {
        try {
            return Files.isRegularFile(target) && Files.size(target) == size;
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    private static void fsyncDirectory(Path dir) {
        // Makes the rename itself durable. Not possible on every platform (e.g. Windows); the data is already synced.
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // best effort
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
