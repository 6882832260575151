package kr.mokmin.search.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.sandbox.search.CombinedFieldQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

import kr.mokmin.search.Embedder;
import kr.mokmin.search.lucene.Ranking;
import kr.mokmin.text.KoreanAnalyzers;
import kr.mokmin.text.Synonyms;

/**
 * The baseline for Mokmin's search overhead: the same Lucene index searched directly with an {@link IndexSearcher}
 * and the query Mokmin's default ranking would run, built here by hand from the same analyzers: per query term a
 * BM25F {@link CombinedFieldQuery} over body and title (title × 2) plus 0.25 × BM25 on the title, nori terms and
 * bigram terms summed, synonyms at half weight. No filter, no fusion, no snippets, no result records: only the
 * top hits' stored fields are read, which any application showing results has to do.
 *
 * <p>Field names are the index's stored schema ({@code LuceneSearchIndex}). Thread-safe.
 */
public final class RawLucene implements AutoCloseable {

    /** Distinct terms per analysis, and the cap on a repeated term's weight: the same limits as Mokmin's. */
    private static final int MAX_TERMS = 96;
    private static final float MAX_WEIGHT = 2f;
    private static final float TITLE_IN_BODY = 2f;
    private static final float TITLE_BONUS = 0.25f;
    private static final float SYNONYM_WEIGHT = 0.5f;
    private static final int MAX_SCORED_TERMS = Ranking.DEFAULT_MAX_SCORED_TERMS;
    /** Candidates per ranking when vectors take part, as Mokmin's default ranking fetches before fusing. */
    static final int HYBRID_DEPTH = 100;

    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final Analyzer nori = KoreanAnalyzers.noriQuery();
    private final Analyzer noriAll = KoreanAnalyzers.nori();
    private final Analyzer bigram = KoreanAnalyzers.bigram();
    private final Synonyms synonyms = Synonyms.korean();
    private final Embedder embedder;

    /** @param embedder the query embedder for {@link #hybrid}; may be null when only {@link #lexical} is used */
    public RawLucene(Path index, Embedder embedder) throws IOException {
        this.directory = FSDirectory.open(index);
        this.reader = DirectoryReader.open(directory);
        this.searcher = new IndexSearcher(reader);
        this.embedder = embedder;
    }

    /** The keyword query for {@code text}, or null if the text has no term. */
    public Query query(String text) {
        List<String> expansions = synonyms.expansions(text);
        Map<String, Float> noriTerms = terms(nori, text, expansions);
        if (noriTerms.isEmpty()) {
            noriTerms = terms(noriAll, text, expansions);
        }
        Map<String, Float> bigramTerms = terms(bigram, text, expansions);
        noriTerms = rarest(noriTerms, "text");
        bigramTerms = rarest(bigramTerms, "text_bigram");
        BooleanQuery.Builder sum = new BooleanQuery.Builder();
        if (!noriTerms.isEmpty()) {
            sum.add(fields(noriTerms, "text", "title"), Occur.SHOULD);
        }
        if (!bigramTerms.isEmpty()) {
            sum.add(fields(bigramTerms, "text_bigram", "title_bigram"), Occur.SHOULD);
        }
        BooleanQuery q = sum.build();
        return q.clauses().isEmpty() ? null : q;
    }

    /** Top {@code k} by keywords; reads their stored fields; returns their chunk ids. */
    public List<String> lexical(String text, int k) throws IOException {
        Query q = query(text);
        return q == null ? List.of() : chunkIds(searcher.search(q, k), k);
    }

    /**
     * What a hybrid search costs without Mokmin: the query embedded, the keyword top {@link #HYBRID_DEPTH} and the
     * vector top {@link #HYBRID_DEPTH} searched; the keyword top {@code k} read (not fused: that is Mokmin's part).
     */
    public List<String> hybrid(String text, int k) throws IOException {
        Query q = query(text);
        if (q == null) {
            return List.of();
        }
        float[] v = embedder.embed(text);
        TopDocs keywords = searcher.search(q, HYBRID_DEPTH);
        TopDocs vectors = searcher.search(new KnnFloatVectorQuery("vector", v, HYBRID_DEPTH), HYBRID_DEPTH);
        if (vectors.scoreDocs.length == 0) {
            throw new IllegalStateException("the index has no vectors");
        }
        return chunkIds(keywords, k);
    }

    private List<String> chunkIds(TopDocs top, int k) throws IOException {
        StoredFields stored = searcher.storedFields();
        List<String> ids = new ArrayList<>(k);
        for (ScoreDoc sd : top.scoreDocs) {
            if (ids.size() == k) {
                break;
            }
            ids.add(stored.document(sd.doc).get("chunk_id"));
        }
        return ids;
    }

    private Map<String, Float> terms(Analyzer analyzer, String text, List<String> expansions) {
        Map<String, Float> terms = new LinkedHashMap<>();
        for (String t : KoreanAnalyzers.terms(analyzer, "text", text)) {
            if (terms.containsKey(t)) {
                terms.put(t, Math.min(MAX_WEIGHT, terms.get(t) + 1));
            } else if (terms.size() < MAX_TERMS) {
                terms.put(t, 1f);
            } else {
                break;
            }
        }
        for (String e : expansions) {
            for (String t : KoreanAnalyzers.terms(analyzer, "text", e)) {
                if (terms.size() < MAX_TERMS) {
                    terms.putIfAbsent(t, SYNONYM_WEIGHT);
                }
            }
        }
        return terms;
    }

    /** Mokmin's cap on a long query: the {@link #MAX_SCORED_TERMS} rarest terms in the body field, in query order. */
    private Map<String, Float> rarest(Map<String, Float> terms, String field) {
        if (terms.size() <= MAX_SCORED_TERMS) {
            return terms;
        }
        Map<String, Integer> df = new HashMap<>();
        for (String t : terms.keySet()) {
            try {
                df.put(t, reader.docFreq(new Term(field, t)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Set<String> keep = terms.keySet().stream().filter(t -> df.get(t) > 0)
                .sorted(Comparator.comparingInt(df::get)).limit(MAX_SCORED_TERMS).collect(Collectors.toSet());
        Map<String, Float> out = new LinkedHashMap<>();
        terms.forEach((t, w) -> {
            if (keep.contains(t)) {
                out.put(t, w);
            }
        });
        return out;
    }

    private static Query fields(Map<String, Float> terms, String body, String title) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (Map.Entry<String, Float> e : terms.entrySet()) {
            Query bm25f = new CombinedFieldQuery.Builder().addField(body, 1f).addField(title, TITLE_IN_BODY)
                    .addTerm(new BytesRef(e.getKey())).build();
            float w = e.getValue();
            b.add(w == 1f ? bm25f : new BoostQuery(bm25f, w), Occur.SHOULD);
            b.add(new BoostQuery(new TermQuery(new Term(title, e.getKey())), w * TITLE_BONUS), Occur.SHOULD);
        }
        return b.build();
    }

    @Override
    public void close() throws IOException {
        reader.close();
        directory.close();
    }
}
