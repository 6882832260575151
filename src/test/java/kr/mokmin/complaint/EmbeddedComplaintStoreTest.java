package kr.mokmin.complaint;

import java.io.IOException;
import java.nio.file.Files;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The complaint store contract on the embedded H2 file database (the default deployment). */
class EmbeddedComplaintStoreTest extends ComplaintStoreContract {

    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) throws IOException {
        var dir = Files.createTempDirectory("mokmin-h2-");
        registry.add("mokmin.data-dir", dir::toString);
    }
}
