package kr.mokmin.knowledge.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import kr.mokmin.knowledge.parse.DocumentFormat;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./mokmin ingest DIR [--kind K] [--issuer I] [--audience PUBLIC|INTERNAL] [--server URL] [--token T]}:
 * uploads every supported file under DIR to a running Mokmin, one request per file (so a refused file never stops
 * the others), waits for the ingest jobs and prints each file's outcome and a summary.
 *
 * <p>Exit codes: 0 all indexed, 1 some failed, 2 bad arguments, 3 server not reachable or token refused.
 */
public final class IngestCommand {

    static final String USAGE = "usage: ./mokmin ingest DIR [--kind K] [--issuer I] [--audience PUBLIC|INTERNAL] "
            + "[--server URL] [--token T]   (token also from MOKMIN_TOKEN)";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration POLL = Duration.ofMillis(500);

    private final PrintStream out;
    private final PrintStream err;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    IngestCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv("MOKMIN_TOKEN"), System.out, System.err));
    }

    /** Runs the command; returns the exit code. */
    public static int run(String[] args, String envToken, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args, envToken);
        } catch (IllegalArgumentException e) {
            err.println("mokmin ingest: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try {
            return new IngestCommand(out, err).ingest(options);
        } catch (Unreachable e) {
            err.println("mokmin ingest: " + e.getMessage());
            return 3;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("mokmin ingest: interrupted");
            return 1;
        }
    }

    record Options(Path dir, String kind, String issuer, String audience, URI server, String token) {

        static Options parse(String[] args, String envToken) {
            Path dir = null;
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.startsWith("--")) {
                    String name = a.substring(2);
                    String value;
                    int eq = name.indexOf('=');
                    if (eq >= 0) {
                        value = name.substring(eq + 1);
                        name = name.substring(0, eq);
                    } else if (i + 1 < args.length) {
                        value = args[++i];
                    } else {
                        throw new IllegalArgumentException("--" + name + " needs a value");
                    }
                    if (!List.of("kind", "issuer", "audience", "server", "token").contains(name)) {
                        throw new IllegalArgumentException("unknown option --" + name);
                    }
                    values.put(name, value);
                } else if (dir == null) {
                    dir = Path.of(a);
                } else {
                    throw new IllegalArgumentException("one directory only (got " + dir + " and " + a + ")");
                }
            }
            if (dir == null) {
                throw new IllegalArgumentException("which directory?");
            }
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException("not a directory: " + dir);
            }
            String audience = values.get("audience");
            if (audience != null && !List.of("PUBLIC", "INTERNAL").contains(audience.toUpperCase(Locale.ROOT))) {
                throw new IllegalArgumentException("--audience is PUBLIC or INTERNAL, not " + audience);
            }
            String token = values.getOrDefault("token", envToken);
            if (token == null || token.isBlank()) {
                throw new IllegalArgumentException("an API token is needed (--token or MOKMIN_TOKEN) of an ADMIN or "
                        + "DEPT_HEAD account");
            }
            String server = values.getOrDefault("server", "http://localhost:8080");
            URI uri;
            try {
                uri = URI.create(server.endsWith("/") ? server.substring(0, server.length() - 1) : server);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("bad --server " + server);
            }
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("--server must look like http://host:port, not " + server);
            }
            return new Options(dir, values.get("kind"), values.get("issuer"), audience, uri, token);
        }
    }

    /** The server could not be reached, or refused the token: nothing more can be done. */
    static final class Unreachable extends Exception {
        Unreachable(String message) {
            super(message);
        }
    }

    /** One file's fate. */
    private record Outcome(Path file, String status, String documentId, String reason, String message,
                           String jobId) {
    }

    int ingest(Options o) throws Unreachable, InterruptedException {
        List<Path> files = files(o.dir());
        out.printf("mokmin ingest: %d file(s) under %s -> %s%n", files.size(), o.dir(), o.server());
        List<Outcome> outcomes = new ArrayList<>();
        int skipped = 0;
        for (Path f : files) {
            String rel = o.dir().relativize(f).toString();
            if (DocumentFormat.byExtension(f.getFileName().toString()).isEmpty()) {
                out.printf("  SKIPPED  %s (not a supported document type)%n", rel);
                skipped++;
                continue;
            }
            outcomes.add(upload(o, f));
        }
        List<Outcome> finished = new ArrayList<>();
        for (Outcome u : outcomes) {
            finished.add(u.jobId() == null ? u : await(o, u));
        }
        int indexed = 0;
        int failed = 0;
        for (Outcome r : finished) {
            String rel = o.dir().relativize(r.file()).toString();
            if ("INDEXED".equals(r.status())) {
                indexed++;
                out.printf("  INDEXED  %s -> %s%n", rel, r.documentId());
            } else {
                failed++;
                out.printf("  FAILED   %s [%s] %s%n", rel, r.reason() == null ? r.status() : r.reason(),
                        r.message() == null ? "" : r.message());
            }
        }
        out.printf("mokmin ingest: %d indexed, %d failed, %d skipped%n", indexed, failed, skipped);
        return failed > 0 ? 1 : 0;
    }

    private static List<Path> files(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private Outcome upload(Options o, Path file) throws Unreachable, InterruptedException {
        HttpResponse<String> r;
        try {
            MultipartBody body = new MultipartBody().file("file", file, file.getFileName().toString())
                    .field("kind", o.kind()).field("issuer", o.issuer()).field("audience", o.audience());
            // Expect: 100-continue lets the server refuse (413, 401) before a large body is sent
            HttpRequest request = body.applyTo(HttpRequest.newBuilder(o.server().resolve("/api/v1/documents"))
                    .header("Authorization", "Bearer " + o.token()).expectContinue(true)
                    .timeout(Duration.ofMinutes(10))).build();
            r = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw unreachable(o);
        } catch (IOException e) {
            if (e.getCause() instanceof ConnectException) {
                throw unreachable(o);
            }
            // e.g. the server closed the connection while an oversized body was still being sent
            return new Outcome(file, "FAILED", null, "UPLOAD_FAILED", e.toString(), null);
        }
        if (r.statusCode() == 401) {
            throw new Unreachable("the server refused the token (401): give an ADMIN or DEPT_HEAD API token");
        }
        JsonNode json = parse(r.body());
        if (r.statusCode() != 202 || json == null) {
            String reason = json == null ? "HTTP_" + r.statusCode()
                    : json.hasNonNull("reason") ? json.get("reason").asString()
                    : json.hasNonNull("type") ? json.get("type").asString().replace("/problems/", "").toUpperCase(
                            Locale.ROOT) : "HTTP_" + r.statusCode();
            String detail = json != null && json.hasNonNull("detail") ? json.get("detail").asString() : r.body();
            return new Outcome(file, "FAILED", null, reason, detail, null);
        }
        return new Outcome(file, "PENDING", json.get("documentIds").get(0).asString(), null, null,
                json.get("jobId").asString());
    }

    private Outcome await(Options o, Outcome u) throws Unreachable, InterruptedException {
        while (true) {
            HttpResponse<String> r;
            try {
                r = http.send(HttpRequest.newBuilder(o.server().resolve("/api/v1/jobs/" + u.jobId()))
                        .header("Authorization", "Bearer " + o.token()).timeout(Duration.ofSeconds(30)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new Unreachable("lost the server while waiting for job " + u.jobId() + ": " + e.getMessage());
            }
            JsonNode job = parse(r.body());
            if (r.statusCode() != 200 || job == null) {
                return new Outcome(u.file(), "FAILED", u.documentId(), "JOB_UNKNOWN",
                        "job " + u.jobId() + ": HTTP " + r.statusCode(), u.jobId());
            }
            if ("DONE".equals(job.get("status").asString())) {
                JsonNode item = job.get("items").get(0);
                return new Outcome(u.file(), item.get("status").asString(), u.documentId(),
                        text(item, "reason"), text(item, "message"), u.jobId());
            }
            Thread.sleep(POLL);
        }
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asString() : null;
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Unreachable unreachable(Options o) {
        return new Unreachable("cannot reach Mokmin at " + o.server() + " (is it running? start it with ./mokmin run, "
                + "or give --server URL)");
    }
}
