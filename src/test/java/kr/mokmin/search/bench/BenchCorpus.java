package kr.mokmin.search.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import kr.mokmin.knowledge.chunk.Chunk;
import kr.mokmin.knowledge.chunk.ChunkSource;
import kr.mokmin.knowledge.chunk.Chunker;
import kr.mokmin.knowledge.demo.DemoCorpus;
import kr.mokmin.knowledge.parse.DocumentParsers;
import kr.mokmin.knowledge.parse.ExtractedDocument;
import kr.mokmin.knowledge.parse.OcrEngine;
import kr.mokmin.knowledge.parse.ParseLimits;
import kr.mokmin.search.Audience;
import kr.mokmin.search.DocumentKind;
import kr.mokmin.search.Embedder;
import kr.mokmin.search.IndexedChunk;

/**
 * The search benchmark's corpus and queries, read at benchmark time and never stored in the repository.
 *
 * <p>From {@code shared/data} (dev-only material without a licence to redistribute): statutes and ordinances
 * (Markdown, parsed by the product's Markdown parser), easylaw sections, 당진시 web pages, 인천 중구 complaints with
 * their answers and national petitions. Without it: the bundled demo statutes and ordinances. Either way the
 * documents are cut by the product's {@link Chunker} (default policy), and if that gives fewer chunks than asked
 * for, further copies of the whole corpus with other document ids ({@code copy2/…}) are added, which grows the
 * postings like a bigger corpus but repeats its vocabulary exactly.
 *
 * <p>Every chunk is {@link Audience#PUBLIC}, so the product's audience filter keeps all of them and its results
 * can be compared one for one with a raw Lucene query without that filter.
 */
public final class BenchCorpus {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One source document before chunking. */
    public record Doc(String id, String title, DocumentKind kind, String issuer, String text) {
    }

    private final List<Doc> documents;
    private final List<String> questions;
    private final String source;

    private BenchCorpus(List<Doc> documents, List<String> questions, String source) {
        this.documents = List.copyOf(documents);
        this.questions = List.copyOf(questions);
        this.source = source;
    }

    /** The documents of one copy, in a fixed order. */
    public List<Doc> documents() {
        return documents;
    }

    /** Search questions, in a fixed order, without duplicates. */
    public List<String> questions() {
        return questions;
    }

    /** Where the corpus came from, for the report. */
    public String source() {
        return source;
    }

    /**
     * Reads {@code dataDir} (the shared/data folder) when it has the files, else the bundled demo corpus.
     *
     * @param devQuestions a {@code queries.jsonl} of the easylaw dev set (its {@code question}s are added to the
     *                     query set), or {@code null}
     */
    public static BenchCorpus load(Path dataDir, Path devQuestions) {
        Set<String> questions = new LinkedHashSet<>();
        if (devQuestions != null && Files.isRegularFile(devQuestions)) {
            jsonLines(devQuestions, q -> questions.add(q.path("question").asString("")));
        }
        if (dataDir != null && Files.isDirectory(dataDir.resolve("laws/kr"))) {
            List<Doc> docs = new ArrayList<>();
            DocumentParsers parsers = DocumentParsers.create(ParseLimits.defaults(), OcrEngine.NONE);
            markdown(parsers, dataDir.resolve("laws/kr"), "law", DocumentKind.STATUTE, "대한민국", docs);
            markdown(parsers, dataDir.resolve("ordinances"), "ord", null, null, docs);
            jsonLines(dataDir.resolve("easylaw/easylaw_sections.jsonl"), n -> docs.add(new Doc(
                    "easylaw/" + docs.size(), n.path("topic").asString("") + " > " + n.path("section").asString(""),
                    DocumentKind.GUIDELINE, "법제처", n.path("text").asString(""))));
            jsonLines(dataDir.resolve("city_web/dangjin_city_pages.jsonl"), n -> docs.add(new Doc(
                    "web/" + n.path("path").asString(""), firstHeading(n), DocumentKind.OTHER, "당진시",
                    n.path("text").asString(""))));
            jsonLines(dataDir.resolve("complaints/incheon_junggu_complaints_train.jsonl"), n -> {
                docs.add(new Doc("minwon/" + n.path("id").asString(""), n.path("title").asString(""),
                        DocumentKind.OTHER, "인천광역시 중구", n.path("content").asString("") + "\n\n답변\n"
                        + n.path("answer").asString("")));
                questions.add(n.path("title").asString(""));
            });
            jsonLines(dataDir.resolve("complaints/bluehouse_petitions_train.jsonl"), n -> {
                docs.add(new Doc("petition/" + n.path("id").asString(""), n.path("title").asString(""),
                        DocumentKind.OTHER, "청와대", n.path("content").asString("")));
                questions.add(n.path("title").asString(""));
            });
            questions.removeIf(String::isBlank);
            return new BenchCorpus(docs, List.copyOf(questions), "shared/data (" + dataDir + ")");
        }
        List<Doc> docs = new ArrayList<>();
        Chunker chunker = new Chunker();
        boolean headingsAsQuestions = questions.isEmpty();
        DemoCorpus.load().entries().forEach(e -> {
            docs.add(new Doc("demo/" + e.document().path(), e.document().title(), e.document().kind(),
                    e.document().issuer(), e.text()));
            if (headingsAsQuestions) {
                // no real questions at hand: article headings as a citizen would ask them
                for (Chunk c : chunker.chunk(e.chunkSource())) {
                    if (c.heading() != null && c.heading().contains("(")) {
                        String subject = c.heading().substring(c.heading().indexOf('(') + 1).replace(")", "");
                        questions.add(e.document().title() + " " + subject + "은 어떻게 되나요?");
                    }
                }
            }
        });
        questions.removeIf(String::isBlank);
        return new BenchCorpus(docs, List.copyOf(questions), "bundled demo corpus (shared/data not found)");
    }

    /**
     * The chunks of document {@code doc} in copy {@code copy} (1 = the original ids), each with a vector when
     * {@code embedder} is given.
     */
    public static List<IndexedChunk> chunks(Doc doc, int copy, Chunker chunker, Embedder embedder) {
        String id = copy == 1 ? doc.id() : "copy" + copy + "/" + doc.id();
        List<Chunk> chunks = chunker.chunk(ChunkSource.of(doc.text(), doc.kind()));
        List<IndexedChunk> out = new ArrayList<>(chunks.size());
        for (Chunk c : chunks) {
            String text = c.indexText();
            out.add(new IndexedChunk(id + "#" + c.ordinal(), id, 1, doc.title(), text, doc.kind(), doc.issuer(), null,
                    Audience.PUBLIC, c.locator(), c.page(), c.startOffset(), c.endOffset(), null,
                    embedder == null ? null : embedder.embed(text)));
        }
        return out;
    }

    private static void markdown(DocumentParsers parsers, Path root, String prefix, DocumentKind kind, String issuer,
            List<Doc> docs) {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                if (file.getFileName().toString().equals("README.md")) {
                    continue;
                }
                ExtractedDocument parsed = parsers.parse(file);
                String rel = root.relativize(file).toString();
                DocumentKind k = kind != null ? kind : rel.contains("규칙") ? DocumentKind.RULE : DocumentKind.ORDINANCE;
                String who = issuer != null ? issuer : rel.startsWith("goyang") ? "고양시" : "파주시";
                String title = parsed.title() == null ? rel : parsed.title();
                docs.add(new Doc(prefix + "/" + rel, title, k, who, parsed.text()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + root, e);
        }
    }

    private static String firstHeading(JsonNode page) {
        for (JsonNode h : page.path("headings")) {
            if (!h.asString("").isBlank()) {
                return h.asString("");
            }
        }
        return page.path("path").asString("");
    }

    private static void jsonLines(Path file, Consumer<JsonNode> each) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            lines.filter(l -> !l.isBlank()).forEach(l -> each.accept(JSON.readTree(l)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
