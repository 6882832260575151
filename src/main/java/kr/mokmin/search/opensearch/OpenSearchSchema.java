package kr.mokmin.search.opensearch;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.lucene.analysis.ko.POS;

import kr.mokmin.text.HanjaReadings;
import kr.mokmin.text.KoreanAnalyzers;
import kr.mokmin.text.Synonyms;

/**
 * The OpenSearch index: its settings (the same Korean analysis as {@link KoreanAnalyzers}, written in OpenSearch's
 * analysis DSL) and its mapping. Plain data, no I/O.
 *
 * <p>One OpenSearch document per knowledge document, its chunks as {@code nested} objects: OpenSearch writes a
 * document and its nested objects as one Lucene block, so replacing a document swaps all of its chunks in one
 * atomic step, exactly as the embedded index does with {@code IndexWriter.updateDocuments}.
 */
final class OpenSearchSchema {

    /** Bumped whenever the analysis or the mapping changes; an index with another value needs a re-index. */
    static final int VERSION = 1;

    static final String NESTED = "chunks";
    static final String F_DOC_ID = "document_id";
    static final String F_CHUNK_ID = "chunk_id";
    static final String F_VERSION = "doc_version";
    static final String F_TITLE = "title";
    static final String F_TITLE_BIGRAM = "title_bigram";
    static final String F_TEXT = "text";
    static final String F_TEXT_BIGRAM = "text_bigram";
    static final String F_KIND = "kind";
    static final String F_ISSUER = "issuer";
    static final String F_AUDIENCE = "audience";
    static final String F_EFFECTIVE = "effective";
    static final String F_VECTOR = "vector";

    /** The analyzer names, usable from any client ({@code _analyze}, a {@code match} query's {@code analyzer}). */
    static final String NORI = "mokmin_nori";
    static final String BIGRAM = "mokmin_bigram";
    /** Query side of the text fields: the app sends terms it analysed itself, so they must pass through as they are. */
    static final String TERMS = "mokmin_terms";
    /** For people querying the index by hand: nori as the app's queries use it, plus the synonym list. */
    static final String NORI_SEARCH = "mokmin_nori_search";

    /** Follows a Hanja that starts a word, for the word-initial reading (두음법칙); removed by the mapping. */
    static final char WORD_INITIAL_MARK = '\uE000';

    private OpenSearchSchema() {
    }

    /** Full path of a chunk field, as queries name it. */
    static String path(String field) {
        return NESTED + "." + field;
    }

    /** The body of the create-index request. */
    static ObjectNode createIndexBody(ObjectMapper json, Duration refreshInterval, boolean knn) {
        ObjectNode body = json.createObjectNode();
        ObjectNode index = body.putObject("settings").putObject("index");
        // one shard: BM25 statistics are then exact (as in the embedded index) and 100k chunks fit one shard easily
        index.put("number_of_shards", 1);
        index.put("auto_expand_replicas", "0-1");
        index.put("refresh_interval", refreshInterval.toMillis() + "ms");
        // fsync the translog before acknowledging each write: what makes a returned replaceDocument durable
        index.put("translog.durability", "request");
        if (knn) {
            index.put("knn", true);
        }
        body.with("settings").set("analysis", analysis(json));
        body.set("mappings", mappings(json));
        return body;
    }

    static ObjectNode analysis(ObjectMapper json) {
        ObjectNode analysis = json.createObjectNode();

        ObjectNode charFilters = analysis.putObject("char_filter");
        ObjectNode initial = charFilters.putObject("mokmin_hanja_initial");
        initial.put("type", "pattern_replace");
        // a Hanja after neither Hangul nor Hanja starts a word (HanjaReadings' rule, with Unicode's Han script
        // standing in for the reading table). The mark goes after the Hanja: inserted before it, the offset
        // correction would glue the word to the one before and cjk_bigram would make a bigram across the space.
        initial.put("pattern", "(?<![\\uAC00-\\uD7A3\\p{IsHan}])(\\p{IsHan})");
        initial.put("replacement", "$1" + WORD_INITIAL_MARK);
        ObjectNode readings = charFilters.putObject("mokmin_hanja");
        readings.put("type", "mapping");
        readings.set("mappings", hanjaMappings(json));

        ObjectNode tokenizers = analysis.putObject("tokenizer");
        tokenizers.set("mokmin_nori", noriTokenizer(json, KoreanAnalyzers.DEFAULT_DECOMPOUND_MODE.name()));
        // compounds without their parts for the hand-query analyzer: a synonym filter cannot read the token graph
        // that mixed mode makes (see Synonyms)
        tokenizers.set("mokmin_nori_discard", noriTokenizer(json, "DISCARD"));

        ObjectNode filters = analysis.putObject("filter");
        filters.set("mokmin_index_pos", posFilter(json, KoreanAnalyzers.INDEX_STOP_TAGS));
        filters.set("mokmin_query_pos", posFilter(json, KoreanAnalyzers.QUERY_STOP_TAGS));
        ObjectNode bigrams = filters.putObject("mokmin_cjk_bigram");
        bigrams.put("type", "cjk_bigram");
        // Hangul and Han only, as CJKBigramFilter(HAN | HANGUL) in KoreanAnalyzers.bigram()
        bigrams.putArray("ignored_scripts").add("hiragana").add("katakana");
        ObjectNode synonyms = filters.putObject("mokmin_synonyms");
        synonyms.put("type", "synonym_graph");
        synonyms.put("lenient", true);
        ArrayNode rules = synonyms.putArray("synonyms");
        for (List<String> group : Synonyms.korean().groups()) {
            rules.add(String.join(", ", group));
        }

        ObjectNode analyzers = analysis.putObject("analyzer");
        analyzers.set(NORI, analyzer(json, "mokmin_nori", "mokmin_index_pos", "nori_readingform", "lowercase"));
        analyzers.set(BIGRAM, analyzer(json, "standard", "cjk_width", "lowercase", "mokmin_cjk_bigram"));
        analyzers.set(NORI_SEARCH, analyzer(json, "mokmin_nori_discard", "mokmin_synonyms", "mokmin_query_pos",
                "nori_readingform", "lowercase"));
        ObjectNode terms = analyzers.putObject(TERMS);
        terms.put("type", "custom");
        terms.put("tokenizer", "whitespace");
        return analysis;
    }

    /**
     * Hanja → Hangul as {@link HanjaReadings} reads them: the word-initial reading before the mark, the inner one
     * otherwise, a lone mark removed, list middle dots to spaces ({@code KoreanCharFilter}).
     */
    private static ArrayNode hanjaMappings(ObjectMapper json) {
        ArrayNode rules = json.createArrayNode();
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            char ch = (char) c;
            if (!HanjaReadings.isHanja(ch)) {
                continue;
            }
            char inner = HanjaReadings.read(ch, '가');
            char initial = HanjaReadings.read(ch, ' ');
            if (initial != inner) {
                rules.add(escape(ch) + escape(WORD_INITIAL_MARK) + " => " + escape(initial));
            }
            rules.add(escape(ch) + " => " + escape(inner));
        }
        rules.add(escape(WORD_INITIAL_MARK) + " => ");
        for (char dot : new char[] {'\u00B7', '\u318D', '\u30FB', '\u2027', '\u2219', '\uFF65'}) {
            rules.add(escape(dot) + " => \\u0020");
        }
        return rules;
    }

    /** The mapping filter's own escape, so no rule depends on how a character survives JSON and trimming. */
    private static String escape(char c) {
        return String.format(Locale.ROOT, "\\u%04X", (int) c);
    }

    private static ObjectNode noriTokenizer(ObjectMapper json, String decompoundMode) {
        ObjectNode nori = json.createObjectNode();
        nori.put("type", "nori_tokenizer");
        nori.put("decompound_mode", decompoundMode.toLowerCase(Locale.ROOT));
        nori.put("discard_punctuation", true);
        ArrayNode rules = nori.putArray("user_dictionary_rules");
        KoreanAnalyzers.userDictionaryRules().forEach(rules::add);
        return nori;
    }

    private static ObjectNode posFilter(ObjectMapper json, Set<POS.Tag> stopTags) {
        ObjectNode filter = json.createObjectNode();
        filter.put("type", "nori_part_of_speech");
        ArrayNode tags = filter.putArray("stoptags");
        new TreeSet<>(stopTags.stream().map(Enum::name).toList()).forEach(tags::add);
        return filter;
    }

    private static ObjectNode analyzer(ObjectMapper json, String tokenizer, String... filters) {
        ObjectNode analyzer = json.createObjectNode();
        analyzer.put("type", "custom");
        analyzer.putArray("char_filter").add("mokmin_hanja_initial").add("mokmin_hanja");
        analyzer.put("tokenizer", tokenizer);
        ArrayNode chain = analyzer.putArray("filter");
        for (String filter : filters) {
            chain.add(filter);
        }
        return analyzer;
    }

    static ObjectNode mappings(ObjectMapper json) {
        ObjectNode mappings = json.createObjectNode();
        mappings.put("dynamic", "strict");
        mappings.putObject("_meta").put("mokmin_schema", VERSION);
        ObjectNode properties = mappings.putObject("properties");
        properties.putObject(F_DOC_ID).put("type", "keyword");
        ObjectNode nested = properties.putObject(NESTED);
        nested.put("type", "nested");
        ObjectNode chunk = nested.putObject("properties");
        chunk.putObject(F_CHUNK_ID).put("type", "keyword");
        chunk.set(F_TITLE, text(json, NORI, path(F_TITLE_BIGRAM)));
        chunk.set(F_TITLE_BIGRAM, text(json, BIGRAM, null));
        // offsets in the postings: the highlighter reads them instead of analysing the text again
        chunk.set(F_TEXT, text(json, NORI, path(F_TEXT_BIGRAM)).put("index_options", "offsets"));
        chunk.set(F_TEXT_BIGRAM, text(json, BIGRAM, null));
        chunk.putObject(F_KIND).put("type", "keyword");
        chunk.putObject(F_ISSUER).put("type", "keyword");
        chunk.putObject(F_AUDIENCE).put("type", "keyword");
        chunk.putObject(F_EFFECTIVE).put("type", "date").put("format", "strict_date");
        // provenance: returned with the hit, never searched
        chunk.set(F_VERSION, stored(json, "integer"));
        chunk.set("locator", stored(json, "keyword"));
        chunk.set("page", stored(json, "integer"));
        chunk.set("start", stored(json, "integer"));
        chunk.set("end", stored(json, "integer"));
        chunk.set("source_url", stored(json, "keyword"));
        return mappings;
    }

    /** The k-NN field, added to the mapping when the first vector arrives (its dimension is known only then). */
    static ObjectNode vectorMapping(ObjectMapper json, int dimension) {
        ObjectNode body = json.createObjectNode();
        ObjectNode vector = body.putObject("properties").putObject(NESTED).put("type", "nested")
                .putObject("properties").putObject(F_VECTOR);
        vector.put("type", "knn_vector");
        vector.put("dimension", dimension);
        ObjectNode method = vector.putObject("method");
        method.put("name", "hnsw");
        // the Lucene engine: cosine similarity and filtered search, as the embedded index's HNSW
        method.put("engine", "lucene");
        method.put("space_type", "cosinesimil");
        return body;
    }

    private static ObjectNode text(ObjectMapper json, String analyzer, String copyTo) {
        ObjectNode field = json.createObjectNode();
        field.put("type", "text");
        field.put("analyzer", analyzer);
        field.put("search_analyzer", TERMS);
        if (copyTo != null) {
            field.put("copy_to", copyTo);
        }
        return field;
    }

    private static ObjectNode stored(ObjectMapper json, String type) {
        return json.createObjectNode().put("type", type).put("index", false).put("doc_values", false);
    }
}
