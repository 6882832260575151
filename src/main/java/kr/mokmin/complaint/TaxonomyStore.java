package kr.mokmin.complaint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import kr.mokmin.MokminProperties;
import kr.mokmin.common.MokminException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Holds the active taxonomy. Order of precedence at start: {@code mokmin.taxonomy-file}, then
 * {@code <data>/taxonomy.yml} (written when an admin replaces it), then the bundled 파주시-like default.
 */
@Component
public class TaxonomyStore {

    private static final Logger log = LoggerFactory.getLogger(TaxonomyStore.class);
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final Path replacementFile;
    private volatile Taxonomy current;

    public TaxonomyStore(MokminProperties properties) {
        this.replacementFile = properties.dataDir().resolve("taxonomy.yml");
        this.current = loadInitial(properties.taxonomyFile());
        log.info("Taxonomy loaded: {} departments, {} services", current.departments().size(),
                current.services().size());
    }

    public Taxonomy current() {
        return current;
    }

    /** Validates and activates a new taxonomy, persisting it under the data directory. */
    public synchronized Taxonomy replace(byte[] yaml) {
        Taxonomy parsed = parse(yaml);
        try {
            Files.createDirectories(replacementFile.getParent());
            Path tmp = Files.createTempFile(replacementFile.getParent(), "taxonomy", ".tmp");
            Files.write(tmp, yaml);
            Files.move(tmp, replacementFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException("Could not save taxonomy to " + replacementFile, e);
        }
        current = parsed;
        return parsed;
    }

    public static Taxonomy parse(byte[] yaml) {
        Taxonomy parsed;
        try {
            parsed = YAML.readValue(yaml, Taxonomy.class);
        } catch (JacksonException e) {
            throw MokminException.invalid("taxonomy YAML could not be read: " + e.getOriginalMessage());
        }
        if (parsed == null) {
            throw MokminException.invalid("taxonomy YAML is empty");
        }
        var problems = parsed.problems();
        if (!problems.isEmpty()) {
            throw MokminException.invalid("taxonomy is invalid: " + String.join("; ", problems));
        }
        return parsed;
    }

    private Taxonomy loadInitial(Path configured) {
        try {
            if (configured != null) {
                return parse(Files.readAllBytes(configured));
            }
            if (Files.isRegularFile(replacementFile)) {
                return parse(Files.readAllBytes(replacementFile));
            }
            try (InputStream in = new ClassPathResource("taxonomy/default.yml").getInputStream()) {
                return parse(in.readAllBytes());
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not read taxonomy", e);
        }
    }
}
