package kr.mokmin.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Base for tests against the real application: real HTTP on a random port, a real embedded H2 file database
 * and data directory in a fresh temporary folder per Spring context (shared by the test classes that share the
 * context; contexts with other settings get their own, since two open search indexes cannot share a folder).
 * The admin has the bearer token {@link #ADMIN_TOKEN} and the password {@link #ADMIN_PASSWORD}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Tests hammer intake and search from one address; the limiters have their own tests, which override these.
@TestPropertySource(properties = {"mokmin.intake.rate-per-minute=100000", "mokmin.intake.burst=100000",
        "mokmin.search.rate-per-minute=100000", "mokmin.search.burst=100000"})
public abstract class IntegrationTest {

    public static final String ADMIN_TOKEN = "it-admin-token-0123456789";
    public static final String ADMIN_PASSWORD = "it-admin-password";

    @LocalServerPort
    protected int port;

    @Value("${mokmin.data-dir}")
    private Path dataDir;

    /** Runs once for each context the test framework builds. */
    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        Path dir;
        try {
            dir = Files.createTempDirectory("mokmin-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        registry.add("mokmin.data-dir", dir::toString);
        registry.add("MOKMIN_ADMIN_TOKEN", () -> ADMIN_TOKEN);
        registry.add("MOKMIN_ADMIN_PASSWORD", () -> ADMIN_PASSWORD);
        // Contexts cached by the test framework share the database file; none may shut it down for the others.
        registry.add("mokmin.embedded-db.compact-on-shutdown", () -> "false");
    }

    /** This context's data directory. */
    protected Path dataDir() {
        return dataDir;
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }
}
