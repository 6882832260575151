package kr.mokmin.search.opensearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.opensearch.Version;
import org.opensearch.analysis.common.CommonAnalysisModulePlugin;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.http.HttpServerTransport;
import org.opensearch.node.Node;
import org.opensearch.plugin.analysis.nori.AnalysisNoriPlugin;
import org.opensearch.plugins.Plugin;
import org.opensearch.plugins.PluginInfo;
import org.opensearch.transport.Netty4ModulePlugin;

/**
 * A real single-node OpenSearch (the server jar, the analysis-common module, the analysis-nori plugin and the
 * netty4 HTTP transport) running
 * inside the test JVM, data in a temporary directory, HTTP on a free loopback port. Started once per JVM on first
 * use and stopped when the JVM exits: a node takes seconds to start, and every test gets its own index prefix.
 */
public final class EmbeddedOpenSearch {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static EmbeddedOpenSearch shared;

    private final Path home;
    private final Node node;
    private final URI url;

    private EmbeddedOpenSearch() throws Exception {
        home = Files.createTempDirectory("mokmin-opensearch-");
        Files.createDirectories(home.resolve("config"));
        Files.createDirectories(home.resolve("plugins"));
        Files.createDirectories(home.resolve("modules"));
        Settings settings = Settings.builder()
                .put("path.home", home.toString())
                .put("path.data", home.resolve("data").toString())
                .put("path.logs", home.resolve("logs").toString())
                .put("cluster.name", "mokmin-test")
                .put("node.name", "mokmin-test-node")
                .put("discovery.type", "single-node")
                .put("network.host", "127.0.0.1")
                .put("http.port", "0")
                .put("transport.port", "0")
                // two cores shared with the rest of the suite: keep the node's thread pools small
                .put("node.processors", 1)
                // a temp dir on a nearly full disk must not turn every index read-only
                .put("cluster.routing.allocation.disk.threshold_enabled", false)
                .build();
        node = new ClasspathNode(settings, home.resolve("config"), List.of(Netty4ModulePlugin.class, CommonAnalysisModulePlugin.class, AnalysisNoriPlugin.class));
        node.start();
        InetSocketAddress address = node.injector().getInstance(HttpServerTransport.class)
                .boundAddress().publishAddress().address();
        url = URI.create("http://" + address.getHostString() + ":" + address.getPort());
    }

    /** The node of this JVM, started on first call. */
    public static synchronized EmbeddedOpenSearch shared() {
        if (shared == null) {
            try {
                shared = new EmbeddedOpenSearch();
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the in-process OpenSearch node", e);
            }
            EmbeddedOpenSearch started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "opensearch-test-node-stop"));
        }
        return shared;
    }

    /** Where its REST API listens, e.g. {@code http://127.0.0.1:41234}. */
    public URI url() {
        return url;
    }

    /** Deletes an index (tests drop theirs so the node's memory does not grow with the suite). */
    public void deleteIndex(String name) {
        HttpResponse<String> response = request("DELETE", "/" + name, null);
        if (response.statusCode() != 200 && response.statusCode() != 404) {
            throw new IllegalStateException("cannot delete index " + name + ": " + response.body());
        }
    }

    /** A plain REST call, for what tests check behind the adapter's back. */
    public HttpResponse<String> request(String method, String path, String jsonBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url.resolve(path)).header("Content-Type", "application/json")
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(jsonBody));
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void stop() {
        try {
            node.close();
        } catch (IOException e) {
            // the JVM is exiting; nothing to do but leave the temp dir to the OS
        }
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort
        }
    }

    /** A node with plugins given as classes on the classpath instead of installed plugin folders. */
    private static final class ClasspathNode extends Node {
        ClasspathNode(Settings settings, Path config, List<Class<? extends Plugin>> plugins) {
            super(new Environment(settings, config),
                    plugins.stream().map(ClasspathNode::info).toList(), true);
        }

        private static PluginInfo info(Class<? extends Plugin> plugin) {
            return new PluginInfo(plugin.getName(), "classpath plugin", "NA", Version.CURRENT,
                    System.getProperty("java.specification.version"), plugin.getName(), null, List.of(), false);
        }
    }
}
