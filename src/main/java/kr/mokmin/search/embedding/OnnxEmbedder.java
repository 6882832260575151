package kr.mokmin.search.embedding;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import kr.mokmin.search.Embedder;

/**
 * An {@link Embedder} running a sentence-embedding model in process with ONNX Runtime (CPU), tokenized by the
 * model's Hugging Face {@code tokenizer.json}: e.g. an ONNX export of multilingual-e5, bge-m3 or KoSimCSE that the
 * operator put on disk. Nothing is downloaded.
 *
 * <p>The model takes {@code input_ids} and {@code attention_mask} (and {@code token_type_ids} when it declares
 * it), int64 or int32, shaped {@code [batch, tokens]}. Its output is either per token ({@code [batch, tokens, d]},
 * e.g. {@code last_hidden_state}), pooled here by the mean over real tokens or by the first ({@code [CLS]}) token,
 * or already pooled ({@code [batch, d]}, e.g. {@code sentence_embedding}), taken as it is. Vectors are then
 * L2-normalised unless told otherwise.
 *
 * <p>Everything that can be wrong with the files (missing, not a model, unexpected inputs or outputs, more
 * dimensions than the index takes) fails the constructor, which also embeds a probe text once. After that, one
 * instance serves concurrent callers: ONNX Runtime sessions and the tokenizer are thread-safe, and
 * {@link #close()} waits for running calls.
 */
public final class OnnxEmbedder implements Embedder, AutoCloseable {

    /** The embedded Lucene index's HNSW limit ({@code KnnVectorsFormat.DEFAULT_MAX_DIMENSIONS}); bge-m3 has 1024. */
    public static final int MAX_DIMENSION = 1024;

    /** Outputs taken when none is configured, in this order: already pooled first, then per token. */
    static final List<String> KNOWN_OUTPUTS = List.of("sentence_embedding", "last_hidden_state", "token_embeddings");

    private static final String INPUT_IDS = "input_ids";
    private static final String ATTENTION_MASK = "attention_mask";
    private static final String TOKEN_TYPE_IDS = "token_type_ids";
    private static final String PROBE_TEXT = "민원 처리 기간은 며칠인가요?";
    private static final Logger log = LoggerFactory.getLogger(OnnxEmbedder.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static {
        // DJL (the tokenizer library's Java side) otherwise asks the EC2 metadata address (169.254.169.254) whether
        // to send usage telemetry whenever it creates a tokenizer: nothing may call out of the city's network
        System.setProperty("OPT_OUT_TRACKING", "true");
    }

    /** How per-token vectors become one vector. */
    public enum Pooling {
        /** Mean of the token vectors under the attention mask (padding left out): e5, bge-m3 via mean, KoSimCSE-style. */
        MEAN,
        /** The first token's vector ({@code [CLS]} / {@code <s>}): bge models. */
        CLS;

        /** {@code mean} or {@code cls}, any case. */
        public static Pooling parse(String value) {
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException("pooling must be mean or cls, not '" + value + "'");
            }
        }
    }

    /**
     * @param modelPath     the {@code .onnx} file (external weights, {@code model.onnx_data}, next to it)
     * @param tokenizerPath the model's {@code tokenizer.json} (or its folder); {@code null} = {@code tokenizer.json}
     *                      next to the model
     * @param output        the model output to use; {@code null} = the first of {@link #KNOWN_OUTPUTS} the model
     *                      has, or its only output
     * @param maxTokens     longer texts are cut to this many tokens, special tokens included (the model's
     *                      limit: 512 for e5 and KoSimCSE, 8192 for bge-m3, which gets slow far below that)
     * @param pooling       for per-token outputs; ignored when the output is already pooled
     * @param normalize     L2-normalise vectors (the index compares by cosine either way; normalised vectors
     *                      make scores comparable across models)
     * @param queryPrefix   put in front of queries, e.g. {@code "query: "} for e5; {@code null} = none
     * @param passagePrefix put in front of passages, e.g. {@code "passage: "} for e5; {@code null} = none
     * @param threads       ONNX Runtime intra-op threads for one call
     * @param batchSize     texts per model run in {@link #embedAll}
     */
    public record Settings(Path modelPath, Path tokenizerPath, String output, int maxTokens, Pooling pooling,
            boolean normalize, String queryPrefix, String passagePrefix, int threads, int batchSize) {

        public Settings {
            Objects.requireNonNull(modelPath, "modelPath");
            if (tokenizerPath == null) {
                Path parent = modelPath.toAbsolutePath().getParent();
                tokenizerPath = parent == null ? Path.of("tokenizer.json") : parent.resolve("tokenizer.json");
            }
            output = output == null || output.isBlank() ? null : output.strip();
            if (maxTokens < 1) {
                throw new IllegalArgumentException("maxTokens must be positive");
            }
            pooling = pooling == null ? Pooling.MEAN : pooling;
            queryPrefix = queryPrefix == null ? "" : queryPrefix;
            passagePrefix = passagePrefix == null ? "" : passagePrefix;
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be positive");
            }
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be positive");
            }
        }

        /** Defaults: tokenizer.json next to the model, 512 tokens, mean pooling, normalised, no prefixes, 2 threads, 16 a batch. */
        public static Settings of(Path modelPath) {
            return new Settings(modelPath, null, null, 512, Pooling.MEAN, true, "", "", 2, 16);
        }
    }

    /** How the model's inputs and output look, as read from the model at startup. */
    private record Signature(OnnxJavaType idType, boolean tokenTypes, String output, boolean pooled) {
    }

    private final Settings settings;
    private final OrtEnvironment env;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final Signature signature;
    private final long padId;
    private final int dimension;
    private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed;

    /**
     * Loads the tokenizer and the model, checks them and embeds a probe text.
     *
     * @throws EmbeddingException with a message naming the file and what is wrong with it
     */
    public OnnxEmbedder(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        requireFile(settings.modelPath(), "model");
        Path tokenizerFile = Files.isDirectory(settings.tokenizerPath())
                ? settings.tokenizerPath().resolve("tokenizer.json") : settings.tokenizerPath();
        requireFile(tokenizerFile, "tokenizer");
        this.padId = padId(tokenizerFile);
        this.tokenizer = loadTokenizer(tokenizerFile, settings.maxTokens());
        OrtSession s = null;
        try {
            this.env = ortEnvironment();
            s = loadSession(env, settings);
            this.signature = signature(s, settings);
            this.session = s;
            this.dimension = embedBatch(List.of(settings.passagePrefix() + PROBE_TEXT)).getFirst().length;
        } catch (RuntimeException e) {
            closeQuietly(s);
            tokenizer.close();
            throw e;
        }
        if (dimension > MAX_DIMENSION) {
            close();
            throw new EmbeddingException("the ONNX model " + settings.modelPath() + " gives " + dimension
                    + "-dimensional vectors; the search index takes at most " + MAX_DIMENSION, 0, null);
        }
        log.info("ONNX embedder ready: model={}, dimension={}, output={} ({}), max tokens={}, threads={}, batch={}",
                settings.modelPath(), dimension, signature.output(),
                signature.pooled() ? "pooled by the model" : settings.pooling().name().toLowerCase(Locale.ROOT)
                        + " pooling", settings.maxTokens(), settings.threads(), settings.batchSize());
    }

    @Override
    public float[] embed(String text) {
        return embedAll(List.of(text)).getFirst();
    }

    @Override
    public float[] embedQuery(String text) {
        return run(List.of(settings.queryPrefix() + requireText(text))).getFirst();
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<String> prefixed = new ArrayList<>(texts.size());
        for (String text : texts) {
            prefixed.add(settings.passagePrefix() + requireText(text));
        }
        return run(prefixed);
    }

    @Override
    public int dimension() {
        return dimension;
    }

    /** Waits for running calls, then frees the model and the tokenizer; later calls fail. */
    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            closeQuietly(session);
            tokenizer.close();
            log.info("ONNX embedder closed: {}", settings.modelPath());
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    private List<float[]> run(List<String> texts) {
        lifecycle.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("the ONNX embedder is closed");
            }
            return embedBatches(texts);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** Texts of similar length go into the same batch (less padding to compute); answers come back in order. */
    private List<float[]> embedBatches(List<String> texts) {
        if (texts.size() <= settings.batchSize()) {
            return embedBatch(texts);
        }
        Integer[] order = new Integer[texts.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingInt(i -> texts.get(i).length()));
        float[][] out = new float[texts.size()][];
        for (int from = 0; from < order.length; from += settings.batchSize()) {
            int to = Math.min(order.length, from + settings.batchSize());
            List<String> batch = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                batch.add(texts.get(order[i]));
            }
            List<float[]> vectors = embedBatch(batch);
            for (int i = from; i < to; i++) {
                out[order[i]] = vectors.get(i - from);
            }
        }
        return List.of(out);
    }

    /** One model run: tokenize, pad to the longest, run, pool, normalise. */
    private List<float[]> embedBatch(List<String> texts) {
        int batch = texts.size();
        Encoding[] encodings = new Encoding[batch];
        int length = 1;
        for (int i = 0; i < batch; i++) {
            encodings[i] = tokenizer.encode(texts.get(i));
            length = Math.max(length, encodings[i].getIds().length);
        }
        long[] ids = new long[batch * length];
        long[] mask = new long[batch * length];
        long[] types = new long[batch * length];
        Arrays.fill(ids, padId);
        for (int i = 0; i < batch; i++) {
            long[] tokenIds = encodings[i].getIds();
            long[] tokenMask = encodings[i].getAttentionMask();
            long[] tokenTypes = encodings[i].getTypeIds();
            System.arraycopy(tokenIds, 0, ids, i * length, tokenIds.length);
            System.arraycopy(tokenMask, 0, mask, i * length, tokenMask.length);
            System.arraycopy(tokenTypes, 0, types, i * length, tokenTypes.length);
        }
        long[] shape = {batch, length};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put(INPUT_IDS, tensor(ids, shape));
            inputs.put(ATTENTION_MASK, tensor(mask, shape));
            if (signature.tokenTypes()) {
                inputs.put(TOKEN_TYPE_IDS, tensor(types, shape));
            }
            try (OrtSession.Result result = session.run(inputs, Set.of(signature.output()))) {
                OnnxValue value = result.get(signature.output()).orElseThrow();
                if (!(value instanceof OnnxTensor out)) {
                    throw new EmbeddingException("ONNX output " + signature.output() + " is not a tensor", 0, null);
                }
                return vectors(out, mask, batch, length);
            }
        } catch (OrtException e) {
            throw new EmbeddingException("ONNX model " + settings.modelPath().getFileName() + " failed: "
                    + e.getMessage(), 0, e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    private OnnxTensor tensor(long[] values, long[] shape) throws OrtException {
        if (signature.idType() == OnnxJavaType.INT32) {
            int[] ints = new int[values.length];
            for (int i = 0; i < values.length; i++) {
                ints[i] = Math.toIntExact(values[i]);
            }
            return OnnxTensor.createTensor(env, IntBuffer.wrap(ints), shape);
        }
        return OnnxTensor.createTensor(env, LongBuffer.wrap(values), shape);
    }

    private List<float[]> vectors(OnnxTensor out, long[] mask, int batch, int length) {
        long[] shape = out.getInfo().getShape();
        FloatBuffer data = out.getFloatBuffer();
        List<float[]> vectors = new ArrayList<>(batch);
        if (signature.pooled()) {
            if (shape.length != 2 || shape[0] != batch || shape[1] < 1) {
                throw new EmbeddingException("ONNX output " + signature.output() + " has shape "
                        + Arrays.toString(shape) + ", expected [" + batch + ", d]", 0, null);
            }
            int d = (int) shape[1];
            for (int b = 0; b < batch; b++) {
                float[] v = new float[d];
                data.get(b * d, v);
                vectors.add(finish(v));
            }
            return vectors;
        }
        if (shape.length != 3 || shape[0] != batch || shape[1] != length || shape[2] < 1) {
            throw new EmbeddingException("ONNX output " + signature.output() + " has shape " + Arrays.toString(shape)
                    + ", expected [" + batch + ", " + length + ", d]", 0, null);
        }
        int d = (int) shape[2];
        float[] token = new float[d];
        for (int b = 0; b < batch; b++) {
            float[] v = new float[d];
            if (settings.pooling() == Pooling.CLS) {
                data.get(b * length * d, v);
            } else {
                int count = 0;
                for (int t = 0; t < length; t++) {
                    if (mask[b * length + t] == 0) {
                        continue;
                    }
                    data.get((b * length + t) * d, token);
                    for (int j = 0; j < d; j++) {
                        v[j] += token[j];
                    }
                    count++;
                }
                for (int j = 0; j < d; j++) {
                    v[j] /= Math.max(count, 1);
                }
            }
            vectors.add(finish(v));
        }
        return vectors;
    }

    private float[] finish(float[] v) {
        double sum = 0;
        for (float x : v) {
            if (!Float.isFinite(x)) {
                throw new EmbeddingException("ONNX model " + settings.modelPath().getFileName()
                        + " produced a non-finite value", 0, null);
            }
            sum += (double) x * x;
        }
        if (settings.normalize()) {
            // the same floor as sentence-transformers' normalisation: a zero vector stays zero
            double norm = Math.max(Math.sqrt(sum), 1e-12);
            for (int j = 0; j < v.length; j++) {
                v[j] = (float) (v[j] / norm);
            }
        }
        return v;
    }

    // ---------------------------------------------------------------- loading and checking

    private static void requireFile(Path path, String what) {
        if (!Files.isRegularFile(path)) {
            throw new EmbeddingException("ONNX embedding " + what + " file not found: " + path.toAbsolutePath()
                    + (Files.isDirectory(path) ? " is a directory" : ""), 0, null);
        }
        if (!Files.isReadable(path)) {
            throw new EmbeddingException("ONNX embedding " + what + " file not readable: " + path.toAbsolutePath(),
                    0, null);
        }
    }

    private static HuggingFaceTokenizer loadTokenizer(Path file, int maxTokens) {
        Map<String, String> options = Map.of(
                "addSpecialTokens", "true",
                "truncation", "true",
                "maxLength", Integer.toString(maxTokens),
                // the library otherwise caps maxLength at 512 whatever the model can take
                "modelMaxLength", Integer.toString(maxTokens),
                // padding happens here, per batch, with the attention mask
                "padding", "false");
        try {
            return HuggingFaceTokenizer.newInstance(file, options);
        } catch (IOException | RuntimeException | LinkageError e) {
            throw new EmbeddingException("cannot load the tokenizer " + file.toAbsolutePath()
                    + " (a Hugging Face tokenizer.json is expected): " + rootMessage(e), 0, e);
        }
    }

    /**
     * The padding token's id from tokenizer.json: the padding section, else a {@code [PAD]} or {@code <pad>}
     * added token, else 0. Padded positions are masked, so this matters little, but models that derive
     * position ids from the pad id (XLM-RoBERTa: e5, bge-m3) get what they expect.
     */
    private static long padId(Path tokenizerFile) {
        JsonNode root;
        try {
            root = JSON.readTree(tokenizerFile.toFile());
        } catch (JacksonException e) {
            throw new EmbeddingException("cannot load the tokenizer " + tokenizerFile.toAbsolutePath()
                    + ": not JSON (" + rootMessage(e) + ")", 0, e);
        }
        JsonNode padding = root.path("padding").path("pad_id");
        if (padding.isIntegralNumber()) {
            return padding.asLong();
        }
        for (JsonNode token : root.path("added_tokens")) {
            String content = token.path("content").asString("");
            if (("[PAD]".equals(content) || "<pad>".equals(content)) && token.path("id").isIntegralNumber()) {
                return token.path("id").asLong();
            }
        }
        return 0;
    }

    private static OrtEnvironment ortEnvironment() {
        try {
            return OrtEnvironment.getEnvironment();
        } catch (RuntimeException | LinkageError e) {
            throw new EmbeddingException("cannot load ONNX Runtime's native library on " + System.getProperty("os.name")
                    + "/" + System.getProperty("os.arch") + ": " + rootMessage(e), 0, e);
        }
    }

    private static OrtSession loadSession(OrtEnvironment env, Settings settings) {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(settings.threads());
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            // idle worker threads sleep instead of spinning: the server's cores are shared with the web and the index
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            return env.createSession(settings.modelPath().toString(), options);
        } catch (OrtException e) {
            throw new EmbeddingException("cannot load the ONNX model " + settings.modelPath().toAbsolutePath() + ": "
                    + e.getMessage(), 0, e);
        }
    }

    private static Signature signature(OrtSession session, Settings settings) {
        Path model = settings.modelPath().getFileName();
        Map<String, NodeInfo> inputs;
        Map<String, NodeInfo> outputs;
        try {
            inputs = session.getInputInfo();
            outputs = session.getOutputInfo();
        } catch (OrtException e) {
            throw new EmbeddingException("cannot read the inputs and outputs of " + model + ": " + e.getMessage(), 0, e);
        }
        Set<String> expected = Set.of(INPUT_IDS, ATTENTION_MASK, TOKEN_TYPE_IDS);
        if (!inputs.containsKey(INPUT_IDS) || !inputs.containsKey(ATTENTION_MASK)
                || !expected.containsAll(inputs.keySet())) {
            throw new EmbeddingException("the ONNX model " + model + " has inputs " + new TreeSet<>(inputs.keySet())
                    + "; a text embedding model with input_ids and attention_mask (and optionally token_type_ids)"
                    + " is expected", 0, null);
        }
        OnnxJavaType idType = null;
        for (Map.Entry<String, NodeInfo> input : inputs.entrySet()) {
            OnnxJavaType type = input.getValue().getInfo() instanceof TensorInfo t ? t.type : null;
            long[] shape = input.getValue().getInfo() instanceof TensorInfo t ? t.getShape() : new long[0];
            if ((type != OnnxJavaType.INT64 && type != OnnxJavaType.INT32) || shape.length != 2
                    || (idType != null && idType != type)) {
                throw new EmbeddingException("the ONNX model " + model + " input " + input.getKey() + " is "
                        + input.getValue().getInfo() + "; int64 (or int32) [batch, tokens] is expected", 0, null);
            }
            idType = type;
        }
        String output = chooseOutput(outputs.keySet(), settings.output(), model);
        TensorInfo info = outputs.get(output).getInfo() instanceof TensorInfo t ? t : null;
        if (info == null || info.type != OnnxJavaType.FLOAT
                || (info.getShape().length != 2 && info.getShape().length != 3)) {
            throw new EmbeddingException("the ONNX model " + model + " output " + output + " is "
                    + outputs.get(output).getInfo() + "; float32 [batch, tokens, d] or [batch, d] is expected", 0, null);
        }
        boolean pooled = info.getShape().length == 2;
        if (pooled && settings.pooling() != Pooling.MEAN) {
            log.info("ONNX output {} is already pooled: pooling={} does not apply", output, settings.pooling());
        }
        return new Signature(idType, inputs.containsKey(TOKEN_TYPE_IDS), output, pooled);
    }

    private static String chooseOutput(Set<String> outputs, String configured, Path model) {
        if (configured != null) {
            if (!outputs.contains(configured)) {
                throw new EmbeddingException("the ONNX model " + model + " has no output '" + configured + "'; it has "
                        + new TreeSet<>(outputs), 0, null);
            }
            return configured;
        }
        for (String known : KNOWN_OUTPUTS) {
            if (outputs.contains(known)) {
                return known;
            }
        }
        if (outputs.size() == 1) {
            return outputs.iterator().next();
        }
        throw new EmbeddingException("the ONNX model " + model + " has outputs " + new TreeSet<>(outputs)
                + ": name the one to use (mokmin.search.embedding.output)", 0, null);
    }

    private static String requireText(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("cannot embed blank text");
        }
        return text;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root.getMessage() + ")";
    }

    private static void closeQuietly(OrtSession session) {
        if (session == null) {
            return;
        }
        try {
            session.close();
        } catch (OrtException e) {
            log.warn("closing the ONNX session failed: {}", e.toString());
        }
    }
}
