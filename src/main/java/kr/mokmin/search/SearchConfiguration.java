package kr.mokmin.search;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import kr.mokmin.MokminProperties;
import kr.mokmin.search.embedding.OnnxEmbedder;
import kr.mokmin.search.embedding.OpenAiEmbedder;
import kr.mokmin.search.lucene.LuceneSearchIndex;
import kr.mokmin.search.opensearch.OpenSearchIndex;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the search port: the embedded Lucene index under {@code <data-dir>/index}, or an OpenSearch cluster when
 * one is configured, and, when configured, an embedder for hybrid search. The index is opened once and closed
 * with the application context.
 */
@Configuration(proxyBeanMethods = false)
public class SearchConfiguration {

    /**
     * No bean when {@code mokmin.search.embedding.provider} is {@code none}: search stays lexical. An ONNX model is
     * loaded and checked here, so a wrong path or model stops startup with a clear message; Spring closes it.
     */
    @Bean
    Embedder embedder(MokminProperties properties) {
        MokminProperties.Embedding e = properties.search().embedding();
        return switch (e.provider().toLowerCase(Locale.ROOT)) {
            case "none", "" -> null;
            case "openai" -> {
                if (e.baseUrl() == null || e.model() == null || e.model().isBlank()) {
                    throw new IllegalStateException("mokmin.search.embedding.provider=openai needs base-url and model");
                }
                yield new OpenAiEmbedder(new OpenAiEmbedder.Settings(e.baseUrl(), e.model(), e.apiKey(),
                        Duration.ofSeconds(5), e.timeout(), e.dimensions(), 32));
            }
            case "onnx" -> {
                if (e.modelPath() == null || e.modelPath().toString().isBlank()) {
                    throw new IllegalStateException("mokmin.search.embedding.provider=onnx needs model-path");
                }
                boolean noTokenizer = e.tokenizerPath() == null || e.tokenizerPath().toString().isBlank();
                yield new OnnxEmbedder(new OnnxEmbedder.Settings(e.modelPath(), noTokenizer ? null : e.tokenizerPath(),
                        e.output(), e.maxTokens(), OnnxEmbedder.Pooling.parse(e.pooling()), e.normalize(),
                        e.queryPrefix(), e.passagePrefix(), e.threads(), e.batchSize()));
            }
            default -> throw new IllegalStateException("unknown mokmin.search.embedding.provider '" + e.provider()
                    + "' (none, openai or onnx)");
        };
    }

    /** OpenSearch when {@code mokmin.search.opensearch.url} is set, else the embedded Lucene index. */
    @Bean(destroyMethod = "close")
    SearchIndex searchIndex(MokminProperties properties, ObjectProvider<Embedder> embedder) {
        MokminProperties.OpenSearch cluster = properties.search().opensearch();
        if (cluster.enabled()) {
            return OpenSearchIndex.connect(OpenSearchIndex.Settings.of(cluster.url(), cluster.username(),
                    cluster.password(), cluster.indexPrefix()), embedder.getIfAvailable());
        }
        Path indexDir = properties.search().indexDir();
        return indexDir != null ? LuceneSearchIndex.open(indexDir, embedder.getIfAvailable())
                : LuceneSearchIndex.inDataDir(properties.dataDir(), embedder.getIfAvailable());
    }
}
