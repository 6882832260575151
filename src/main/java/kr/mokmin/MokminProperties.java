package kr.mokmin;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Operator settings under {@code mokmin.*}; every one is documented in application.yml and README.md.
 *
 * @param dataDir      where the embedded database, attachments and index live
 * @param taxonomyFile optional YAML with departments and services; null uses the saved or bundled one
 * @param timeZone     the city's time zone; receipt years and deadlines are computed in it
 */
@ConfigurationProperties(prefix = "mokmin")
public record MokminProperties(
        @DefaultValue("./data") Path dataDir,
        Path taxonomyFile,
        @DefaultValue("Asia/Seoul") String timeZone,
        @DefaultValue Intake intake,
        @DefaultValue Attachments attachments,
        @DefaultValue Deadlines deadlines,
        @DefaultValue Open311 open311,
        @DefaultValue Search search,
        @DefaultValue Knowledge knowledge,
        @DefaultValue Triage triage) {

    /**
     * @param ratePerMinute public (unauthenticated) intake requests per client address per minute
     * @param burst         requests allowed at once before the per-minute rate applies
     * @param maxBodyBytes  largest JSON or form body accepted on API endpoints
     */
    public record Intake(@DefaultValue("30") int ratePerMinute, @DefaultValue("10") int burst,
                         @DefaultValue("1MB") DataSize maxBodyBytes) {
    }

    /**
     * @param maxSize         largest attachment accepted (per file)
     * @param maxRequestSize  largest multipart upload request (all its files together); at least maxSize
     * @param maxPerComplaint most attachments one complaint may have
     * @param allowedTypes    media types accepted, as sniffed from the content; empty means the built-in list
     */
    public record Attachments(@DefaultValue("20MB") DataSize maxSize, @DefaultValue("25MB") DataSize maxRequestSize,
                              @DefaultValue("10") int maxPerComplaint, List<String> allowedTypes) {
    }

    /**
     * @param otherPeriod     period for 기타민원 (시행령 제16조③ lets the agency set it; default 7 days)
     * @param defaultPeriod   provisional period while a complaint has no type yet
     * @param dueSoon         how far ahead "due soon" looks
     */
    public record Deadlines(@DefaultValue("7d") String otherPeriod, @DefaultValue("7d") String defaultPeriod,
                            @DefaultValue("24h") Duration dueSoon) {
    }

    /**
     * @param publicRequests whether GET requests works without an API key (off by default: 민원 bodies are
     *                       personal data under 개인정보 보호법)
     * @param jurisdictionId the jurisdiction_id clients may send; other values are refused
     */
    public record Open311(@DefaultValue("false") boolean publicRequests,
                          @DefaultValue("paju.go.kr") String jurisdictionId) {
    }

    /**
     * @param indexDir      where the embedded (Lucene) search index lives; empty = {@code <data-dir>/index}
     * @param embedding     dense vectors for hybrid search; provider {@code none} keeps search lexical
     * @param ratePerMinute public (unauthenticated) search requests per client address per minute
     * @param burst         public search requests allowed at once before the per-minute rate applies
     * @param opensearch    an OpenSearch cluster instead of the embedded index; no URL = embedded Lucene
     */
    public record Search(Path indexDir, @DefaultValue Embedding embedding, @DefaultValue("60") int ratePerMinute,
                         @DefaultValue("20") int burst, @DefaultValue OpenSearch opensearch) {
    }

    /**
     * @param url         node URL(s), comma-separated ({@code http://search1:9200,http://search2:9200}); empty =
     *                    the embedded Lucene index
     * @param username    basic-auth user (OpenSearch security plugin); empty = none
     * @param password    its password
     * @param indexPrefix prepended to the index name ({@code <prefix>search}), for several cities on one cluster
     */
    public record OpenSearch(String url, String username, String password,
                             @DefaultValue("mokmin-") String indexPrefix) {

        public boolean enabled() {
            return url != null && !url.isBlank();
        }
    }

    /**
     * @param provider      {@code none} (lexical search only), {@code openai} (an OpenAI-compatible
     *                      {@code /v1/embeddings} server inside the city) or {@code onnx} (a model file on disk,
     *                      run in process)
     * @param baseUrl       openai: API base including its version path, e.g. {@code http://localhost:8000/v1}
     * @param model         openai: embedding model name the server knows
     * @param apiKey        openai: bearer key for the server; empty = none
     * @param dimensions    openai: vector length to ask for; empty = the model's own (at most 1024 for the index)
     * @param timeout       openai: time for one embedding request
     * @param modelPath     onnx: the model's {@code .onnx} file
     * @param tokenizerPath onnx: its {@code tokenizer.json}; empty = next to the model
     * @param output        onnx: model output to use; empty = {@code sentence_embedding}, else
     *                      {@code last_hidden_state}, else {@code token_embeddings}, else the only one
     * @param maxTokens     onnx: longer texts are cut to this many tokens
     * @param pooling       onnx: {@code mean} (over the attention mask) or {@code cls}, for per-token outputs
     * @param normalize     onnx: L2-normalise vectors
     * @param queryPrefix   onnx: text put in front of queries ({@code "query: "} for e5 models)
     * @param passagePrefix onnx: text put in front of passages ({@code "passage: "} for e5 models)
     * @param threads       onnx: ONNX Runtime threads per call
     * @param batchSize     onnx: passages per model run at ingestion
     */
    public record Embedding(@DefaultValue("none") String provider, URI baseUrl, String model, String apiKey,
                            Integer dimensions, @DefaultValue("30s") Duration timeout,
                            Path modelPath, Path tokenizerPath, String output, @DefaultValue("512") int maxTokens,
                            @DefaultValue("mean") String pooling, @DefaultValue("true") boolean normalize,
                            String queryPrefix, String passagePrefix, @DefaultValue("2") int threads,
                            @DefaultValue("16") int batchSize) {
    }

    /**
     * @param maxFileSize             largest document file accepted for ingestion (413 above it)
     * @param loadDemo                load the bundled demo knowledge base once, in the background, on the first start
     * @param workers                 threads that extract and index documents (OCR and nori analysis are CPU-bound)
     * @param queueCapacity           jobs waiting for a worker before new uploads are refused (429)
     * @param refuseExtensionMismatch refuse a file whose extension names another format than its content
     * @param ocr                     OCR scans and image-only PDF pages with Tesseract when it is installed
     */
    public record Knowledge(@DefaultValue("100MB") DataSize maxFileSize, @DefaultValue("true") boolean loadDemo,
                            @DefaultValue("1") int workers, @DefaultValue("100") int queueCapacity,
                            @DefaultValue("true") boolean refuseExtensionMismatch,
                            @DefaultValue("true") boolean ocr) {
    }

    /**
     * @param autoRouteThreshold a complaint goes straight to its top department when the routing confidence is at
     *                           least this (0..1); below, it waits in the routing queue (분류 담당)
     * @param departments        department suggestions kept per complaint
     * @param similar            similar recent complaints shown per complaint
     * @param summaryChars       longest one-line summary in queue views
     * @param duplicates         the near-duplicate index
     * @param routing            department routing: training uploads and retraining
     */
    public record Triage(@DefaultValue("0.5") double autoRouteThreshold, @DefaultValue("3") int departments,
                         @DefaultValue("5") int similar, @DefaultValue("80") int summaryChars,
                         @DefaultValue Duplicates duplicates, @DefaultValue Routing routing) {
    }

    /**
     * Defaults are the calibrated ones of {@code WinnowingDuplicateIndex.Settings.defaults()} (docs/triage-duplicates.md).
     *
     * @param window             how far back near-duplicates are looked for (memory only; refilled after a restart)
     * @param maxEntries         most complaints kept (about 1.5 KB each); the oldest go first
     * @param duplicateThreshold text similarity (0..1) from which two complaints are near-duplicates
     * @param samePlaceThreshold the same, when both name the same road or lot address or landmark
     */
    public record Duplicates(@DefaultValue("90d") Duration window, @DefaultValue("200000") int maxEntries,
                             @DefaultValue("0.50") double duplicateThreshold,
                             @DefaultValue("0.35") double samePlaceThreshold) {
    }

    /**
     * @param maxTrainingUpload largest body of {@code POST /api/v1/triage/training} (413 above it)
     * @param calibrationFolds  folds whose held-out predictions calibrate a retrained model's confidences and
     *                          measure it; 0 skips them (training is then about 3× faster, confidences uncalibrated)
     */
    public record Routing(@DefaultValue("50MB") DataSize maxTrainingUpload,
                          @DefaultValue("3") int calibrationFolds) {
    }
}
