package kr.mokmin.search.lucene;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;

import kr.mokmin.text.KoreanAnalyzers;
import kr.mokmin.text.KoreanText;

/**
 * What a search box's text becomes before any index sees it: the weighted terms of its two analyses (nori and
 * character bigrams), with synonym expansion, in the app. Both index adapters build their queries from these
 * terms (Lucene as term queries, OpenSearch as the same terms in its query DSL), so the query side of the ranking
 * is one piece of code whatever the store. Thread-safe.
 */
public final class QueryTerms {

    /**
     * A query longer than this is cut: nobody types more into a search box, and a pasted page would only
     * blur the ranking and cost time.
     */
    public static final int MAX_QUERY_CHARS = 1_000;
    /** Distinct terms taken per analysis, keeping the query well below Lucene's clause limit (1024). */
    public static final int MAX_TERMS = 96;
    /** Cap on a query term's weight from repetition. */
    public static final float MAX_TERM_WEIGHT = 2f;

    /** Field name given to the analyzers (ours treat every field alike). */
    private static final String FIELD = "text";

    private final Analyzer noriIndexAnalyzer;
    private final Analyzer noriQueryAnalyzer;
    private final Analyzer bigramAnalyzer;

    /**
     * The query's terms with their weights, in query order; {@code nori}/{@code bigram} are empty when that
     * analysis produced no term (a query of punctuation only).
     */
    public record Weighted(Map<String, Float> nori, Map<String, Float> bigram) {
        public boolean isEmpty() {
            return nori.isEmpty() && bigram.isEmpty();
        }
    }

    /** @param analysis the index's analysis: queries must be segmented the way the index was */
    public QueryTerms(LuceneSearchIndex.Analysis analysis) {
        this.noriIndexAnalyzer = KoreanAnalyzers.nori(analysis.decompoundMode(), analysis.userDictionary(),
                KoreanAnalyzers.INDEX_STOP_TAGS);
        this.noriQueryAnalyzer = KoreanAnalyzers.nori(analysis.decompoundMode(), analysis.userDictionary(),
                KoreanAnalyzers.QUERY_STOP_TAGS);
        this.bigramAnalyzer = KoreanAnalyzers.bigram();
    }

    /** The text as it is analysed: normalised, then cut at {@link #MAX_QUERY_CHARS}. */
    public static String prepare(String raw) {
        String text = KoreanText.normalize(raw);
        if (text.length() <= MAX_QUERY_CHARS) {
            return text;
        }
        int end = MAX_QUERY_CHARS;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }

    /** The weighted terms of {@code text} (already {@link #prepare prepared}) under a ranking's query choices. */
    public Weighted of(String text, Ranking with) {
        if (text.isBlank()) {
            return new Weighted(Map.of(), Map.of());
        }
        List<String> expansions = with.synonymWeight() > 0 ? with.synonyms().expansions(text) : List.of();

        Analyzer noriAnalyzer = with.contentWordsOnly() ? noriQueryAnalyzer : noriIndexAnalyzer;
        Map<String, Float> noriTerms = weightedTerms(noriAnalyzer, text, expansions, with.synonymWeight());
        if (noriTerms.isEmpty() && with.contentWordsOnly()) {
            // a query of function words only ("어떻게 하나요?"): better some match than none
            noriTerms = weightedTerms(noriIndexAnalyzer, text, expansions, with.synonymWeight());
        }
        Map<String, Float> bigramTerms = weightedTerms(bigramAnalyzer, text, expansions, with.synonymWeight());
        return new Weighted(noriTerms, bigramTerms);
    }

    /**
     * Distinct terms of the query with their weights: a term typed twice weighs twice, but no term more than
     * {@link #MAX_TERM_WEIGHT} (a pasted letter repeats its pleasantries far more often than its subject); a
     * term that only a synonym brought in weighs {@code synonymWeight}. At most {@link #MAX_TERMS}, in query order.
     */
    private static Map<String, Float> weightedTerms(Analyzer analyzer, String text, List<String> expansions,
            float synonymWeight) {
        Map<String, Float> terms = new LinkedHashMap<>();
        for (String term : KoreanAnalyzers.terms(analyzer, FIELD, text)) {
            if (terms.size() >= MAX_TERMS && !terms.containsKey(term)) {
                break;
            }
            terms.merge(term, 1f, (a, b) -> Math.min(MAX_TERM_WEIGHT, a + b));
        }
        for (String expansion : expansions) {
            for (String term : KoreanAnalyzers.terms(analyzer, FIELD, expansion)) {
                if (terms.size() < MAX_TERMS) {
                    terms.putIfAbsent(term, synonymWeight);
                }
            }
        }
        return terms;
    }
}
