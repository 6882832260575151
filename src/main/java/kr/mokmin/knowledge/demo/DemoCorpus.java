package kr.mokmin.knowledge.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The demo knowledge base bundled under {@code demo/knowledge/} on the classpath: public-domain 조례, 규칙
 * and 법령 (see the README there). Reads {@code manifest.yml} and yields each file's metadata and text.
 * Plain Java, no Spring; files are read from the classpath when asked for.
 */
public final class DemoCorpus {

    /** Classpath folder of the demo knowledge base. */
    public static final String ROOT = "demo/knowledge/";
    /** Classpath resource of the manifest. */
    public static final String MANIFEST = ROOT + "manifest.yml";

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private record Manifest(List<DemoDocument> documents) {
    }

    private final ClassLoader loader;
    private final List<DemoDocument> documents;

    private DemoCorpus(ClassLoader loader, List<DemoDocument> documents) {
        this.loader = loader;
        this.documents = documents;
    }

    /** The corpus bundled with the application. */
    public static DemoCorpus load() {
        return load(DemoCorpus.class.getClassLoader());
    }

    /** The corpus whose {@link #MANIFEST} the given class loader sees. */
    public static DemoCorpus load(ClassLoader loader) {
        Objects.requireNonNull(loader, "loader");
        Manifest manifest;
        try (InputStream in = loader.getResourceAsStream(MANIFEST)) {
            if (in == null) {
                throw new IllegalStateException("no " + MANIFEST + " on the classpath");
            }
            manifest = YAML.readValue(in, Manifest.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + MANIFEST, e);
        } catch (JacksonException e) {
            throw new IllegalStateException(MANIFEST + " is not valid: " + e.getOriginalMessage(), e);
        }
        if (manifest == null || manifest.documents() == null || manifest.documents().isEmpty()) {
            throw new IllegalStateException(MANIFEST + " lists no documents");
        }
        Set<String> paths = new HashSet<>();
        for (DemoDocument d : manifest.documents()) {
            validate(d);
            if (!paths.add(d.path())) {
                throw new IllegalStateException(MANIFEST + " lists " + d.path() + " twice");
            }
        }
        return new DemoCorpus(loader, List.copyOf(manifest.documents()));
    }

    /** Every document in manifest order. */
    public List<DemoDocument> documents() {
        return documents;
    }

    /** Reads one document's file. */
    public DemoEntry read(DemoDocument document) {
        String raw;
        try (InputStream in = loader.getResourceAsStream(document.resource())) {
            if (in == null) {
                throw new IllegalStateException("demo document missing from the classpath: " + document.resource());
            }
            raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + document.resource(), e);
        }
        String[] parts = splitFrontMatter(raw);
        return new DemoEntry(document, Normalizer.normalize(parts[1], Normalizer.Form.NFC), parseFrontMatter(parts[0],
                document.resource()));
    }

    /** Every document with its text, read lazily one by one. */
    public Stream<DemoEntry> entries() {
        return documents.stream().map(this::read);
    }

    /**
     * Splits {@code ---\n<yaml>\n---\n<body>} into the YAML and the body; a file without front matter is all body.
     */
    static String[] splitFrontMatter(String raw) {
        String s = raw.startsWith("\uFEFF") ? raw.substring(1) : raw;
        if (!s.startsWith("---\n") && !s.startsWith("---\r\n")) {
            return new String[] {"", s};
        }
        int open = s.indexOf('\n') + 1;
        int close = s.indexOf("\n---", open - 1);
        while (close >= 0) {
            int lineEnd = close + 4;
            if (lineEnd == s.length() || s.charAt(lineEnd) == '\n' || s.charAt(lineEnd) == '\r') {
                int bodyStart = lineEnd == s.length() ? lineEnd : s.indexOf('\n', lineEnd) + 1;
                if (bodyStart == 0) {
                    bodyStart = s.length();
                }
                return new String[] {s.substring(open, close + 1), s.substring(bodyStart)};
            }
            close = s.indexOf("\n---", close + 1);
        }
        return new String[] {"", s};
    }

    private static Map<String, Object> parseFrontMatter(String yaml, String where) {
        if (yaml.isBlank()) {
            return Map.of();
        }
        try {
            Map<String, Object> map = YAML.readValue(yaml, new TypeReference<LinkedHashMap<String, Object>>() { });
            return map == null ? Map.of() : map;
        } catch (JacksonException e) {
            throw new IllegalStateException("front matter of " + where + " is not valid YAML: " + e.getOriginalMessage(), e);
        }
    }

    private static void validate(DemoDocument d) {
        String what = MANIFEST + " entry " + d.path();
        if (d.path() == null || d.path().isBlank() || d.path().startsWith("/") || d.path().contains("..")
                || d.path().contains("\\")) {
            throw new IllegalStateException(what + ": path must be relative to " + ROOT);
        }
        if (d.title() == null || d.title().isBlank() || d.kind() == null || d.issuer() == null || d.issuer().isBlank()
                || d.effective() == null || d.source() == null || d.source().isBlank() || d.audience() == null) {
            throw new IllegalStateException(what + ": title, kind, issuer, effective, source and audience are required");
        }
    }
}
