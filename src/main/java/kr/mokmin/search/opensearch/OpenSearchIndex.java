package kr.mokmin.search.opensearch;

import static kr.mokmin.search.opensearch.OpenSearchSchema.F_AUDIENCE;
import static kr.mokmin.search.opensearch.OpenSearchSchema.F_CHUNK_ID;
import static kr.mokmin.search.opensearch.OpenSearchSchema.F_EFFECTIVE;
import static kr.mokmin.search.opensearch.OpenSearchSchema.F_ISSUER;
import static kr.mokmin.search.opensearch.OpenSearchSchema.F_KIND;
import static kr.mokmin.search.opensearch.OpenSearchSchema.F_TEXT;
import static kr.mokmin.search.opensearch.OpenSearchSchema.F_TEXT_BIGRAM;
import static kr.mokmin.search.opensearch.OpenSearchSchema.F_TITLE;
import static kr.mokmin.search.opensearch.OpenSearchSchema.F_TITLE_BIGRAM;
import static kr.mokmin.search.opensearch.OpenSearchSchema.F_VECTOR;
import static kr.mokmin.search.opensearch.OpenSearchSchema.NESTED;
import static kr.mokmin.search.opensearch.OpenSearchSchema.path;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.opensearch.core.BulkRequest;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5Transport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;
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
import kr.mokmin.search.lucene.LuceneSearchIndex;
import kr.mokmin.search.lucene.QueryTerms;
import kr.mokmin.search.lucene.Ranking;
import kr.mokmin.text.KoreanText;

/**
 * The search index on an OpenSearch cluster (with the analysis-nori plugin), for cities that outgrow one machine.
 *
 * <p>Same behaviour as the embedded {@link LuceneSearchIndex}, by the same means where OpenSearch allows:
 * <ul>
 *   <li><b>Analysis</b>: the index analyses text with nori (same user dictionary, decompound mode, part-of-speech
 *       filter, Hanja readings) and character bigrams, defined in the index settings ({@link OpenSearchSchema}).
 *       Queries are analysed here, in the app, by {@link QueryTerms} (the embedded index's code: content words,
 *       synonyms at half weight, repetition cap), and sent as terms.</li>
 *   <li><b>Ranking</b>: the embedded index's query shape in the query DSL: per term a {@code combined_fields}
 *       (BM25F over body + title, title weight 2) plus a {@code term} bonus on the title, for the nori terms and for
 *       the bigram terms, summed; optional k-NN vectors fused by {@link RankFusion}.</li>
 *   <li><b>Atomic replace</b>: one OpenSearch document per knowledge document with its chunks as {@code nested}
 *       objects. OpenSearch writes a document and its nested objects as one Lucene block and replaces it by one
 *       {@code updateDocuments} call, so a search sees all of the old chunks or all of the new ones. A search
 *       asks for the best documents by their best chunk ({@code score_mode: max}) with their best chunks as inner
 *       hits, then merges the inner hits: the top k documents hold the top k chunks.</li>
 *   <li><b>Durability</b>: the index's translog is fsynced before a write is acknowledged
 *       ({@code index.translog.durability: request}); writes use {@code refresh=wait_for}, so they are searchable
 *       when the call returns.</li>
 * </ul>
 * Thread-safe (the client is).
 */
public final class OpenSearchIndex implements SearchIndex {

    private static final Logger log = LoggerFactory.getLogger(OpenSearchIndex.class);

    /** Snippet length the highlighter aims at (characters), as in the embedded index. */
    static final int SNIPPET_CHARS = 160;
    /**
     * Chunks per bulk request when (re)loading a corpus (whole documents; a batch closes once it holds this many): the
     * node analyses a bulk within one request, and all 13,560 chunks of the demo corpus in one took longer than
     * 30 s on the busy test machine.
     */
    static final int BULK_CHUNKS = 1_000;
    private static final String KNN_PLUGIN = "opensearch-knn";

    /**
     * Where and how to reach the cluster.
     *
     * @param urls            one or more node URLs ({@code http://host:9200}, {@code https://…})
     * @param username        basic-auth user (the security plugin); {@code null} = none
     * @param password        its password
     * @param indexPrefix     prepended to the index name ({@code <prefix>search}), so one cluster can serve several
     *                        cities or test runs
     * @param refreshInterval the index's refresh interval: how often OpenSearch makes writes visible by itself, and
     *                        so how long a {@code refresh=wait_for} write waits at most
     * @param timeout         connect and response timeout of one request (default 60 s: a bulk of 1,000 chunks on
     *                        a busy node)
     */
    public record Settings(List<URI> urls, String username, String password, String indexPrefix,
                           Duration refreshInterval, Duration timeout) {
        public Settings {
            if (urls == null || urls.isEmpty()) {
                throw new IllegalArgumentException("at least one OpenSearch URL is needed");
            }
            urls = List.copyOf(urls);
            indexPrefix = indexPrefix == null ? "" : indexPrefix;
            if (!indexPrefix.equals(indexPrefix.toLowerCase(java.util.Locale.ROOT)) || indexPrefix.contains("*")
                    || indexPrefix.contains(",") || indexPrefix.contains("/")) {
                throw new IllegalArgumentException("bad OpenSearch index prefix '" + indexPrefix + "'");
            }
            refreshInterval = refreshInterval == null ? Duration.ofSeconds(1) : refreshInterval;
            timeout = timeout == null ? Duration.ofSeconds(60) : timeout;
        }

        /** The settings of {@code mokmin.search.opensearch.url}: a comma-separated list of node URLs. */
        public static Settings of(String urlList, String username, String password, String indexPrefix) {
            List<URI> urls = new ArrayList<>();
            for (String url : urlList.split(",")) {
                if (!url.isBlank()) {
                    urls.add(URI.create(url.strip()));
                }
            }
            boolean auth = username != null && !username.isBlank();
            return new Settings(urls, auth ? username : null, auth ? password : null, indexPrefix, null, null);
        }
    }

    private final ObjectMapper json;
    private final ApacheHttpClient5Transport transport;
    private final OpenSearchClient client;
    private final String index;
    private final QueryTerms queryTerms;
    private final Ranking ranking;
    private final Embedder embedder;
    private final boolean knnPlugin;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Dimension of the mapped vector field, 0 = none mapped yet. */
    private volatile int vectorDimension;
    private final AtomicBoolean warnedNoKnn = new AtomicBoolean();

    /** Connects with the product analysis and ranking; creates the index if it is missing. */
    public static OpenSearchIndex connect(Settings settings, Embedder embedder) {
        return new OpenSearchIndex(settings, Ranking.defaults(), embedder);
    }

    /**
     * @param ranking  the query-time ranking (its {@code lexicalFusion} is always read as SUM here)
     * @param embedder embeds query text for the vector search; {@code null} = keyword search only
     */
    public OpenSearchIndex(Settings settings, Ranking ranking, Embedder embedder) {
        this.ranking = Objects.requireNonNull(ranking, "ranking");
        this.embedder = embedder;
        this.queryTerms = new QueryTerms(LuceneSearchIndex.Analysis.defaults());
        this.index = settings.indexPrefix() + "search";
        this.json = new ObjectMapper()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        this.transport = transport(settings, json);
        this.client = new OpenSearchClient(transport);
        try {
            this.knnPlugin = hasPlugin(KNN_PLUGIN);
            ensureIndex(settings.refreshInterval());
        } catch (RuntimeException e) {
            closeQuietly();
            throw e;
        }
    }

    private static ApacheHttpClient5Transport transport(Settings settings, ObjectMapper json) {
        HttpHost[] hosts = settings.urls().stream().map(OpenSearchIndex::host).toArray(HttpHost[]::new);
        return ApacheHttpClient5TransportBuilder.builder(hosts)
                .setMapper(new JacksonJsonpMapper(json))
                .setRequestConfigCallback(config -> config
                        .setConnectTimeout(Timeout.of(settings.timeout()))
                        .setResponseTimeout(Timeout.of(settings.timeout())))
                .setHttpClientConfigCallback(http -> {
                    if (settings.username() != null) {
                        BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                        for (HttpHost host : hosts) {
                            String password = settings.password() == null ? "" : settings.password();
                            credentials.setCredentials(new AuthScope(host),
                                    new UsernamePasswordCredentials(settings.username(), password.toCharArray()));
                        }
                        http.setDefaultCredentialsProvider(credentials);
                    }
                    return http;
                })
                .build();
    }

    private static HttpHost host(URI url) {
        if (url.getHost() == null) {
            throw new IllegalArgumentException("bad OpenSearch URL '" + url + "' (expected http(s)://host:port)");
        }
        int port = url.getPort() > 0 ? url.getPort() : 9200;
        return new HttpHost(url.getScheme() == null ? "http" : url.getScheme(), url.getHost(), port);
    }

    /** The name of the index this adapter reads and writes. */
    public String indexName() {
        return index;
    }

    /** Whether the cluster has the k-NN plugin (vectors are then mapped as {@code knn_vector}). */
    public boolean hasKnnPlugin() {
        return knnPlugin;
    }

    // ---------------------------------------------------------------- index setup

    private boolean hasPlugin(String component) {
        JsonNode plugins = call("GET", "/_cat/plugins", Map.of("format", "json"), null);
        for (JsonNode plugin : plugins) {
            if (component.equals(plugin.path("component").asText())) {
                return true;
            }
        }
        return false;
    }

    private void ensureIndex(Duration refreshInterval) {
        ObjectNode body = OpenSearchSchema.createIndexBody(json, refreshInterval, knnPlugin);
        HttpResult created = request("PUT", "/" + index, Map.of(), body);
        if (created.status() >= 300 && !created.body().path("error").path("type").asText()
                .equals("resource_already_exists_exception")) {
            throw new SearchException("cannot create OpenSearch index " + index + ": " + created.status() + " "
                    + created.body(), null);
        }
        JsonNode mapping = call("GET", "/" + index + "/_mapping", Map.of(), null).path(index).path("mappings");
        int schema = mapping.path("_meta").path("mokmin_schema").asInt(-1);
        if (schema != OpenSearchSchema.VERSION) {
            throw new SearchException("OpenSearch index " + index + " has schema " + schema + ", this version needs "
                    + OpenSearchSchema.VERSION + ": re-index into a new index prefix", null);
        }
        JsonNode vector = mapping.path("properties").path(NESTED).path("properties").path(F_VECTOR);
        vectorDimension = vector.path("dimension").asInt(0);
    }

    // ---------------------------------------------------------------- writes

    @Override
    public void replaceDocument(String documentId, List<IndexedChunk> chunks) {
        replaceDocuments(Map.of(documentId, chunks));
    }

    @Override
    public void replaceDocuments(Map<String, List<IndexedChunk>> documents) {
        ensureOpen();
        Map<String, DocumentSource> prepared = new LinkedHashMap<>();
        documents.forEach((documentId, chunks) ->
                prepared.put(DocumentChunks.requireDocumentId(documentId), toSource(documentId, chunks)));
        List<Map.Entry<String, DocumentSource>> batch = new ArrayList<>();
        int chunks = 0;
        int left = prepared.size();
        for (Map.Entry<String, DocumentSource> entry : prepared.entrySet()) {
            batch.add(entry);
            chunks += entry.getValue() == null ? 0 : entry.getValue().chunks().size();
            left--;
            if (left == 0 || chunks >= BULK_CHUNKS) {
                // every batch is durable (translog); the last one also waits until all of them are searchable
                bulk(batch, left == 0 ? Refresh.WaitFor : Refresh.False);
                batch = new ArrayList<>();
                chunks = 0;
            }
        }
    }

    @Override
    public void deleteDocument(String documentId) {
        replaceDocuments(Map.of(DocumentChunks.requireDocumentId(documentId), List.of()));
    }

    private void bulk(List<Map.Entry<String, DocumentSource>> batch, Refresh refresh) {
        BulkRequest.Builder request = new BulkRequest.Builder().index(index).refresh(refresh);
        for (Map.Entry<String, DocumentSource> entry : batch) {
            String id = entry.getKey();
            DocumentSource source = entry.getValue();
            if (source == null) {
                request.operations(op -> op.delete(d -> d.id(id)));
            } else {
                request.operations(op -> op.index(i -> i.id(id).document(source)));
            }
        }
        BulkResponse response;
        try {
            response = client.bulk(request.build());
        } catch (IOException | OpenSearchException e) {
            throw new SearchException("cannot write to OpenSearch index " + index, e);
        }
        if (response.errors()) {
            for (BulkResponseItem item : response.items()) {
                if (item.error() != null) {
                    throw new SearchException("OpenSearch refused document " + item.id() + ": "
                            + item.error().type() + " " + item.error().reason(), null);
                }
            }
        }
    }

    /** The document as OpenSearch stores it, or {@code null} for "delete it" (no chunks). */
    private DocumentSource toSource(String documentId, List<IndexedChunk> chunks) {
        DocumentChunks.check(documentId, chunks);
        List<ChunkSource> sources = new ArrayList<>(chunks.size());
        for (IndexedChunk chunk : chunks) {
            sources.add(ChunkSource.of(chunk, vectorFor(chunk)));
        }
        return sources.isEmpty() ? null : new DocumentSource(documentId, sources);
    }

    /** The chunk's vector if the cluster can hold it, mapping the field on first use. */
    private float[] vectorFor(IndexedChunk chunk) {
        float[] vector = chunk.vector();
        if (vector == null) {
            return null;
        }
        if (!knnPlugin) {
            if (warnedNoKnn.compareAndSet(false, true)) {
                log.warn("OpenSearch cluster has no k-NN plugin: chunk vectors are not indexed, search is lexical");
            }
            return null;
        }
        if (vectorDimension == 0) {
            mapVectors(vector.length);
        }
        if (vector.length != vectorDimension) {
            throw new IllegalArgumentException("vector of " + chunk.chunkId() + " has " + vector.length
                    + " dimensions, the index " + vectorDimension);
        }
        return vector;
    }

    private synchronized void mapVectors(int dimension) {
        if (vectorDimension == 0) {
            call("PUT", "/" + index + "/_mapping", Map.of(), OpenSearchSchema.vectorMapping(json, dimension));
            vectorDimension = dimension;
        }
    }

    // ---------------------------------------------------------------- reads

    @Override
    public long count() {
        ensureOpen();
        ObjectNode body = json.createObjectNode();
        body.put("size", 0);
        body.put("track_total_hits", false);
        body.putObject("aggs").putObject("chunks").putObject("nested").put("path", NESTED);
        return search(body).path("aggregations").path("chunks").path("doc_count").asLong();
    }

    @Override
    public List<SearchHit> search(SearchQuery query) {
        return search(query, ranking);
    }

    /** Searches with another ranking than the configured one (for evaluation). */
    public List<SearchHit> search(SearchQuery query, Ranking with) {
        ensureOpen();
        Objects.requireNonNull(query, "query");
        String text = QueryTerms.prepare(query.text());
        QueryTerms.Weighted terms = queryTerms.of(text, with);
        if (terms.isEmpty()) {
            // nothing but punctuation or spaces: there is nothing to look for, not even semantically
            return List.of();
        }
        ArrayNode filters = filters(query);
        float[] queryVector = vectorDimension > 0 ? queryVector(text) : null;
        // inner hits are capped at index.max_inner_result_window (100 = SearchQuery.MAX_K)
        int depth = queryVector != null ? Math.min(SearchQuery.MAX_K, Math.max(with.candidates(), query.k()))
                : query.k();
        ObjectNode lexicalQuery = lexicalQuery(terms, with);
        if (lexicalQuery.path("bool").path("should").isEmpty()) {
            // a ranking that weighs only the analysis that found no term: an empty bool would match everything
            return List.of();
        }
        List<Found> lexical = nestedSearch(lexicalQuery, filters, depth, terms);
        if (queryVector == null) {
            List<SearchHit> hits = new ArrayList<>();
            for (Found found : lexical.subList(0, Math.min(query.k(), lexical.size()))) {
                hits.add(new SearchHit(found.chunk(), found.score(), found.score(), null, found.snippet()));
            }
            return hits;
        }
        List<Found> vector = vectorSearch(queryVector, filters, depth, terms);
        return fuse(lexical, vector, query.k());
    }

    /** One chunk found by one of the searches. */
    private record Found(IndexedChunk chunk, double score, String snippet) {
    }

    /**
     * The best {@code k} chunks for {@code chunkQuery} among those passing {@code filters}: the best {@code k}
     * documents by their best chunk, each with its best {@code k} chunks, merged.
     */
    private List<Found> nestedSearch(ObjectNode chunkQuery, ArrayNode filters, int k, QueryTerms.Weighted terms) {
        ObjectNode body = json.createObjectNode();
        body.put("size", k);
        body.put("track_total_hits", false);
        body.put("_source", false);
        ObjectNode nested = body.putObject("query").putObject("nested");
        nested.put("path", NESTED);
        nested.put("score_mode", "max");
        ObjectNode bool = nested.putObject("query").putObject("bool");
        bool.putArray("must").add(chunkQuery);
        bool.set("filter", filters);
        ObjectNode inner = nested.putObject("inner_hits");
        inner.put("size", k);
        inner.putObject("_source").putArray("excludes").add(path(F_VECTOR));
        inner.set("highlight", highlight(terms));

        List<Found> found = new ArrayList<>();
        for (JsonNode hit : search(body).path("hits").path("hits")) {
            String documentId = hit.path("_id").asText();
            for (JsonNode innerHit : hit.path("inner_hits").path(NESTED).path("hits").path("hits")) {
                ChunkSource source = json.convertValue(innerHit.path("_source"), ChunkSource.class);
                JsonNode fragments = innerHit.path("highlight").path(path(F_TEXT));
                String snippet = fragments.isArray() && !fragments.isEmpty() ? fragments.get(0).asText() : "";
                // OpenSearch marks each part of a compound on its own (위기|상황); one mark reads as one word
                found.add(new Found(source.toChunk(documentId), innerHit.path("_score").asDouble(),
                        Snippets.tidy(snippet.replace("</mark><mark>", ""))));
            }
        }
        // stable: equal scores keep the order OpenSearch gave (document order, then chunk order)
        found.sort(Comparator.comparingDouble(Found::score).reversed());
        return found.size() > k ? new ArrayList<>(found.subList(0, k)) : found;
    }

    /**
     * The embedded index's query in the DSL: nori part and bigram part, each a sum over the query's terms of BM25F
     * over body + title and a bonus on the title alone.
     */
    private ObjectNode lexicalQuery(QueryTerms.Weighted terms, Ranking with) {
        ObjectNode sum = json.createObjectNode();
        ArrayNode should = sum.putObject("bool").putArray("should");
        if (with.noriWeight() > 0 && !terms.nori().isEmpty()) {
            should.add(termsQuery(terms.nori(), F_TEXT, F_TITLE, with, with.noriWeight()));
        }
        if (with.bigramWeight() > 0 && !terms.bigram().isEmpty()) {
            should.add(termsQuery(terms.bigram(), F_TEXT_BIGRAM, F_TITLE_BIGRAM, with, with.bigramWeight()));
        }
        return sum;
    }

    private ObjectNode termsQuery(Map<String, Float> terms, String body, String title, Ranking with, float boost) {
        ObjectNode query = json.createObjectNode();
        ObjectNode bool = query.putObject("bool");
        bool.put("boost", boost);
        ArrayNode should = bool.putArray("should");
        terms.forEach((term, weight) -> {
            if (with.titleInBody() >= 1) {
                ObjectNode combined = should.addObject().putObject("combined_fields");
                combined.put("query", term);
                combined.putArray("fields").add(path(body)).add(path(title) + "^" + with.titleInBody());
                combined.put("boost", weight);
            } else {
                should.add(term(path(body), term, weight));
            }
            if (with.titleBoost() > 0) {
                should.add(term(path(title), term, weight * with.titleBoost()));
            }
        });
        return query;
    }

    private ObjectNode term(String field, String value, float boost) {
        ObjectNode query = json.createObjectNode();
        query.putObject("term").putObject(field).put("value", value).put("boost", boost);
        return query;
    }

    /** The highlighter marks the nori terms in the body; one passage of about {@link #SNIPPET_CHARS}. */
    private ObjectNode highlight(QueryTerms.Weighted terms) {
        ObjectNode highlight = json.createObjectNode();
        highlight.putArray("pre_tags").add("<mark>");
        highlight.putArray("post_tags").add("</mark>");
        // html: the snippet is HTML; everything but our <mark> tags is the document's text, escaped
        highlight.put("encoder", "html");
        ObjectNode field = highlight.putObject("fields").putObject(path(F_TEXT));
        field.put("type", "unified");
        field.put("fragment_size", SNIPPET_CHARS);
        field.put("number_of_fragments", 1);
        // a chunk found by its bigrams or its vector only still gets its opening passage
        field.put("no_match_size", SNIPPET_CHARS);
        field.put("boundary_scanner", "sentence");
        field.put("boundary_scanner_locale", "ko-KR");
        ArrayNode should = field.putObject("highlight_query").putObject("bool").putArray("should");
        terms.nori().keySet().forEach(term -> should.add(term(path(F_TEXT), term, 1f)));
        return highlight;
    }

    private ArrayNode filters(SearchQuery query) {
        ArrayNode filters = json.createArrayNode();
        filters.add(termsIn(F_AUDIENCE, query.audiences().stream().map(Audience::name).toList()));
        if (!query.kinds().isEmpty()) {
            filters.add(termsIn(F_KIND, query.kinds().stream().map(DocumentKind::name).toList()));
        }
        if (!query.issuers().isEmpty()) {
            filters.add(termsIn(F_ISSUER, query.issuers().stream().map(KoreanText::normalize).toList()));
        }
        if (query.effectiveFrom() != null || query.effectiveTo() != null) {
            ObjectNode range = filters.addObject().putObject("range").putObject(path(F_EFFECTIVE));
            if (query.effectiveFrom() != null) {
                range.put("gte", query.effectiveFrom().toString());
            }
            if (query.effectiveTo() != null) {
                range.put("lte", query.effectiveTo().toString());
            }
        }
        return filters;
    }

    private ObjectNode termsIn(String field, List<String> values) {
        ObjectNode query = json.createObjectNode();
        ArrayNode array = query.putObject("terms").putArray(path(field));
        values.forEach(array::add);
        return query;
    }

    // ---------------------------------------------------------------- vectors (k-NN plugin)

    private float[] queryVector(String text) {
        if (embedder == null) {
            return null;
        }
        try {
            float[] vector = embedder.embed(text);
            if (vector.length != vectorDimension) {
                log.warn("vector search skipped: the embedder gives {} dimensions, the index has {}", vector.length,
                        vectorDimension);
                return null;
            }
            return vector;
        } catch (RuntimeException e) {
            // an embeddings server outage must not take search down: keyword search still answers
            log.warn("query embedding failed, searching by keywords only: {}", e.toString());
            return null;
        }
    }

    /** k-NN inside the nested chunks, with the same filter inside the k-NN search (not after it). */
    private List<Found> vectorSearch(float[] vector, ArrayNode filters, int k, QueryTerms.Weighted terms) {
        ObjectNode knn = json.createObjectNode();
        ObjectNode field = knn.putObject("knn").putObject(path(F_VECTOR));
        ArrayNode values = field.putArray("vector");
        for (float v : vector) {
            values.add(v);
        }
        field.put("k", k);
        field.putObject("filter").putObject("bool").set("filter", filters);
        // the Lucene engine scores cosine as (1 + cos) / 2, as SearchHit.vectorScore wants it
        return nestedSearch(knn, json.createArrayNode(), k, terms);
    }

    private static List<SearchHit> fuse(List<Found> lexical, List<Found> vector, int k) {
        Map<String, Found> lexicalById = new HashMap<>();
        Map<String, Found> vectorById = new HashMap<>();
        lexical.forEach(f -> lexicalById.putIfAbsent(f.chunk().chunkId(), f));
        vector.forEach(f -> vectorById.putIfAbsent(f.chunk().chunkId(), f));
        List<SearchHit> hits = new ArrayList<>();
        for (RankFusion.Fused fused : RankFusion.fuse(List.of(
                lexical.stream().map(f -> f.chunk().chunkId()).toList(),
                vector.stream().map(f -> f.chunk().chunkId()).toList()))) {
            if (hits.size() == k) {
                break;
            }
            Found byWords = lexicalById.get(fused.id());
            Found byVector = vectorById.get(fused.id());
            Found any = byWords != null ? byWords : byVector;
            hits.add(new SearchHit(any.chunk(), fused.score(), byWords == null ? 0 : byWords.score(),
                    byVector == null ? null : byVector.score(), any.snippet()));
        }
        return hits;
    }

    // ---------------------------------------------------------------- HTTP

    private JsonNode search(ObjectNode body) {
        return call("POST", "/" + index + "/_search", Map.of(), body);
    }

    private record HttpResult(int status, JsonNode body) {
    }

    private JsonNode call(String method, String endpoint, Map<String, String> params, ObjectNode body) {
        HttpResult result = request(method, endpoint, params, body);
        if (result.status() >= 300) {
            throw new SearchException("OpenSearch " + method + " " + endpoint + " failed: " + result.status() + " "
                    + result.body().path("error"), null);
        }
        return result.body();
    }

    /** A request through the client's generic API, for the parts of the DSL its typed API lacks or hides. */
    private HttpResult request(String method, String endpoint, Map<String, String> params, ObjectNode body) {
        try {
            Requests.JsonBodyBuilder request = Requests.builder().method(method).endpoint(endpoint).query(params);
            if (body != null) {
                request.json(json.writeValueAsString(body));
            }
            try (Response response = client.generic().execute(request.build())) {
                String text = response.getBody().map(Body::bodyAsString).orElse("");
                return new HttpResult(response.getStatus(), text.isEmpty() ? json.createObjectNode() : json.readTree(text));
            }
        } catch (IOException e) {
            throw new SearchException("cannot reach OpenSearch (" + method + " " + endpoint + ")", e);
        }
    }

    // ---------------------------------------------------------------- documents as JSON

    /** One OpenSearch document: a knowledge document with its chunks. */
    record DocumentSource(String documentId, List<ChunkSource> chunks) {
    }

    /** A chunk as stored in the nested {@code chunks} array (snake_case field names, dates as yyyy-MM-dd). */
    record ChunkSource(String chunkId, int docVersion, String title, String text, String kind, String issuer,
                       String effective, String audience, String locator, Integer page, int start, int end,
                       String sourceUrl, float[] vector) {

        static ChunkSource of(IndexedChunk chunk, float[] vector) {
            return new ChunkSource(chunk.chunkId(), chunk.documentVersion(),
                    chunk.title() == null ? null : KoreanText.normalize(chunk.title()),
                    KoreanText.normalize(chunk.text()), chunk.kind().name(),
                    chunk.issuer() == null ? null : KoreanText.normalize(chunk.issuer()),
                    chunk.effectiveDate() == null ? null : chunk.effectiveDate().toString(),
                    chunk.audience().name(), chunk.locator(), chunk.page(), chunk.startOffset(), chunk.endOffset(),
                    chunk.sourceUrl(), vector);
        }

        IndexedChunk toChunk(String documentId) {
            return new IndexedChunk(chunkId, documentId, docVersion, title, text, DocumentKind.valueOf(kind), issuer,
                    effective == null ? null : LocalDate.parse(effective), Audience.valueOf(audience), locator, page,
                    start, end, sourceUrl, null);
        }
    }

    // ---------------------------------------------------------------- lifecycle

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            closeQuietly();
        }
    }

    private void closeQuietly() {
        try {
            transport.close();
        } catch (IOException e) {
            log.debug("ignored while closing the OpenSearch client: {}", e.toString());
        }
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("search index is closed");
        }
    }
}
