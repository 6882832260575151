package kr.mokmin.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a Spring test context at the PostgreSQL given by MOKMIN_TEST_PG_URL/_USER/_PASSWORD, in a new schema. */
public final class Postgres {

    private Postgres() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        String url = System.getenv("MOKMIN_TEST_PG_URL");
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String separator = url.contains("?") ? "&" : "?";
        registry.add("spring.datasource.url", () -> url + separator + "currentSchema=" + schema);
        registry.add("spring.datasource.username", () -> env("MOKMIN_TEST_PG_USER", "mokmin"));
        registry.add("spring.datasource.password", () -> env("MOKMIN_TEST_PG_PASSWORD", "mokmin"));
        registry.add("spring.flyway.schemas", () -> schema);
        registry.add("spring.flyway.create-schemas", () -> "true");
        try {
            var dir = Files.createTempDirectory("mokmin-pg-");
            registry.add("mokmin.data-dir", dir::toString);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
