package kr.mokmin.search.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

import kr.mokmin.search.Audience;
import kr.mokmin.search.DocumentKind;
import kr.mokmin.search.IndexedChunk;
import kr.mokmin.search.SearchHit;
import kr.mokmin.search.SearchQuery;
import kr.mokmin.search.eval.EvalData.Doc;
import kr.mokmin.search.eval.EvalData.Question;
import kr.mokmin.search.lucene.LuceneSearchIndex;
import kr.mokmin.search.lucene.Ranking;
import kr.mokmin.text.KoreanAnalyzers;
import kr.mokmin.text.KoreanText;

/**
 * Measures retrieval over an evaluation set: index the corpus, rank the documents for each question, score the
 * rankings against the judgments ({@link RetrievalMetrics}).
 *
 * <p>The product system is {@link LuceneSearchIndex} itself with the given ranking. Long documents are cut
 * into chunks of about {@code chunkChars} characters at line breaks (as the knowledge base will hold them) and a
 * document ranks by its best chunk; {@code chunkChars <= 0} indexes every document whole. The baselines are
 * plain BM25 over one field (title + text, whole documents) with an off-the-shelf analysis: whitespace tokens,
 * or character bigrams (standard tokenizer + CJK bigram filter).
 */
public final class SearchEvaluation {

    /** Documents returned per question: the metrics look at the top 10. */
    static final int DEPTH = 10;
    /** Clause cap for the baselines' queries (Lucene allows 1024 in total). */
    private static final int BASELINE_MAX_TERMS = 512;

    private SearchEvaluation() {
    }

    /** Which system to measure. */
    public enum System {
        PRODUCT,
        WHITESPACE,
        BIGRAM
    }

    /** A built index that ranks document ids for a question. Thread-safe. */
    public interface Retriever extends AutoCloseable {
        /** Document ids, best first, at most {@link #DEPTH}, each once. */
        List<String> rank(String question);

        @Override
        void close();
    }

    /** Indexes {@code corpus} for {@code system} in {@code workDir} (an empty directory it may fill). */
    public static Retriever build(System system, List<Doc> corpus, Path workDir, int chunkChars, int threads,
            LuceneSearchIndex.Analysis analysis, Ranking ranking) {
        return switch (system) {
            case PRODUCT -> product(corpus, workDir, chunkChars, threads, analysis, ranking);
            case WHITESPACE -> baseline(corpus, workDir, whitespaceAnalyzer(), threads);
            case BIGRAM -> baseline(corpus, workDir, plainBigramAnalyzer(), threads);
        };
    }

    /** Ranks every question, {@code threads} at a time: query id → document ids. */
    public static Map<String, List<String>> rankAll(Retriever retriever, List<Question> questions, int threads) {
        Map<String, List<String>> rankings = new ConcurrentHashMap<>();
        parallel(questions, threads, q -> rankings.put(q.id(), retriever.rank(q.text())));
        Map<String, List<String>> ordered = new LinkedHashMap<>();
        for (Question q : questions) {
            ordered.put(q.id(), rankings.get(q.id()));
        }
        return ordered;
    }

    // ---------------------------------------------------------------- product

    /** The product index searched as a product search would, with a ranking to compare. */
    public static Retriever product(List<Doc> corpus, Path workDir, int chunkChars, int threads,
            LuceneSearchIndex.Analysis analysis, Ranking ranking) {
        LuceneSearchIndex index = new LuceneSearchIndex(workDir.resolve("product"), analysis, ranking, null);
        try {
            load(index, corpus, chunkChars, threads);
        } catch (RuntimeException e) {
            index.close();
            throw e;
        }
        return new ProductRetriever(index, ranking, chunkChars > 0);
    }

    /** Adds the corpus to a product index, in batches of 500 documents, {@code threads} batches at a time. */
    public static void load(LuceneSearchIndex index, List<Doc> corpus, int chunkChars, int threads) {
        parallel(batches(corpus, 500), threads, batch -> {
            Map<String, List<IndexedChunk>> docs = new LinkedHashMap<>();
            for (Doc doc : batch) {
                docs.put(doc.id(), toChunks(doc, chunkChars));
            }
            index.replaceDocuments(docs);
        });
    }

    /** A product retriever over an index that is already built (to compare rankings on one index). */
    public static Retriever product(LuceneSearchIndex index, Ranking ranking, boolean chunked) {
        return new ProductRetriever(index, ranking, chunked) {
            @Override
            public void close() {
                // the caller owns the index
            }
        };
    }

    private static class ProductRetriever implements Retriever {
        private final LuceneSearchIndex index;
        private final Ranking ranking;
        private final boolean chunked;

        ProductRetriever(LuceneSearchIndex index, Ranking ranking, boolean chunked) {
            this.index = index;
            this.ranking = ranking;
            this.chunked = chunked;
        }

        @Override
        public List<String> rank(String question) {
            // several chunks of one document may rank high: fetch more, keep each document's best
            int k = chunked ? SearchQuery.MAX_K : DEPTH;
            Set<String> docs = new LinkedHashSet<>();
            for (SearchHit hit : index.search(SearchQuery.forPublic(question, k), ranking, false)) {
                docs.add(hit.documentId());
                if (docs.size() == DEPTH) {
                    break;
                }
            }
            return List.copyOf(docs);
        }

        @Override
        public void close() {
            index.close();
        }
    }

    /** One document as index chunks: the whole text, or pieces of about {@code chunkChars}. */
    static List<IndexedChunk> toChunks(Doc doc, int chunkChars) {
        List<int[]> spans = chunkSpans(doc.text(), chunkChars);
        List<IndexedChunk> chunks = new ArrayList<>(spans.size());
        for (int i = 0; i < spans.size(); i++) {
            int[] span = spans.get(i);
            chunks.add(new IndexedChunk(doc.id() + "#" + i, doc.id(), 1, doc.title(),
                    doc.text().substring(span[0], span[1]), DocumentKind.OTHER, null, null, Audience.PUBLIC, null,
                    null, span[0], span[1], null, null));
        }
        return chunks;
    }

    /**
     * Cuts {@code text} into [start, end) spans of at most about {@code maxChars}: whole lines where they fit,
     * a long line at its last sentence end ('.', '?', '!' followed by a space) before the limit, or hard at the
     * limit. {@code maxChars <= 0}, or a short text, gives one span.
     */
    public static List<int[]> chunkSpans(String text, int maxChars) {
        List<int[]> spans = new ArrayList<>();
        if (maxChars <= 0 || text.length() <= maxChars) {
            spans.add(new int[] {0, text.length()});
            return spans;
        }
        int start = 0;
        while (start < text.length()) {
            int limit = Math.min(text.length(), start + maxChars);
            int end = limit;
            if (limit < text.length()) {
                int lineBreak = text.lastIndexOf('\n', limit - 1);
                if (lineBreak > start) {
                    end = lineBreak + 1;
                } else {
                    int sentence = lastSentenceEnd(text, start, limit);
                    end = sentence > start ? sentence : limit;
                }
            }
            if (!text.substring(start, end).isBlank()) {
                spans.add(new int[] {start, end});
            }
            start = end;
        }
        return spans;
    }

    private static int lastSentenceEnd(String text, int start, int limit) {
        for (int i = limit - 1; i > start; i--) {
            char c = text.charAt(i - 1);
            if ((c == '.' || c == '?' || c == '!') && Character.isWhitespace(text.charAt(i))) {
                return i + 1;
            }
        }
        return -1;
    }

    // ---------------------------------------------------------------- baselines

    static Analyzer whitespaceAnalyzer() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new WhitespaceTokenizer();
                return new TokenStreamComponents(tokenizer, new LowerCaseFilter(tokenizer));
            }
        };
    }

    static Analyzer plainBigramAnalyzer() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new StandardTokenizer();
                TokenStream stream = new LowerCaseFilter(new CJKWidthFilter(tokenizer));
                return new TokenStreamComponents(tokenizer, new CJKBigramFilter(stream));
            }
        };
    }

    private static Retriever baseline(List<Doc> corpus, Path workDir, Analyzer analyzer, int threads) {
        try {
            Directory dir = FSDirectory.open(workDir.resolve("baseline"));
            IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(analyzer).setRAMBufferSizeMB(64));
            parallel(batches(corpus, 500), threads, batch -> {
                for (Doc doc : batch) {
                    Document d = new Document();
                    d.add(new StringField("id", doc.id(), Field.Store.YES));
                    d.add(new TextField("body", KoreanText.normalize(doc.title() + "\n" + doc.text()), Field.Store.NO));
                    try {
                        writer.addDocument(d);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
            writer.commit();
            writer.close();
            DirectoryReader reader = DirectoryReader.open(dir);
            IndexSearcher searcher = new IndexSearcher(reader);
            return new Retriever() {
                @Override
                public List<String> rank(String question) {
                    Set<String> terms = new LinkedHashSet<>(
                            KoreanAnalyzers.terms(analyzer, "body", KoreanText.normalize(question)));
                    BooleanQuery.Builder query = new BooleanQuery.Builder();
                    terms.stream().limit(BASELINE_MAX_TERMS)
                            .forEach(t -> query.add(new TermQuery(new Term("body", t)), Occur.SHOULD));
                    try {
                        StoredFields stored = searcher.storedFields();
                        List<String> ids = new ArrayList<>();
                        for (ScoreDoc sd : searcher.search(query.build(), DEPTH).scoreDocs) {
                            ids.add(stored.document(sd.doc).get("id"));
                        }
                        return ids;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }

                @Override
                public void close() {
                    try {
                        reader.close();
                        dir.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the baseline index", e);
        }
    }

    // ---------------------------------------------------------------- helpers

    private static <T> List<List<T>> batches(List<T> items, int size) {
        List<List<T>> batches = new ArrayList<>();
        for (int i = 0; i < items.size(); i += size) {
            batches.add(items.subList(i, Math.min(items.size(), i + size)));
        }
        return batches;
    }

    private interface Task<T> {
        void run(T item);
    }

    private static <T> void parallel(List<T> items, int threads, Task<T> task) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> task.run(item)));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }

    static String describe(System system, int chunkChars) {
        return switch (Objects.requireNonNull(system)) {
            case PRODUCT -> "product (nori + bigram BM25" + (chunkChars > 0 ? ", chunks of ~" + chunkChars + " chars, best chunk per doc" : ", whole documents") + ")";
            case WHITESPACE -> "baseline: BM25 on whitespace tokens";
            case BIGRAM -> "baseline: BM25 on character bigrams";
        };
    }
}
