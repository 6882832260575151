package kr.mokmin.search.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The evaluation files: {@code corpus.jsonl} ({@code doc_id}, {@code title}, {@code text}), {@code queries.jsonl}
 * ({@code query_id}, {@code question}) and {@code qrels.tsv} (header {@code query_id doc_id relevance}, tab
 * separated), the layout of BEIR-style retrieval sets.
 */
public final class EvalData {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EvalData() {
    }

    public record Doc(String id, String title, String text) {
    }

    public record Question(String id, String text) {
    }

    public static List<Doc> readCorpus(Path path) {
        List<Doc> docs = new ArrayList<>();
        forEachJsonLine(path, (node, line) -> docs.add(new Doc(
                required(node, "doc_id", path, line), optional(node, "title"), optional(node, "text"))));
        return docs;
    }

    public static List<Question> readQueries(Path path) {
        List<Question> queries = new ArrayList<>();
        forEachJsonLine(path, (node, line) -> queries.add(new Question(
                required(node, "query_id", path, line), optional(node, "question"))));
        return queries;
    }

    /** query id → (doc id → relevance), in file order. */
    public static Map<String, Map<String, Integer>> readQrels(Path path) {
        Map<String, Map<String, Integer>> qrels = new LinkedHashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header == null || !header.strip().replace('\uFEFF', ' ').strip().startsWith("query_id")) {
                throw new IllegalArgumentException(path + ": expected a header line 'query_id\tdoc_id\trelevance'");
            }
            int lineNo = 1;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cols = line.split("\t");
                if (cols.length < 3) {
                    throw new IllegalArgumentException(path + ":" + lineNo + ": expected 3 tab-separated columns");
                }
                int relevance = (int) Math.round(Double.parseDouble(cols[2].strip()));
                qrels.computeIfAbsent(cols[0].strip(), q -> new LinkedHashMap<>()).merge(cols[1].strip(), relevance,
                        Math::max);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
        return qrels;
    }

    private interface LineConsumer {
        void accept(JsonNode node, int line);
    }

    private static void forEachJsonLine(Path path, LineConsumer consumer) {
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            int lineNo = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                consumer.accept(JSON.readTree(line), lineNo);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    private static String required(JsonNode node, String field, Path path, int line) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException(path + ":" + line + ": missing '" + field + "'");
        }
        // ids may be numbers in some sets
        return value.isString() ? value.asString() : value.toString();
    }

    private static String optional(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asString();
    }
}
