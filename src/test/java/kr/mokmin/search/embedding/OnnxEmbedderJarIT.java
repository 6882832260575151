package kr.mokmin.search.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kr.mokmin.support.MokminProcess;

/**
 * The ONNX embedder inside the real Boot jar ({@code java -jar target/mokmin.jar}): ONNX Runtime's and the
 * tokenizer's native libraries load from the nested jars, the generated model runs its probe at startup, and a
 * missing model stops startup with its path in the console.
 */
class OnnxEmbedderJarIT {

    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(180);

    @TempDir
    Path work;

    @Test
    void theJarLoadsAnOnnxModelFromDisk() throws Exception {
        Path model = TinyOnnxModel.write(work.resolve("model"));
        Path log = work.resolve("console.log");
        // the tokenizer library unpacks its native part under DJL_CACHE_DIR (default ~/.djl.ai)
        Path nativeCache = work.resolve("djl");
        try (MokminProcess mokmin = MokminProcess.start(work.resolve("data"), log, HEALTH_TIMEOUT,
                List.of("--mokmin.search.embedding.provider=onnx", "--mokmin.search.embedding.model-path=" + model,
                        "--mokmin.search.embedding.threads=1"),
                "DJL_CACHE_DIR=" + nativeCache)) {
            String console = Files.readString(log);
            assertThat(console).contains("ONNX embedder ready: model=" + model).contains("dimension=8");
            assertThat(nativeCache.resolve("tokenizers")).isDirectory();
        }
        // a graceful stop frees the model (also with the bean definitions Spring AOT generated at build time)
        assertThat(Files.readString(log)).contains("ONNX embedder closed: " + model);
    }

    @Test
    void aMissingModelStopsStartupWithItsPath() {
        Path missing = work.resolve("models/multilingual-e5-base/model.onnx");
        assertThatThrownBy(() -> MokminProcess.start(work.resolve("data"), work.resolve("console.log"),
                HEALTH_TIMEOUT, List.of("--mokmin.search.embedding.provider=onnx",
                        "--mokmin.search.embedding.model-path=" + missing)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("exited")
                .hasMessageContaining("ONNX embedding model file not found: " + missing);
    }
}
