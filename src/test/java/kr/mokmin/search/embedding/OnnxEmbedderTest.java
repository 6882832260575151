package kr.mokmin.search.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kr.mokmin.search.embedding.OnnxEmbedder.Pooling;
import kr.mokmin.search.embedding.OnnxEmbedder.Settings;
import kr.mokmin.search.embedding.TinyOnnxModel.Spec;

/**
 * {@link OnnxEmbedder} on real ONNX Runtime and the real Hugging Face tokenizer, with {@link TinyOnnxModel}'s
 * generated model, whose vectors can be worked out by hand.
 */
class OnnxEmbedderTest {

    private static final float EPS = 1e-6f;

    @TempDir
    Path dir;

    private final List<OnnxEmbedder> opened = new ArrayList<>();

    @AfterEach
    void closeAll() {
        opened.forEach(OnnxEmbedder::close);
    }

    private OnnxEmbedder open(Settings settings) {
        OnnxEmbedder embedder = new OnnxEmbedder(settings);
        opened.add(embedder);
        return embedder;
    }

    private Settings settings(Path model) {
        return Settings.of(model);
    }

    private Settings settings(Path model, int maxTokens, Pooling pooling, boolean normalize, String query,
                              String passage, int batchSize) {
        return new Settings(model, null, null, maxTokens, pooling, normalize, query, passage, 1, batchSize);
    }

    /** Mean of the tokens' table rows, L2-normalised: what the model plus mean pooling must give. */
    private static float[] expectedMean(long... ids) {
        float[] sum = new float[TinyOnnxModel.DIMENSION];
        for (long id : ids) {
            float[] v = TinyOnnxModel.vector(id);
            for (int j = 0; j < sum.length; j++) {
                sum[j] += v[j] / ids.length;
            }
        }
        return normalized(sum);
    }

    private static float[] normalized(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float[] out = v.clone();
        for (int j = 0; j < out.length; j++) {
            out[j] = (float) (out[j] / Math.sqrt(norm));
        }
        return out;
    }

    private static long id(String token) {
        return new ArrayList<>(TinyOnnxModel.VECTORS.keySet()).indexOf(token);
    }

    private static void assertSameVector(float[] actual, float[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        assertThat(actual).containsExactly(expected, org.assertj.core.data.Offset.offset(EPS));
    }

    private static double norm(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        return Math.sqrt(sum);
    }

    @Test
    void vectorsHaveTheModelsDimensionAndUnitLength() {
        OnnxEmbedder embedder = open(settings(TinyOnnxModel.write(dir)));
        assertThat(embedder.dimension()).isEqualTo(TinyOnnxModel.DIMENSION);
        float[] v = embedder.embed("노면 파손 보수 요청");
        assertThat(v).hasSize(TinyOnnxModel.DIMENSION);
        assertThat(norm(v)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
        // [CLS] 노면 파손 보수 [UNK] [SEP]: "요청" is not in the vocabulary
        assertSameVector(v, expectedMean(TinyOnnxModel.CLS, id("노면"), id("파손"), id("보수"), TinyOnnxModel.UNK,
                TinyOnnxModel.SEP));
    }

    @Test
    void withoutNormalisationTheMeanIsReturnedAsIs() {
        OnnxEmbedder embedder = open(settings(TinyOnnxModel.write(dir), 512, Pooling.MEAN, false, "", "", 16));
        float[] v = embedder.embed("반려견");
        // mean of [CLS] 반려견 [SEP]
        float[] expected = new float[TinyOnnxModel.DIMENSION];
        expected[2] = 1f / 3;
        expected[4] = (0.2f + 0.3f) / 3;
        assertSameVector(v, expected);
    }

    @Test
    void meanPoolingLeavesPaddingOut() {
        OnnxEmbedder embedder = open(settings(TinyOnnxModel.write(dir)));
        float[] alone = embedder.embed("반려견");
        // in a batch with a much longer text, "반려견" is padded with [PAD], whose vector points far away
        List<float[]> batch = embedder.embedAll(List.of("반려견", "층간소음 소음 시끄러워요 도로 노면 파손 보수 주차 신고"));
        assertSameVector(batch.getFirst(), alone);
        assertSameVector(alone, expectedMean(TinyOnnxModel.CLS, id("반려견"), TinyOnnxModel.SEP));
    }

    @Test
    void clsPoolingTakesTheFirstToken() {
        OnnxEmbedder embedder = open(settings(TinyOnnxModel.write(dir), 512, Pooling.CLS, true, "", "", 16));
        assertSameVector(embedder.embed("반려견 동물등록"), normalized(TinyOnnxModel.vector(TinyOnnxModel.CLS)));
    }

    @Test
    void batchingGivesTheSameVectorsAsOneByOne() {
        List<String> texts = List.of("노면 파손", "층간소음이 심해요 소음", "강아지 반려견 동물등록 신고 방법", "주차",
                "불법 주정차 신고는 앱으로 합니다.", "포트홀", "도로 보수 요청 접수합니다", "시끄러워요");
        OnnxEmbedder batched = open(settings(TinyOnnxModel.write(dir), 512, Pooling.MEAN, true, "", "", 3));
        List<float[]> vectors = batched.embedAll(texts);
        assertThat(vectors).hasSize(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            assertSameVector(vectors.get(i), batched.embed(texts.get(i)));
        }
    }

    @Test
    void longTextsAreCutToMaxTokens() {
        Path model = TinyOnnxModel.write(dir);
        // 4 tokens: [CLS] 반려견 동물등록 [SEP]
        OnnxEmbedder short4 = open(settings(model, 4, Pooling.MEAN, true, "", "", 16));
        float[] cut = short4.embed("반려견 동물등록 소음 소음 소음 소음 주차 주차");
        assertSameVector(cut, short4.embed("반려견 동물등록"));
        assertSameVector(cut, expectedMean(TinyOnnxModel.CLS, id("반려견"), id("동물등록"), TinyOnnxModel.SEP));
        OnnxEmbedder full = open(settings(model));
        assertThat(full.embed("반려견 동물등록 소음 소음 소음 소음 주차 주차")[1]).as("the noise words count when not cut")
                .isGreaterThan(0.3f);
        // a very long text is cut, not refused
        assertThat(short4.embed("소음 ".repeat(20_000))).hasSize(TinyOnnxModel.DIMENSION);
    }

    @Test
    void queryAndPassagePrefixesAreApplied() {
        Path model = TinyOnnxModel.write(dir);
        OnnxEmbedder e5 = open(settings(model, 512, Pooling.MEAN, true, "query: ", "passage: ", 16));
        OnnxEmbedder plain = open(settings(model));
        assertSameVector(e5.embedQuery("반려견"), plain.embed("query: 반려견"));
        assertSameVector(e5.embed("반려견"), plain.embed("passage: 반려견"));
        assertSameVector(e5.embedAll(List.of("반려견")).getFirst(), plain.embed("passage: 반려견"));
        assertThat(e5.embedQuery("반려견")[5]).as("query direction").isPositive();
        assertThat(e5.embed("반려견")[6]).as("passage direction").isPositive();
        // without prefixes a query is embedded like a passage
        assertSameVector(plain.embedQuery("반려견"), plain.embed("반려견"));
    }

    @Test
    void tokenTypeIdsAreFedWhenTheModelDeclaresThem() {
        Path withTypes = TinyOnnxModel.write(dir.resolve("typed"), Spec.standard().withTokenTypes());
        Path without = TinyOnnxModel.write(dir.resolve("plain"));
        // type 0 adds nothing in the typed model; any other type id would move the vector
        assertSameVector(open(settings(withTypes)).embed("주차 신고"), open(settings(without)).embed("주차 신고"));
    }

    @Test
    void int32InputsWork() {
        Path model = TinyOnnxModel.write(dir.resolve("int32"), Spec.standard().withInt32().withTokenTypes());
        assertSameVector(open(settings(model)).embed("소음"),
                expectedMean(TinyOnnxModel.CLS, id("소음"), TinyOnnxModel.SEP));
    }

    @Test
    void anAlreadyPooledOutputIsTakenAsItIs() {
        // the model averages over all positions itself (sentence_embedding [batch, d]) and is preferred over
        // last_hidden_state when both exist
        Path model = TinyOnnxModel.write(dir, Spec.standard().pooledAs("sentence_embedding"));
        OnnxEmbedder embedder = open(settings(model, 512, Pooling.CLS, true, "", "", 16));
        assertSameVector(embedder.embed("강아지"), expectedMean(TinyOnnxModel.CLS, id("강아지"), TinyOnnxModel.SEP));
        assertThat(embedder.dimension()).isEqualTo(TinyOnnxModel.DIMENSION);
    }

    @Test
    void theOutputCanBeChosenAndKnownNamesArePreferred() {
        Path model = TinyOnnxModel.write(dir, Spec.standard().withOutputs("hidden", "last_hidden_state"));
        float[] expected = expectedMean(TinyOnnxModel.CLS, id("주차"), TinyOnnxModel.SEP);
        assertSameVector(open(settings(model)).embed("주차"), expected);
        assertSameVector(open(new Settings(model, null, "hidden", 512, Pooling.MEAN, true, "", "", 1, 4))
                .embed("주차"), expected);
        assertThatThrownBy(() -> open(new Settings(model, null, "dense_vecs", 512, Pooling.MEAN, true, "", "", 1, 4)))
                .isInstanceOf(EmbeddingException.class)
                .hasMessageContaining("no output 'dense_vecs'").hasMessageContaining("[hidden, last_hidden_state]");
    }

    @Test
    void severalUnknownOutputsNeedAChoice() {
        Path model = TinyOnnxModel.write(dir, Spec.standard().withOutputs("a", "b"));
        assertThatThrownBy(() -> open(settings(model))).isInstanceOf(EmbeddingException.class)
                .hasMessageContaining("[a, b]").hasMessageContaining("mokmin.search.embedding.output");
    }

    @Test
    void concurrentCallersGetTheSameVectorsAsOneCaller() throws Exception {
        OnnxEmbedder embedder = open(new Settings(TinyOnnxModel.write(dir), null, null, 512, Pooling.MEAN, true,
                "query: ", "passage: ", 2, 4));
        List<String> texts = List.of("노면 파손", "층간소음 소음", "반려견 동물등록", "불법 주정차 신고", "포트홀 도로",
                "강아지가 시끄러워요", "주차");
        List<float[]> expectedPassages = texts.stream().map(embedder::embed).toList();
        List<float[]> expectedQueries = texts.stream().map(embedder::embedQuery).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int offset = t;
                futures.add(pool.submit(() -> {
                    for (int round = 0; round < 30; round++) {
                        int i = (offset + round) % texts.size();
                        assertSameVector(embedder.embedQuery(texts.get(i)), expectedQueries.get(i));
                        List<float[]> all = embedder.embedAll(texts);
                        for (int j = 0; j < texts.size(); j++) {
                            assertSameVector(all.get(j), expectedPassages.get(j));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aClosedEmbedderRefusesWork() {
        OnnxEmbedder embedder = open(settings(TinyOnnxModel.write(dir)));
        embedder.close();
        embedder.close();
        assertThatThrownBy(() -> embedder.embed("소음")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void blankTextIsRefused() {
        OnnxEmbedder embedder = open(settings(TinyOnnxModel.write(dir)));
        assertThatThrownBy(() -> embedder.embed("  ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> embedder.embedQuery("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void missingFilesAreNamed() {
        Path missing = dir.resolve("nowhere/model.onnx");
        assertThatThrownBy(() -> open(settings(missing))).isInstanceOf(EmbeddingException.class)
                .hasMessageContaining("model file not found").hasMessageContaining(missing.toString());
        Path model = TinyOnnxModel.write(dir.resolve("m"));
        Path noTokenizer = dir.resolve("no-tokenizer.json");
        assertThatThrownBy(() -> open(new Settings(model, noTokenizer, null, 512, Pooling.MEAN, true, "", "", 1, 4)))
                .isInstanceOf(EmbeddingException.class)
                .hasMessageContaining("tokenizer file not found").hasMessageContaining(noTokenizer.toString());
    }

    @Test
    void theTokenizerCanBeGivenAsAFolderOrAFileElsewhere() throws Exception {
        Path model = TinyOnnxModel.write(dir.resolve("m"));
        Path elsewhere = Files.createDirectories(dir.resolve("tok"));
        Files.move(dir.resolve("m/tokenizer.json"), elsewhere.resolve("tokenizer.json"));
        float[] viaFolder = open(new Settings(model, elsewhere, null, 512, Pooling.MEAN, true, "", "", 1, 4))
                .embed("소음");
        float[] viaFile = open(new Settings(model, elsewhere.resolve("tokenizer.json"), null, 512, Pooling.MEAN, true,
                "", "", 1, 4)).embed("소음");
        assertSameVector(viaFolder, viaFile);
        assertSameVector(viaFile, expectedMean(TinyOnnxModel.CLS, id("소음"), TinyOnnxModel.SEP));
    }

    @Test
    void garbledFilesGiveClearErrors() throws Exception {
        Path model = TinyOnnxModel.write(dir.resolve("m"));
        Path garbledModel = dir.resolve("garbled/model.onnx");
        Files.createDirectories(garbledModel.getParent());
        Files.write(garbledModel, "<html>404 Not Found</html>".repeat(10).getBytes());
        Files.copy(dir.resolve("m/tokenizer.json"), dir.resolve("garbled/tokenizer.json"));
        assertThatThrownBy(() -> open(settings(garbledModel))).isInstanceOf(EmbeddingException.class)
                .hasMessageContaining("cannot load the ONNX model").hasMessageContaining(garbledModel.toString());

        // a model cut short, as by an interrupted copy
        Path truncated = dir.resolve("garbled/truncated.onnx");
        byte[] bytes = Files.readAllBytes(model);
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> open(settings(truncated))).isInstanceOf(EmbeddingException.class)
                .hasMessageContaining("cannot load the ONNX model");

        Path notJson = dir.resolve("not-json.json");
        Files.writeString(notJson, "[CLS]\n[SEP]\n반려견\n");
        assertThatThrownBy(() -> open(new Settings(model, notJson, null, 512, Pooling.MEAN, true, "", "", 1, 4)))
                .isInstanceOf(EmbeddingException.class)
                .hasMessageContaining("cannot load the tokenizer").hasMessageContaining("not JSON");

        Path notATokenizer = dir.resolve("config.json");
        Files.writeString(notATokenizer, "{\"architectures\": [\"XLMRobertaModel\"], \"hidden_size\": 1024}");
        assertThatThrownBy(() -> open(new Settings(model, notATokenizer, null, 512, Pooling.MEAN, true, "", "", 1, 4)))
                .isInstanceOf(EmbeddingException.class)
                .hasMessageContaining("cannot load the tokenizer").hasMessageContaining("tokenizer.json");
    }

    @Test
    void aModelWithOtherInputsIsRefusedAtStartup() {
        Path vision = TinyOnnxModel.write(dir.resolve("v"), Spec.standard().withInputs("pixel_values"));
        assertThatThrownBy(() -> open(settings(vision))).isInstanceOf(EmbeddingException.class)
                .hasMessageContaining("[pixel_values]").hasMessageContaining("input_ids and attention_mask");
        Path decoder = TinyOnnxModel.write(dir.resolve("d"),
                Spec.standard().withInputs("input_ids", "attention_mask", "position_ids"));
        assertThatThrownBy(() -> open(settings(decoder))).isInstanceOf(EmbeddingException.class)
                .hasMessageContaining("position_ids");
    }

    @Test
    void moreDimensionsThanTheIndexTakesAreRefusedAtStartup() {
        Path big = TinyOnnxModel.write(dir, Spec.standard().withDimension(OnnxEmbedder.MAX_DIMENSION + 1));
        assertThatThrownBy(() -> open(settings(big))).isInstanceOf(EmbeddingException.class)
                .hasMessageContaining("1025-dimensional").hasMessageContaining("at most 1024");
        Path max = TinyOnnxModel.write(dir.resolve("max"), Spec.standard().withDimension(OnnxEmbedder.MAX_DIMENSION));
        assertThat(open(settings(max)).dimension()).isEqualTo(1024);
    }

    @Test
    void settingsAreChecked() {
        Path model = dir.resolve("model.onnx");
        assertThat(Settings.of(model).tokenizerPath()).isEqualTo(model.toAbsolutePath().resolveSibling("tokenizer.json"));
        assertThatThrownBy(() -> new Settings(model, null, null, 0, Pooling.MEAN, true, "", "", 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Settings(model, null, null, 8, Pooling.MEAN, true, "", "", 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Settings(model, null, null, 8, Pooling.MEAN, true, "", "", 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Pooling.parse(" CLS ")).isEqualTo(Pooling.CLS);
        assertThatThrownBy(() -> Pooling.parse("max")).hasMessageContaining("mean or cls");
    }
}
