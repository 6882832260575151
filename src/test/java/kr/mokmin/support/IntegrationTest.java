package kr.mokmin.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Base for tests against the real application: real HTTP on a random port, a real embedded H2 file database
 * and data directory in a fresh temporary folder (shared by the test classes that share a Spring context), with
 * a search index of the context's own under it.
 * The admin has the bearer token {@link #ADMIN_TOKEN} and the password {@link #ADMIN_PASSWORD}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Tests hammer intake and search from one address; the limiters have their own tests, which override these.
@TestPropertySource(properties = {"mokmin.intake.rate-per-minute=100000", "mokmin.intake.burst=100000",
        "mokmin.search.rate-per-minute=100000", "mokmin.search.burst=100000"})
public abstract class IntegrationTest {

    public static final String ADMIN_TOKEN = "it-admin-token-0123456789";
    public static final String ADMIN_PASSWORD = "it-admin-password";

    private static final Path DATA_DIR;
    private static final AtomicInteger CONTEXTS = new AtomicInteger();

    static {
        try {
            DATA_DIR = Files.createTempDirectory("mokmin-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("mokmin.data-dir", DATA_DIR::toString);
        registry.add("MOKMIN_ADMIN_TOKEN", () -> ADMIN_TOKEN);
        registry.add("MOKMIN_ADMIN_PASSWORD", () -> ADMIN_PASSWORD);
        // Contexts cached by the test framework share the database file; none may shut it down for the others.
        registry.add("mokmin.embedded-db.compact-on-shutdown", () -> "false");
        // ... but not the search index: a Lucene index takes one writer per JVM, so each context (this method
        // runs once per context) gets its own directory.
        Path index = DATA_DIR.resolve("index-" + CONTEXTS.incrementAndGet());
        registry.add("mokmin.search.index-dir", index::toString);
    }

    protected static Path dataDir() {
        return DATA_DIR;
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }
}
