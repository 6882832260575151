package kr.mokmin.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import kr.mokmin.support.MokminProcess;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * "A 201 means committed to disk": the real jar is killed with SIGKILL while a burst of concurrent intake
 * requests runs, restarted on the same data directory, and every acknowledged complaint must still be there,
 * with receipt numbers unique and gap-free. Repeated for a few rounds; then requests that were cut off are
 * retried with their Idempotency-Key and must each yield exactly one complaint.
 */
class CrashRecoveryIT {

    private static final String TOKEN = "crash-it-admin-token-0123456789";
    private static final int CLIENTS = 8;
    private static final int ROUNDS = Integer.getInteger("mokmin.crash.rounds", 2);
    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(180);
    private static final Pattern RECEIPT = Pattern.compile("(\\d{4})-(\\d{6})");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Path work;
    private Path dataDir;
    private Path log;
    private MokminProcess server;
    private boolean passed;

    /** Idempotency-Key → receipt number, for every 201 received in any round. */
    private final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    /** Idempotency-Keys of requests that got no answer (cut off by the kill or sent after it). */
    private final List<String> unanswered = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        MokminProcess.jar(); // fails, not skips, when the jar is missing
        work = Files.createTempDirectory("mokmin-crash-");
        dataDir = work.resolve("data");
        log = work.resolve("server.log");
    }

    @AfterEach
    void tearDown() throws IOException {
        if (server != null) {
            server.close();
        }
        if (work != null && !passed) {
            System.out.println("CrashRecoveryIT: failed; data and server log kept in " + work);
        } else if (work != null) {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void acknowledgedComplaintsSurviveSigkillAndNumbersStayGapFree() throws Exception {
        long seed = Long.getLong("mokmin.crash.seed", System.nanoTime());
        Random random = new Random(seed);
        System.out.println("CrashRecoveryIT: seed " + seed + ", " + ROUNDS + " rounds, data " + dataDir);

        for (int round = 1; round <= ROUNDS; round++) {
            server = start();
            assertNextNumberContinues(verifyDatabase("before round " + round), "crash-probe-" + round + "-" + seed);
            int killAfter = 25 + random.nextInt(40);
            Burst burst = burst(round, killAfter);
            int exit = server.kill9();
            burst.awaitEnd();
            assertThat(exit).as("exit status after kill -9 (128 + SIGKILL)").isEqualTo(137);
            System.out.printf("CrashRecoveryIT: round %d: killed after %d acknowledged, %d unanswered%n",
                    round, burst.acked.get(), burst.unanswered.size());
            assertThat(burst.failures).as("unexpected answers during the burst").isEmpty();
            assertThat(burst.acked.get()).as("acknowledged in round " + round).isGreaterThanOrEqualTo(killAfter);
            unanswered.addAll(burst.unanswered);
            copyTree(dataDir, work.resolve("after-kill-" + round)); // the files as the crash left them, for diagnosis
        }

        server = start();
        verifyDatabase("after the last kill");

        // Requests cut off by a kill may or may not have committed; a retry with the same key must give
        // exactly one complaint either way: 201 if it had not committed, 200 replayed if it had.
        assertThat(unanswered).as("requests in flight at some kill").isNotEmpty();
        for (String key : unanswered) {
            HttpResponse<String> r = post(server, key);
            assertThat(r.statusCode()).as("retry of " + key + ": " + r.body()).isIn(200, 201);
            if (r.statusCode() == 200) {
                assertThat(r.headers().firstValue("Idempotent-Replayed")).hasValue("true");
            }
            assertThat(total(server, "q=" + URLEncoder.encode(marker(key), StandardCharsets.UTF_8)))
                    .as("complaints filed under " + key).isEqualTo(1);
            acknowledged.put(key, receiptNo(r));
        }
        // A retry of an acknowledged request is a replay of the same complaint.
        var anyAcked = acknowledged.entrySet().iterator().next();
        HttpResponse<String> replay = post(server, anyAcked.getKey());
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(receiptNo(replay)).isEqualTo(anyAcked.getValue());

        assertNextNumberContinues(verifyDatabase("after retries"), "crash-after-" + seed);
        verifyDatabase("at the end");
        passed = true;
    }

    /** A new complaint gets the number after the highest one on file (not a reused or skipped one). */
    private void assertNextNumberContinues(Map<Integer, TreeSet<Integer>> numbers, String key) throws IOException {
        HttpResponse<String> fresh = post(server, key);
        assertThat(fresh.statusCode()).as(fresh.body()).isEqualTo(201);
        Matcher m = RECEIPT.matcher(receiptNo(fresh));
        assertThat(m.matches()).isTrue();
        int year = Integer.parseInt(m.group(1));
        int expected = numbers.containsKey(year) ? numbers.get(year).last() + 1 : 1;
        assertThat(Integer.parseInt(m.group(2))).as("next receipt number after a restart").isEqualTo(expected);
        acknowledged.put(key, receiptNo(fresh));
    }

    private MokminProcess start() {
        // No demo knowledge load: it is CPU-bound background work that would only slow this intake test down.
        return MokminProcess.start(dataDir, log, HEALTH_TIMEOUT, List.of("--logging.level.root=WARN",
                        "--mokmin.knowledge.load-demo=false"),
                "MOKMIN_ADMIN_TOKEN=" + TOKEN);
    }

    /** Concurrent intake from {@link #CLIENTS} clients until the server stops answering. */
    private final class Burst {
        final AtomicInteger acked = new AtomicInteger();
        final List<String> unanswered = java.util.Collections.synchronizedList(new ArrayList<>());
        final List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        final ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);

        void awaitEnd() throws InterruptedException {
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).as("clients stopped after the kill").isTrue();
        }
    }

    private Burst burst(int round, int killAfter) throws InterruptedException {
        Burst burst = new Burst();
        MokminProcess target = server;
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            burst.pool.submit(() -> {
                for (int i = 0; i < 100_000; i++) {
                    String key = "crash-r%d-c%d-%d".formatted(round, client, i);
                    HttpResponse<String> r;
                    try {
                        r = send(request(target, key));
                    } catch (IOException cutOff) {
                        burst.unanswered.add(key);
                        return; // the server is gone
                    }
                    if (r.statusCode() == 201) {
                        acknowledged.put(key, receiptNo(r));
                        burst.acked.incrementAndGet();
                    } else {
                        burst.failures.add(key + ": " + r.statusCode() + " " + r.body());
                        return;
                    }
                }
            });
        }
        // Kill while requests are in flight: after enough acknowledgements, without pausing the clients.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (burst.acked.get() < killAfter && burst.failures.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        return burst;
    }

    /**
     * Everything acknowledged so far is there, receipt numbers are unique, and each year's numbers run from 1
     * with no hole (numbers given to complaints whose 201 never arrived may exist). Returns them per year.
     */
    private Map<Integer, TreeSet<Integer>> verifyDatabase(String when) {
        List<JsonNode> items = new ArrayList<>();
        long total = -1;
        for (int offset = 0; total < 0 || offset < total; offset += 200) {
            JsonNode page = getJson(server, "/api/v1/complaints?limit=200&offset=" + offset);
            total = page.get("total").asLong();
            page.get("items").forEach(items::add);
            if (page.get("items").isEmpty()) {
                break;
            }
        }
        assertThat(items).as(when + ": listed items vs total").hasSize((int) total);

        Map<String, String> titleByReceipt = new HashMap<>();
        Map<Integer, TreeSet<Integer>> numbers = new TreeMap<>();
        for (JsonNode item : items) {
            String receiptNo = item.get("receiptNo").asString();
            assertThat(titleByReceipt.put(receiptNo, item.get("title").asString()))
                    .as(when + ": duplicate receipt number " + receiptNo).isNull();
            Matcher m = RECEIPT.matcher(receiptNo);
            assertThat(m.matches()).as(receiptNo).isTrue();
            numbers.computeIfAbsent(Integer.parseInt(m.group(1)), y -> new TreeSet<>())
                    .add(Integer.parseInt(m.group(2)));
        }
        Map<String, String> lost = new TreeMap<>();
        Map<String, String> receiptToKey = new HashMap<>();
        acknowledged.forEach((key, receiptNo) -> {
            assertThat(receiptToKey.put(receiptNo, key))
                    .as(when + ": receipt number " + receiptNo + " acknowledged twice").isNull();
            String title = titleByReceipt.get(receiptNo);
            if (title == null) {
                lost.put(receiptNo, key);
            } else {
                assertThat(title).as(when + ": " + receiptNo).isEqualTo(title(key));
            }
        });
        List<String> holes = new ArrayList<>();
        numbers.forEach((year, seqs) -> {
            for (int n = 1; n <= seqs.last(); n++) {
                if (!seqs.contains(n)) {
                    String receiptNo = "%d-%06d".formatted(year, n);
                    holes.add(receiptNo + (receiptToKey.containsKey(receiptNo) ? " (acknowledged)" : ""));
                }
            }
        });
        String state = "%s: %d complaints; acknowledged but missing: %s; holes: %s; data dir %s".formatted(
                when, total, lost, holes, dataDir);
        assertThat(lost).as(state).isEmpty();
        assertThat(holes).as(state).isEmpty();
        // Each acknowledged complaint is also readable one by one (a few, to keep the test short).
        acknowledged.values().stream().limit(20).forEach(receiptNo -> {
            JsonNode c = getJson(server, "/api/v1/complaints/" + receiptNo);
            assertThat(c.get("receiptNo").asString()).isEqualTo(receiptNo);
            assertThat(c.get("history").size()).as(receiptNo + " history").isPositive();
        });
        System.out.printf("CrashRecoveryIT: %s: %d complaints, %d acknowledged, all present%n", when, total,
                acknowledged.size());
        return numbers;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }

    private static String marker(String key) {
        return "[" + key + "]";
    }

    private static String title(String key) {
        return "가로등 고장 " + marker(key);
    }

    private HttpRequest request(MokminProcess target, String key) {
        String body = JSON.writeValueAsString(Map.of(
                "title", title(key),
                "body", "시청로 50 앞 가로등이 밤새 꺼져 있습니다. " + marker(key),
                "contact", Map.of("name", "홍길동", "phone", "010-1234-5678", "email", "hong@example.kr"),
                "location", Map.of("address", "경기도 파주시 시청로 50", "latitude", 37.7599, "longitude", 126.7800)));
        return HttpRequest.newBuilder(URI.create(target.url("/api/v1/complaints")))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TOKEN)
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpResponse<String> post(MokminProcess target, String key) throws IOException {
        return send(request(target, key));
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private JsonNode getJson(MokminProcess target, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(target.url(path))).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + TOKEN).GET().build();
        try {
            HttpResponse<String> r = send(request);
            assertThat(r.statusCode()).as("GET " + path + ": " + r.body()).isEqualTo(200);
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new AssertionError("GET " + path + " failed:\n" + target.logTail(), e);
        }
    }

    private long total(MokminProcess target, String query) {
        return getJson(target, "/api/v1/complaints?limit=1&" + query).get("total").asLong();
    }

    private static String receiptNo(HttpResponse<String> r) {
        return JSON.readTree(r.body()).get("receiptNo").asString();
    }
}
