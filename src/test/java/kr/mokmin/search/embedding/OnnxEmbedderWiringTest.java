package kr.mokmin.search.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import kr.mokmin.MokminProperties;
import kr.mokmin.search.Embedder;
import kr.mokmin.search.SearchConfiguration;
import kr.mokmin.search.SearchIndex;

/**
 * {@code mokmin.search.embedding.provider=onnx} through Spring: application.yml's settings bound to
 * {@link MokminProperties}, the embedder built by {@link SearchConfiguration}, closed with the context.
 */
class OnnxEmbedderWiringTest {

    @TempDir
    Path dir;

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(MokminProperties.class)
    @Import(SearchConfiguration.class)
    static class Wiring {
    }

    private ApplicationContextRunner runner(String... properties) {
        return new ApplicationContextRunner()
                .withInitializer(new ConfigDataApplicationContextInitializer())
                .withUserConfiguration(Wiring.class)
                .withPropertyValues("mokmin.data-dir=" + dir.resolve("data"))
                .withPropertyValues(properties);
    }

    @Test
    void anOnnxModelOnDiskBecomesTheIndexsEmbedder() {
        Path model = TinyOnnxModel.write(dir.resolve("model"));
        Embedder[] seen = new Embedder[1];
        runner("mokmin.search.embedding.provider=onnx", "mokmin.search.embedding.model-path=" + model,
                "mokmin.search.embedding.query-prefix=query: ", "mokmin.search.embedding.max-tokens=64",
                "mokmin.search.embedding.threads=1")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    Embedder embedder = context.getBean(Embedder.class);
                    assertThat(embedder).isInstanceOf(OnnxEmbedder.class);
                    assertThat(embedder.dimension()).isEqualTo(TinyOnnxModel.DIMENSION);
                    // the prefix from the property, with its space, reached the embedder
                    assertThat(embedder.embedQuery("반려견")).containsExactly(embedder.embed("query: 반려견"),
                            org.assertj.core.data.Offset.offset(1e-6f));
                    assertThat(context).hasSingleBean(SearchIndex.class);
                    seen[0] = embedder;
                });
        assertThatThrownBy(() -> seen[0].embed("반려견")).as("closed with the context")
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theDefaultsFromApplicationYmlAreUsable() {
        runner().run(context -> {
            assertThat(context).hasNotFailed();
            MokminProperties.Embedding e = context.getBean(MokminProperties.class).search().embedding();
            assertThat(e.provider()).isEqualTo("none");
            assertThat(e.maxTokens()).isEqualTo(512);
            assertThat(e.pooling()).isEqualTo("mean");
            assertThat(e.normalize()).isTrue();
            assertThat(e.queryPrefix()).isEmpty();
            assertThat(e.threads()).isEqualTo(2);
            assertThat(e.batchSize()).isEqualTo(16);
            // provider none: the bean method returns null, which Spring keeps as a name without an object
            assertThat(context.getBeanProvider(Embedder.class).getIfAvailable()).isNull();
        });
    }

    @Test
    void aMissingModelStopsStartupWithItsPath() {
        Path missing = dir.resolve("models/e5/model.onnx");
        runner("mokmin.search.embedding.provider=onnx", "mokmin.search.embedding.model-path=" + missing)
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("model file not found").hasMessageContaining(missing.toString()));
        runner("mokmin.search.embedding.provider=onnx")
                .run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining("needs model-path"));
        Path model = TinyOnnxModel.write(dir.resolve("model"));
        runner("mokmin.search.embedding.provider=onnx", "mokmin.search.embedding.model-path=" + model,
                "mokmin.search.embedding.pooling=max")
                .run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining("mean or cls"));
    }
}
