package kr.mokmin.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Base for tests against the real application: real HTTP on a random port, a real embedded H2 file database
 * and data directory in a fresh temporary folder (shared by the test classes that share a Spring context).
 * The admin has the bearer token {@link #ADMIN_TOKEN} and the password {@link #ADMIN_PASSWORD}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Tests hammer intake and search from one address; the limiters have their own tests, which override these.
// Cached contexts share the database file, but a Lucene index has one writer: each context gets its own
// (the placeholder is resolved once, when the context binds its settings).
@TestPropertySource(properties = {"mokmin.intake.rate-per-minute=100000", "mokmin.intake.burst=100000",
        "mokmin.search.rate-per-minute=100000", "mokmin.search.burst=100000",
        "mokmin.search.index-dir=${mokmin.data-dir}/index-${random.uuid}"})
public abstract class IntegrationTest {

    public static final String ADMIN_TOKEN = "it-admin-token-0123456789";
    public static final String ADMIN_PASSWORD = "it-admin-password";

    private static final Path DATA_DIR;

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
    }

    protected static Path dataDir() {
        return DATA_DIR;
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }
}
