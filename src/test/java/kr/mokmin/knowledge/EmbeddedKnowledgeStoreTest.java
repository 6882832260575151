package kr.mokmin.knowledge;

import java.io.IOException;
import java.nio.file.Files;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The knowledge store contract on the embedded H2 file database. */
class EmbeddedKnowledgeStoreTest extends KnowledgeStoreContract {

    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) throws IOException {
        var dir = Files.createTempDirectory("mokmin-kb-h2-");
        registry.add("mokmin.data-dir", dir::toString);
    }
}
