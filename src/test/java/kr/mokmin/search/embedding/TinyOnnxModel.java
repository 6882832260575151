package kr.mokmin.search.embedding;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * A real, tiny sentence-embedding model for tests, written here byte by byte: an ONNX graph whose "encoder" is
 * an embedding-table lookup ({@code Gather}), so each token's output vector is its row of {@link #VECTORS}, and
 * a BERT-style WordPiece {@code tokenizer.json} over the same words. ONNX Runtime and the Hugging Face tokenizer
 * load them like any exported model; the expected vectors can be computed by hand.
 *
 * <p>The table is a toy semantic space: one dimension per concept (road damage, noise, dogs, parking), so texts
 * about the same concept are close even when they share no word. {@code [PAD]} points far away from everything,
 * so a pooling that lets padding in changes the vector visibly.
 */
final class TinyOnnxModel {

    static final int DIMENSION = 8;
    static final long PAD = 0;
    static final long UNK = 1;
    static final long CLS = 2;
    static final long SEP = 3;

    /** Vocabulary in id order, with each token's vector. */
    static final Map<String, float[]> VECTORS = vocabulary();

    /** How the generated graph looks; {@link #standard()} is a BERT-like export with a last_hidden_state. */
    record Spec(List<String> inputNames, boolean int32, boolean tokenTypes, boolean pooled, List<String> outputs,
                int dimension) {

        static Spec standard() {
            return new Spec(List.of("input_ids", "attention_mask"), false, false, false, List.of("last_hidden_state"),
                    DIMENSION);
        }

        Spec withTokenTypes() {
            return new Spec(List.of("input_ids", "attention_mask", "token_type_ids"), int32, true, pooled, outputs,
                    dimension);
        }

        Spec withInt32() {
            return new Spec(inputNames, true, tokenTypes, pooled, outputs, dimension);
        }

        /** Mean over all positions inside the model, output {@code sentence_embedding} [batch, d]. */
        Spec pooledAs(String output) {
            return new Spec(inputNames, int32, tokenTypes, true, List.of(output), dimension);
        }

        Spec withOutputs(String... names) {
            return new Spec(inputNames, int32, tokenTypes, pooled, List.of(names), dimension);
        }

        Spec withInputs(String... names) {
            return new Spec(List.of(names), int32, tokenTypes, pooled, outputs, dimension);
        }

        Spec withDimension(int d) {
            return new Spec(inputNames, int32, tokenTypes, pooled, outputs, d);
        }
    }

    private TinyOnnxModel() {
    }

    private static Map<String, float[]> vocabulary() {
        Map<String, float[]> v = new LinkedHashMap<>();
        // specials and the unknown word: a little of the "generic" axis
        v.put("[PAD]", axis(7, 5f));
        v.put("[UNK]", axis(4, 0.1f));
        v.put("[CLS]", axis(4, 0.2f));
        v.put("[SEP]", axis(4, 0.3f));
        for (String w : List.of("움푹", "패였어요", "포트홀", "노면", "파손", "보수", "도로")) {
            v.put(w, axis(0, 1f));
        }
        for (String w : List.of("층간소음", "시끄러워요", "소음")) {
            v.put(w, axis(1, 1f));
        }
        for (String w : List.of("반려견", "강아지", "동물등록")) {
            v.put(w, axis(2, 1f));
        }
        for (String w : List.of("불법", "주정차", "주차", "신고")) {
            v.put(w, axis(3, 1f));
        }
        // e5-style prefixes get their own directions, so a missing or swapped prefix shows
        v.put("query", axis(5, 1f));
        v.put("passage", axis(6, 1f));
        v.put(":", axis(4, 0.5f));
        v.put(".", axis(4, 0.05f));
        return v;
    }

    private static float[] axis(int index, float value) {
        float[] v = new float[DIMENSION];
        v[index] = value;
        return v;
    }

    /** Writes {@code model.onnx} and {@code tokenizer.json} into {@code dir}; returns the model file. */
    static Path write(Path dir, Spec spec) {
        try {
            Files.createDirectories(dir);
            Path model = dir.resolve("model.onnx");
            Files.write(model, model(spec));
            Files.writeString(dir.resolve("tokenizer.json"), tokenizerJson());
            return model;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path dir) {
        return write(dir, Spec.standard());
    }

    /** The vector the model gives one token id (before pooling). */
    static float[] vector(long id) {
        return new ArrayList<>(VECTORS.values()).get((int) id).clone();
    }

    // ---------------------------------------------------------------- tokenizer.json

    static String tokenizerJson() {
        Map<String, Object> vocab = new LinkedHashMap<>();
        int id = 0;
        List<Map<String, Object>> added = new ArrayList<>();
        for (String token : VECTORS.keySet()) {
            if (token.startsWith("[")) {
                added.add(Map.of("id", id, "content", token, "single_word", false, "lstrip", false, "rstrip", false,
                        "normalized", false, "special", true));
            }
            vocab.put(token, id++);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", "1.0");
        json.put("truncation", null);
        json.put("padding", null);
        json.put("added_tokens", added);
        // no lower-casing or accent stripping: BERT's accent stripping would decompose Hangul syllables into jamo
        json.put("normalizer", null);
        json.put("pre_tokenizer", Map.of("type", "BertPreTokenizer"));
        json.put("post_processor", Map.of(
                "type", "TemplateProcessing",
                "single", List.of(special("[CLS]", 0), sequence("A", 0), special("[SEP]", 0)),
                "pair", List.of(special("[CLS]", 0), sequence("A", 0), special("[SEP]", 0), sequence("B", 1),
                        special("[SEP]", 1)),
                "special_tokens", Map.of(
                        "[CLS]", Map.of("id", "[CLS]", "ids", List.of(CLS), "tokens", List.of("[CLS]")),
                        "[SEP]", Map.of("id", "[SEP]", "ids", List.of(SEP), "tokens", List.of("[SEP]")))));
        json.put("decoder", Map.of("type", "WordPiece", "prefix", "##", "cleanup", true));
        json.put("model", Map.of("type", "WordPiece", "unk_token", "[UNK]", "continuing_subword_prefix", "##",
                "max_input_chars_per_word", 100, "vocab", vocab));
        return JsonMapper.builder().build().writeValueAsString(json);
    }

    private static Map<String, Object> special(String id, int typeId) {
        return Map.of("SpecialToken", Map.of("id", id, "type_id", typeId));
    }

    private static Map<String, Object> sequence(String id, int typeId) {
        return Map.of("Sequence", Map.of("id", id, "type_id", typeId));
    }

    // ---------------------------------------------------------------- model.onnx (onnx.proto3, hand-encoded)

    private static final int FLOAT = 1;
    private static final int INT32 = 6;
    private static final int INT64 = 7;

    static byte[] model(Spec spec) {
        int vocab = VECTORS.size();
        Proto graph = new Proto().string(2, "tiny-embedder");
        graph.message(5, floatTensor("embeddings", new long[] {vocab, spec.dimension()}, table(spec.dimension())));
        String ids = spec.inputNames().getFirst();
        String tokens = spec.pooled() || spec.tokenTypes() ? "token_vectors" : spec.outputs().getFirst();
        graph.message(1, node("Gather", List.of("embeddings", ids), tokens));
        if (spec.tokenTypes()) {
            // type 0 adds nothing, type 1 moves the vector: feeding the wrong type ids would show
            float[] types = new float[2 * spec.dimension()];
            types[spec.dimension() + 4] = 3f;
            graph.message(5, floatTensor("type_embeddings", new long[] {2, spec.dimension()}, types));
            graph.message(1, node("Gather", List.of("type_embeddings", "token_type_ids"), "type_vectors"));
            String sum = spec.pooled() ? "summed" : spec.outputs().getFirst();
            graph.message(1, node("Add", List.of(tokens, "type_vectors"), sum));
            tokens = sum;
        }
        if (spec.pooled()) {
            graph.message(1, node("ReduceMean", List.of(tokens), spec.outputs().getFirst())
                    .message(5, new Proto().string(1, "axes").packedLongs(8, 1).varint(20, 7))
                    .message(5, new Proto().string(1, "keepdims").varint(3, 0).varint(20, 2)));
        }
        // further outputs: copies, for models with several outputs
        for (String extra : spec.outputs().subList(1, spec.outputs().size())) {
            graph.message(1, node("Identity", List.of(spec.outputs().getFirst()), extra));
        }
        int idType = spec.int32() ? INT32 : INT64;
        for (String input : spec.inputNames()) {
            graph.message(11, valueInfo(input, idType, "batch", "sequence"));
        }
        for (String output : spec.outputs()) {
            graph.message(12, spec.pooled() ? valueInfo(output, FLOAT, "batch", spec.dimension())
                    : valueInfo(output, FLOAT, "batch", "sequence", spec.dimension()));
        }
        return new Proto()
                .varint(1, 8) // ir_version 8 goes with opset 17
                .string(2, "mokmin-test")
                .message(7, graph)
                .message(8, new Proto().varint(2, 17)) // opset 17: ReduceMean still takes axes as an attribute
                .bytes();
    }

    private static float[] table(int dimension) {
        float[] table = new float[VECTORS.size() * dimension];
        int row = 0;
        for (float[] v : VECTORS.values()) {
            System.arraycopy(v, 0, table, row * dimension, Math.min(v.length, dimension));
            row++;
        }
        return table;
    }

    private static Proto node(String op, List<String> inputs, String output) {
        Proto node = new Proto();
        inputs.forEach(i -> node.string(1, i));
        return node.string(2, output).string(3, op + "_" + output).string(4, op);
    }

    private static Proto floatTensor(String name, long[] dims, float[] values) {
        Proto t = new Proto();
        for (long d : dims) {
            t.varint(1, d);
        }
        ByteBuffer raw = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            raw.putFloat(v);
        }
        return t.varint(2, FLOAT).string(8, name).bytes(9, raw.array());
    }

    /** dims: a String is a symbolic dimension, an Integer a fixed one. */
    private static Proto valueInfo(String name, int elemType, Object... dims) {
        Proto shape = new Proto();
        for (Object d : dims) {
            shape.message(1, d instanceof String param ? new Proto().string(2, param)
                    : new Proto().varint(1, ((Integer) d).longValue()));
        }
        Proto tensorType = new Proto().varint(1, elemType).message(2, shape);
        return new Proto().string(1, name).message(2, new Proto().message(1, tensorType));
    }

    /** The protobuf wire format, as much as ONNX needs: varints, length-delimited fields, packed int64s. */
    static final class Proto {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Proto varint(int field, long value) {
            raw((long) field << 3);
            raw(value);
            return this;
        }

        Proto bytes(int field, byte[] value) {
            raw((long) field << 3 | 2);
            raw(value.length);
            out.writeBytes(value);
            return this;
        }

        Proto string(int field, String value) {
            return bytes(field, value.getBytes(StandardCharsets.UTF_8));
        }

        Proto message(int field, Proto message) {
            return bytes(field, message.bytes());
        }

        Proto packedLongs(int field, long... values) {
            Proto packed = new Proto();
            for (long v : values) {
                packed.raw(v);
            }
            return bytes(field, packed.bytes());
        }

        byte[] bytes() {
            return out.toByteArray();
        }

        private void raw(long value) {
            while ((value & ~0x7FL) != 0) {
                out.write((int) (value & 0x7F) | 0x80);
                value >>>= 7;
            }
            out.write((int) value);
        }
    }
}
