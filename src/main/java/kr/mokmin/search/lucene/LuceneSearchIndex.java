package kr.mokmin.search.lucene;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.ko.KoreanTokenizer.DecompoundMode;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.sandbox.search.CombinedFieldQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kr.mokmin.search.Audience;
import kr.mokmin.search.DocumentChunks;
import kr.mokmin.search.DocumentKind;
import kr.mokmin.search.Embedder;
import kr.mokmin.search.IndexedChunk;
import kr.mokmin.search.RankFusion;
import kr.mokmin.search.SearchException;
import kr.mokmin.search.SearchHit;
import kr.mokmin.search.SearchIndex;
import kr.mokmin.search.SearchQuery;
import kr.mokmin.search.Snippets;
import kr.mokmin.text.KoreanAnalyzers;
import kr.mokmin.text.KoreanText;

/**
 * The embedded search index: Lucene on local disk, Korean text analysed twice (nori morphemes and character
 * bigrams), BM25, optional HNSW vectors fused with the keyword ranking.
 *
 * <p>Writes go through one {@link IndexWriter} (Lucene's write lock keeps a second process out of the same
 * directory); every write is committed (durable) and then made visible through a {@link SearcherManager}, so a
 * search sees either the state before a write or after it. Searches never parse query syntax: the user's text
 * is only analysed into terms, and queries are built from those terms.
 */
public final class LuceneSearchIndex implements SearchIndex {

    private static final Logger log = LoggerFactory.getLogger(LuceneSearchIndex.class);

    // field names: the stored schema of the index; renaming one needs a re-index
    static final String F_CHUNK_ID = "chunk_id";
    static final String F_DOC_ID = "doc_id";
    static final String F_VERSION = "doc_version";
    static final String F_TITLE = "title";
    static final String F_TITLE_BIGRAM = "title_bigram";
    static final String F_TEXT = "text";
    static final String F_TEXT_BIGRAM = "text_bigram";
    static final String F_KIND = "kind";
    static final String F_ISSUER = "issuer";
    static final String F_AUDIENCE = "audience";
    static final String F_EFFECTIVE = "effective";
    static final String F_LOCATOR = "locator";
    static final String F_PAGE = "page";
    static final String F_START = "start";
    static final String F_END = "end";
    static final String F_URL = "source_url";
    static final String F_VECTOR = "vector";

    /** Snippet length the highlighter aims at (characters). */
    static final int SNIPPET_CHARS = 160;

    /**
     * Body text: stored (returned, highlighted from the stored text by {@link PassageHighlighter}). Indexed with
     * offsets, which no search reads any more; they stay because Lucene refuses to change a field's index
     * options in an existing index (dropping them needs a re-index: a future schema version).
     */
    private static final FieldType TEXT_WITH_OFFSETS = new FieldType(TextField.TYPE_STORED);
    /** Bigram body: the same text again, not stored; offsets as for the body (see above). */
    private static final FieldType BIGRAM_WITH_OFFSETS = new FieldType(TextField.TYPE_NOT_STORED);

    static {
        TEXT_WITH_OFFSETS.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        TEXT_WITH_OFFSETS.freeze();
        BIGRAM_WITH_OFFSETS.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        BIGRAM_WITH_OFFSETS.freeze();
    }

    /**
     * Analysis choices that shape the index (changing them needs a re-index).
     *
     * @param decompoundMode how nori treats compounds
     * @param userDictionary whether nori uses {@code userdict_ko.txt}
     */
    public record Analysis(DecompoundMode decompoundMode, boolean userDictionary) {
        public Analysis {
            Objects.requireNonNull(decompoundMode, "decompoundMode");
        }

        /** The product's analysis (see {@link KoreanAnalyzers#DEFAULT_DECOMPOUND_MODE}). */
        public static Analysis defaults() {
            return new Analysis(KoreanAnalyzers.DEFAULT_DECOMPOUND_MODE, true);
        }
    }

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Analyzer indexAnalyzer;
    private final PassageHighlighter highlighter;
    private final QueryTerms queryTerms;
    private final Ranking ranking;
    private final Embedder embedder;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** Opens (or creates) the index at {@code path} with the product analysis and ranking and no vectors. */
    public static LuceneSearchIndex open(Path path) {
        return open(path, null);
    }

    /**
     * Opens (or creates) the index at {@code path} with the product analysis and ranking; vector search when
     * {@code embedder} is not {@code null}.
     */
    public static LuceneSearchIndex open(Path path, Embedder embedder) {
        return new LuceneSearchIndex(path, Analysis.defaults(), Ranking.defaults(), embedder);
    }

    /**
     * The application's index: {@code <dataDir>/index} with the product analysis and ranking; vector search when
     * {@code embedder} is not {@code null}. The factory for whoever wires the app (no Spring here).
     */
    public static LuceneSearchIndex inDataDir(Path dataDir, Embedder embedder) {
        return open(dataDir.resolve("index"), embedder);
    }

    /**
     * @param path     index directory (created if missing); the app uses {@code <data-dir>/index}
     * @param analysis index-time analysis; must be the same every time the directory is opened
     * @param ranking  the default query-time ranking
     * @param embedder embeds query text for the vector search; {@code null} = keyword search only
     */
    public LuceneSearchIndex(Path path, Analysis analysis, Ranking ranking, Embedder embedder) {
        this.ranking = Objects.requireNonNull(ranking, "ranking");
        this.embedder = embedder;
        Analyzer noriIndexAnalyzer = KoreanAnalyzers.nori(analysis.decompoundMode(), analysis.userDictionary(),
                KoreanAnalyzers.INDEX_STOP_TAGS);
        Analyzer bigramAnalyzer = KoreanAnalyzers.bigram();
        this.queryTerms = new QueryTerms(analysis);
        this.highlighter = new PassageHighlighter(SNIPPET_CHARS);
        this.indexAnalyzer = new PerFieldAnalyzerWrapper(noriIndexAnalyzer,
                Map.of(F_TITLE_BIGRAM, bigramAnalyzer, F_TEXT_BIGRAM, bigramAnalyzer));
        Directory dir = null;
        IndexWriter w = null;
        try {
            dir = FSDirectory.open(path);
            IndexWriterConfig config = new IndexWriterConfig(indexAnalyzer)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setRAMBufferSizeMB(64)
                    .setCommitOnClose(true);
            w = new IndexWriter(dir, config);
            // applyAllDeletes: a replaced document's old chunks must be gone in the very searcher that shows
            // the new ones
            this.searchers = new SearcherManager(w, true, false, null);
        } catch (IOException e) {
            closeQuietly(w);
            closeQuietly(dir);
            throw new SearchException("cannot open search index at " + path, e);
        }
        this.directory = dir;
        this.writer = w;
    }

    /** The ranking {@link #search(SearchQuery)} uses. */
    public Ranking ranking() {
        return ranking;
    }

    // ---------------------------------------------------------------- writes

    @Override
    public void replaceDocument(String documentId, List<IndexedChunk> chunks) {
        replaceDocuments(Map.of(documentId, chunks));
    }

    @Override
    public void replaceDocuments(Map<String, List<IndexedChunk>> documents) {
        ensureOpen();
        Map<String, List<Document>> prepared = new LinkedHashMap<>();
        documents.forEach((documentId, chunks) -> prepared.put(documentId, toDocuments(documentId, chunks)));
        try {
            for (Map.Entry<String, List<Document>> entry : prepared.entrySet()) {
                Term id = new Term(F_DOC_ID, entry.getKey());
                if (entry.getValue().isEmpty()) {
                    writer.deleteDocuments(id);
                } else {
                    // one block: delete-by-term and the adds become visible together, never half
                    writer.updateDocuments(id, entry.getValue());
                }
            }
            commitAndRefresh();
        } catch (IOException e) {
            throw new SearchException("cannot write to the search index", e);
        }
    }

    @Override
    public void deleteDocument(String documentId) {
        replaceDocuments(Map.of(DocumentChunks.requireDocumentId(documentId), List.of()));
    }

    private void commitAndRefresh() throws IOException {
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    private List<Document> toDocuments(String documentId, List<IndexedChunk> chunks) {
        DocumentChunks.check(documentId, chunks);
        List<Document> docs = new ArrayList<>(chunks.size());
        for (IndexedChunk chunk : chunks) {
            docs.add(toDocument(chunk));
        }
        return docs;
    }

    private static Document toDocument(IndexedChunk chunk) {
        Document doc = new Document();
        doc.add(new StringField(F_CHUNK_ID, chunk.chunkId(), Field.Store.YES));
        doc.add(new StringField(F_DOC_ID, chunk.documentId(), Field.Store.YES));
        doc.add(new StoredField(F_VERSION, chunk.documentVersion()));
        String title = KoreanText.normalize(chunk.title());
        if (chunk.title() != null) {
            doc.add(new Field(F_TITLE, title, TextField.TYPE_STORED));
            doc.add(new Field(F_TITLE_BIGRAM, title, TextField.TYPE_NOT_STORED));
        }
        String text = KoreanText.normalize(chunk.text());
        doc.add(new Field(F_TEXT, text, TEXT_WITH_OFFSETS));
        doc.add(new Field(F_TEXT_BIGRAM, text, BIGRAM_WITH_OFFSETS));
        doc.add(new StringField(F_KIND, chunk.kind().name(), Field.Store.YES));
        if (chunk.issuer() != null) {
            doc.add(new StringField(F_ISSUER, KoreanText.normalize(chunk.issuer()), Field.Store.YES));
        }
        doc.add(new StringField(F_AUDIENCE, chunk.audience().name(), Field.Store.YES));
        if (chunk.effectiveDate() != null) {
            long day = chunk.effectiveDate().toEpochDay();
            doc.add(new LongPoint(F_EFFECTIVE, day));
            doc.add(new StoredField(F_EFFECTIVE, day));
        }
        if (chunk.locator() != null) {
            doc.add(new StoredField(F_LOCATOR, chunk.locator()));
        }
        if (chunk.page() != null) {
            doc.add(new StoredField(F_PAGE, chunk.page()));
        }
        doc.add(new StoredField(F_START, chunk.startOffset()));
        doc.add(new StoredField(F_END, chunk.endOffset()));
        if (chunk.sourceUrl() != null) {
            doc.add(new StoredField(F_URL, chunk.sourceUrl()));
        }
        float[] vector = chunk.vector();
        if (vector != null) {
            doc.add(new KnnFloatVectorField(F_VECTOR, vector, VectorSimilarityFunction.COSINE));
        }
        return doc;
    }

    // ---------------------------------------------------------------- reads

    @Override
    public long count() {
        ensureOpen();
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return searcher.getIndexReader().numDocs();
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new SearchException("cannot read the search index", e);
        }
    }

    @Override
    public Map<String, Integer> chunkCountsByDocument() {
        ensureOpen();
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                Map<String, Integer> counts = new HashMap<>();
                for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                    Terms terms = leaf.reader().terms(F_DOC_ID);
                    if (terms == null) {
                        continue;
                    }
                    Bits live = leaf.reader().getLiveDocs();
                    TermsEnum ids = terms.iterator();
                    PostingsEnum postings = null;
                    for (BytesRef id = ids.next(); id != null; id = ids.next()) {
                        // docFreq still counts deleted chunks until a merge: walk the postings against live docs
                        postings = ids.postings(postings, PostingsEnum.NONE);
                        int n = 0;
                        for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS;
                             doc = postings.nextDoc()) {
                            if (live == null || live.get(doc)) {
                                n++;
                            }
                        }
                        if (n > 0) {
                            counts.merge(id.utf8ToString(), n, Integer::sum);
                        }
                    }
                }
                return counts;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new SearchException("cannot read the search index", e);
        }
    }

    @Override
    public List<SearchHit> search(SearchQuery query) {
        return search(query, ranking);
    }

    /** Searches with another ranking than the configured one (for evaluation and tuning). */
    public List<SearchHit> search(SearchQuery query, Ranking with) {
        return search(query, with, true);
    }

    /**
     * @param snippets whether to highlight; the evaluation turns it off, as it only needs the ranking
     */
    public List<SearchHit> search(SearchQuery query, Ranking with, boolean snippets) {
        ensureOpen();
        Objects.requireNonNull(query, "query");
        String text = QueryTerms.prepare(query.text());
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return search(searcher, text, query, with, snippets);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new SearchException("cannot search the index", e);
        }
    }

    private List<SearchHit> search(IndexSearcher searcher, String text, SearchQuery query, Ranking with,
            boolean snippets) throws IOException {
        Query filter = filter(query);
        LexicalQueries lexical = lexicalQueries(searcher.getIndexReader(), text, with);
        if (lexical.isEmpty()) {
            // nothing but punctuation or spaces: there is nothing to look for, not even semantically
            return List.of();
        }
        float[] queryVector = queryVector(text);
        boolean fuseWithVectors = queryVector != null;
        int depth = fuseWithVectors || with.lexicalFusion() == Ranking.LexicalFusion.RRF
                ? Math.max(with.candidates(), query.k()) : query.k();

        // keyword ranking: docId -> score, best first
        LinkedHashMap<Integer, Double> lexicalRanking = lexicalRanking(searcher, lexical, filter, with, depth);

        LinkedHashMap<Integer, Double> vectorRanking = new LinkedHashMap<>();
        if (fuseWithVectors) {
            // the filter goes into the vector search itself: filtering its top-k afterwards could leave
            // nothing (or worse, tempt someone to drop the audience filter)
            try {
                TopDocs top = searcher.search(new KnnFloatVectorQuery(F_VECTOR, queryVector, depth, filter), depth);
                for (ScoreDoc sd : top.scoreDocs) {
                    vectorRanking.put(sd.doc, (double) sd.score);
                }
            } catch (IllegalArgumentException e) {
                // the embedder was changed without re-embedding the chunks (dimension mismatch): keywords only
                log.warn("vector search skipped: {}", e.getMessage());
            }
        }

        List<Integer> order = new ArrayList<>();
        Map<Integer, Double> finalScore = new HashMap<>();
        if (vectorRanking.isEmpty()) {
            lexicalRanking.forEach((doc, score) -> {
                order.add(doc);
                finalScore.put(doc, score);
            });
        } else {
            for (RankFusion.Fused fused : RankFusion.fuse(List.of(ids(lexicalRanking), ids(vectorRanking)))) {
                int doc = Integer.parseInt(fused.id());
                order.add(doc);
                finalScore.put(doc, fused.score());
            }
        }
        List<Integer> top = order.subList(0, Math.min(query.k(), order.size()));

        PassageHighlighter.Terms highlightTerms = snippets ? lexical.highlightTerms() : null;
        StoredFields stored = searcher.storedFields();
        List<SearchHit> hits = new ArrayList<>(top.size());
        for (int doc : top) {
            Document document = stored.document(doc);
            hits.add(new SearchHit(toChunk(document), finalScore.get(doc),
                    lexicalRanking.getOrDefault(doc, 0.0), vectorRanking.get(doc),
                    snippets ? highlighter.highlight(document.get(F_TEXT), highlightTerms) : ""));
        }
        return hits;
    }

    private LinkedHashMap<Integer, Double> lexicalRanking(IndexSearcher searcher, LexicalQueries lexical,
            Query filter, Ranking with, int depth) throws IOException {
        LinkedHashMap<Integer, Double> ranking = new LinkedHashMap<>();
        boolean useNori = with.noriWeight() > 0 && lexical.nori() != null;
        boolean useBigram = with.bigramWeight() > 0 && lexical.bigram() != null;
        if (with.lexicalFusion() == Ranking.LexicalFusion.SUM || !(useNori && useBigram)) {
            BooleanQuery.Builder sum = new BooleanQuery.Builder();
            if (useNori) {
                sum.add(boost(lexical.nori(), with.noriWeight()), Occur.SHOULD);
            }
            if (useBigram) {
                sum.add(boost(lexical.bigram(), with.bigramWeight()), Occur.SHOULD);
            }
            // filtered() makes the terms a MUST: next to a FILTER clause, bare SHOULD clauses become optional
            // and every filtered chunk would match with score 0
            for (ScoreDoc sd : searcher.search(filtered(sum.build(), filter), depth).scoreDocs) {
                ranking.put(sd.doc, (double) sd.score);
            }
            return ranking;
        }
        List<String> nori = ids(searcher.search(filtered(lexical.nori(), filter), depth));
        List<String> bigram = ids(searcher.search(filtered(lexical.bigram(), filter), depth));
        for (RankFusion.Fused fused : RankFusion.fuse(List.of(nori, bigram),
                new double[] {with.noriWeight(), with.bigramWeight()}, RankFusion.DEFAULT_K)) {
            ranking.put(Integer.parseInt(fused.id()), fused.score());
        }
        return ranking;
    }

    private float[] queryVector(String text) {
        if (embedder == null) {
            return null;
        }
        try {
            return embedder.embedQuery(text);
        } catch (RuntimeException e) {
            // an embeddings server outage must not take search down: keyword search still answers
            log.warn("query embedding failed, searching by keywords only: {}", e.toString());
            return null;
        }
    }

    // ---------------------------------------------------------------- query building

    /**
     * The query's two analyses as term queries. {@code nori}/{@code bigram} are null when the analysis produced
     * no term (a query of punctuation only).
     */
    private record LexicalQueries(Query nori, Query bigram, PassageHighlighter.Terms highlightTerms) {
        boolean isEmpty() {
            return nori == null && bigram == null;
        }
    }

    private LexicalQueries lexicalQueries(IndexReader reader, String text, Ranking with) throws IOException {
        QueryTerms.Weighted terms = queryTerms.of(text, with);
        return new LexicalQueries(
                termsQuery(rarest(reader, terms.nori(), F_TEXT, with.maxScoredTerms()), F_TEXT, F_TITLE, with),
                termsQuery(rarest(reader, terms.bigram(), F_TEXT_BIGRAM, with.maxScoredTerms()), F_TEXT_BIGRAM,
                        F_TITLE_BIGRAM, with),
                PassageHighlighter.terms(terms.bigram().keySet(), terms.nori().keySet()));
    }

    /**
     * At most {@code max} of the terms (all when {@code max} is 0 or they are fewer): the rarest in the body field,
     * in query order. A long pasted question's common words ("있는", "하나요") add little to BM25 but a clause
     * each; terms no chunk has are dropped first (they score nothing). Ties keep the earlier term.
     */
    static Map<String, Float> rarest(IndexReader reader, Map<String, Float> terms, String field, int max)
            throws IOException {
        if (max == 0 || terms.size() <= max) {
            return terms;
        }
        List<String> order = new ArrayList<>(terms.keySet());
        Map<String, Integer> df = new HashMap<>();
        for (String t : order) {
            df.put(t, reader.docFreq(new Term(field, t)));
        }
        List<String> kept = order.stream().filter(t -> df.get(t) > 0)
                .sorted(Comparator.comparingInt(df::get)) // stable: ties stay in query order
                .limit(max).toList();
        Set<String> keep = new HashSet<>(kept);
        Map<String, Float> out = new LinkedHashMap<>();
        for (String t : order) {
            if (keep.contains(t)) {
                out.put(t, terms.get(t));
            }
        }
        return out;
    }

    private static Query termsQuery(Map<String, Float> terms, String bodyField, String titleField, Ranking with) {
        if (terms.isEmpty()) {
            return null;
        }
        float titleBoost = with.titleBoost();
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        terms.forEach((term, weight) -> {
            if (with.titleInBody() >= 1) {
                Query combined = new CombinedFieldQuery.Builder()
                        .addField(bodyField, 1f).addField(titleField, with.titleInBody())
                        .addTerm(new BytesRef(term)).build();
                b.add(boost(combined, weight), Occur.SHOULD);
            } else {
                b.add(boost(new TermQuery(new Term(bodyField, term)), weight), Occur.SHOULD);
            }
            if (titleBoost > 0) {
                b.add(boost(new TermQuery(new Term(titleField, term)), weight * titleBoost), Occur.SHOULD);
            }
        });
        return b.build();
    }

    private static Query filter(SearchQuery query) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(termsIn(F_AUDIENCE, query.audiences().stream().map(Audience::name).toList()), Occur.FILTER);
        if (!query.kinds().isEmpty()) {
            b.add(termsIn(F_KIND, query.kinds().stream().map(DocumentKind::name).toList()), Occur.FILTER);
        }
        if (!query.issuers().isEmpty()) {
            b.add(termsIn(F_ISSUER, query.issuers().stream().map(KoreanText::normalize).toList()), Occur.FILTER);
        }
        if (query.effectiveFrom() != null || query.effectiveTo() != null) {
            long from = query.effectiveFrom() == null ? Long.MIN_VALUE : query.effectiveFrom().toEpochDay();
            long to = query.effectiveTo() == null ? Long.MAX_VALUE : query.effectiveTo().toEpochDay();
            b.add(LongPoint.newRangeQuery(F_EFFECTIVE, from, to), Occur.FILTER);
        }
        return b.build();
    }

    private static Query termsIn(String field, List<String> values) {
        return new TermInSetQuery(field, values.stream().map(BytesRef::new).toList());
    }

    private static Query filtered(Query query, Query filter) {
        return new BooleanQuery.Builder().add(query, Occur.MUST).add(filter, Occur.FILTER).build();
    }

    private static Query boost(Query query, float boost) {
        return boost == 1f ? query : new BoostQuery(query, boost);
    }

    // ---------------------------------------------------------------- results

    /** {@link Snippets#tidy}. */
    static String tidy(String snippet) {
        return Snippets.tidy(snippet);
    }

    private static IndexedChunk toChunk(Document doc) {
        StoredValues v = new StoredValues(doc);
        return new IndexedChunk(
                doc.get(F_CHUNK_ID),
                doc.get(F_DOC_ID),
                v.intValue(F_VERSION),
                doc.get(F_TITLE),
                doc.get(F_TEXT),
                DocumentKind.valueOf(doc.get(F_KIND)),
                doc.get(F_ISSUER),
                v.date(F_EFFECTIVE),
                Audience.valueOf(doc.get(F_AUDIENCE)),
                doc.get(F_LOCATOR),
                v.integer(F_PAGE),
                v.intValue(F_START),
                v.intValue(F_END),
                doc.get(F_URL),
                null);
    }

    private record StoredValues(Document doc) {
        Integer integer(String field) {
            var f = doc.getField(field);
            return f == null ? null : f.numericValue().intValue();
        }

        int intValue(String field) {
            Integer value = integer(field);
            return value == null ? 0 : value;
        }

        LocalDate date(String field) {
            var f = doc.getField(field);
            return f == null ? null : LocalDate.ofEpochDay(f.numericValue().longValue());
        }
    }

    private static List<String> ids(Map<Integer, Double> ranking) {
        return ranking.keySet().stream().map(String::valueOf).toList();
    }

    private static List<String> ids(TopDocs top) {
        List<String> ids = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc sd : top.scoreDocs) {
            ids.add(String.valueOf(sd.doc));
        }
        return ids;
    }

    // ---------------------------------------------------------------- lifecycle

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            searchers.close();
            writer.close();
        } catch (IOException e) {
            throw new SearchException("cannot close the search index", e);
        } finally {
            closeQuietly(directory);
        }
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("search index is closed");
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            log.debug("ignored while closing: {}", e.toString());
        }
    }
}
