package kr.mokmin.triage.route;

import java.io.IOException;
import java.nio.file.Files;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The routing store contract on the embedded H2 file database. */
class EmbeddedRoutingStoreTest extends RoutingStoreContract {

    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) throws IOException {
        var dir = Files.createTempDirectory("mokmin-route-h2-");
        registry.add("mokmin.data-dir", dir::toString);
        registry.add("mokmin.knowledge.load-demo", () -> "false");
    }
}
