package kr.mokmin.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop intake load: N clients, each sending POST /api/v1/complaints and waiting for the answer before the
 * next, for a warm-up and then a measured period. Prints throughput (201s per second) and latency percentiles
 * from all measured requests, sorted (exact, not bucketed). JDK only, so it also runs as a single source file:
 * {@code java src/test/java/kr/mokmin/bench/IntakeLoadDriver.java --url http://127.0.0.1:8080}. Used by
 * {@code ./mokmin bench-intake}; not a test.
 *
 * <p>Closed loop means a slow server slows the clients down (coordinated omission): the latencies are those of
 * N users who wait for each answer, not of an open arrival rate.
 *
 * <p>Each client keeps one HTTP/1.1 connection open and speaks the protocol itself ({@link Connection}): the JDK
 * HttpClient spent about 1 ms of CPU per request, and on a 2-core machine that CPU is taken from the server
 * being measured. The driver's own CPU use is printed with the results.
 */
public final class IntakeLoadDriver {

    private record Options(String url, int clients, int seconds, int warmup, String token, boolean idempotencyKey,
                           long serverPid) {
    }

    /** CPU time (user + system) a process has used so far, from /proc (Linux), or -1. */
    static long cpuNanos(long pid) {
        if (pid <= 0) {
            return -1;
        }
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14, 15)
            return ticks * 10_000_000L; // USER_HZ is 100 on Linux
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long selfCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }

    /** One client's measured latencies in nanoseconds, growable without boxing. */
    private static final class Samples {
        long[] values = new long[4096];
        int size;

        void add(long v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }
    }

    public static void main(String[] args) throws Exception {
        Options o = parse(args);
        URI uri = URI.create(o.url() + "/api/v1/complaints");
        String run = Long.toString(System.currentTimeMillis(), 36);

        long start = System.nanoTime();
        long measureFrom = start + Duration.ofSeconds(o.warmup()).toNanos();
        long measureTo = measureFrom + Duration.ofSeconds(o.seconds()).toNanos();
        Samples[] samples = new Samples[o.clients()];
        AtomicLong warmupRequests = new AtomicLong();
        Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(o.clients());
        System.out.printf(Locale.ROOT, "intake load: %s, %d clients, %d s warm-up + %d s measured%s%n", o.url(),
                o.clients(), o.warmup(), o.seconds(), o.token() == null ? " (public intake)" : " (bearer token)");

        for (int c = 0; c < o.clients(); c++) {
            int client = c;
            samples[c] = new Samples();
            Thread.ofPlatform().name("client-" + c).start(() -> {
                Connection http = new Connection(uri);
                try {
                    for (long i = 0; ; i++) {
                        long before = System.nanoTime();
                        if (before >= measureTo) {
                            return;
                        }
                        byte[] request = request(uri, o, run + "-" + client + "-" + i);
                        String outcome;
                        try {
                            int status = http.exchange(request);
                            outcome = status == 201 ? null : "HTTP " + status;
                        } catch (IOException e) {
                            outcome = e.getClass().getSimpleName();
                            http.close();
                        }
                        long after = System.nanoTime();
                        if (before < measureFrom) {
                            warmupRequests.incrementAndGet();
                        } else if (after <= measureTo) {
                            if (outcome == null) {
                                samples[client].add(after - before);
                            } else {
                                failures.computeIfAbsent(outcome, k -> new AtomicLong()).incrementAndGet();
                            }
                        }
                    }
                } finally {
                    http.close();
                    done.countDown();
                }
            });
        }
        // CPU used by the server and by this driver during the measured period.
        long[] cpu = new long[4];
        Thread.ofPlatform().daemon().start(() -> {
            try {
                Thread.sleep(Math.max(0, (measureFrom - System.nanoTime()) / 1_000_000));
                cpu[0] = cpuNanos(o.serverPid());
                cpu[1] = selfCpuNanos();
                Thread.sleep(Math.max(0, (measureTo - System.nanoTime()) / 1_000_000));
                cpu[2] = cpuNanos(o.serverPid());
                cpu[3] = selfCpuNanos();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        done.await();
        Thread.sleep(50);

        int total = 0;
        for (Samples s : samples) {
            total += s.size;
        }
        long[] all = new long[total];
        int at = 0;
        for (Samples s : samples) {
            System.arraycopy(s.values, 0, all, at, s.size);
            at += s.size;
        }
        Arrays.sort(all);
        long failed = failures.values().stream().mapToLong(AtomicLong::get).sum();
        double throughput = total / (double) o.seconds();
        System.out.printf(Locale.ROOT, "warm-up requests: %d%n", warmupRequests.get());
        System.out.printf(Locale.ROOT, "measured: %d accepted (201), %d failed %s%n", total, failed,
                failed == 0 ? "" : new TreeMap<>(failures));
        System.out.printf(Locale.ROOT, "throughput: %.1f complaints/s%n", throughput);
        System.out.printf(Locale.ROOT, "latency ms: p50 %.2f  p90 %.2f  p95 %.2f  p99 %.2f  p99.9 %.2f  max %.2f  mean %.2f%n",
                ms(pct(all, 50)), ms(pct(all, 90)), ms(pct(all, 95)), ms(pct(all, 99)), ms(pct(all, 99.9)),
                ms(all.length == 0 ? 0 : all[all.length - 1]), ms(mean(all)));
        if (cpu[0] >= 0 && cpu[2] > 0 && total > 0) {
            double serverCpu = (cpu[2] - cpu[0]) / 1e9;
            double driverCpu = (cpu[3] - cpu[1]) / 1e9;
            System.out.printf(Locale.ROOT, "CPU during the measured period: server %.1f s (%.2f cores, %.2f ms per "
                            + "complaint), driver %.1f s (%.2f cores)%n", serverCpu, serverCpu / o.seconds(),
                    serverCpu * 1000 / total, driverCpu, driverCpu / o.seconds());
        }
        // One line for scripts and BENCHMARKS.md tables.
        System.out.printf(Locale.ROOT, "RESULT clients=%d seconds=%d accepted=%d failed=%d throughput=%.1f "
                        + "p50=%.2f p95=%.2f p99=%.2f max=%.2f%n", o.clients(), o.seconds(), total, failed,
                throughput, ms(pct(all, 50)), ms(pct(all, 95)), ms(pct(all, 99)),
                ms(all.length == 0 ? 0 : all[all.length - 1]));
        System.exit(failed == 0 && total > 0 ? 0 : 1);
    }

    private static byte[] request(URI uri, Options o, String id) {
        byte[] body = """
                {"title":"가로등 고장 신고 %s","body":"시청로 50 앞 가로등이 어젯밤부터 꺼져 있어 보행이 위험합니다. 점검 부탁드립니다.",\
                "contact":{"name":"홍길동","phone":"010-1234-5678","email":"hong@example.kr"},\
                "location":{"address":"경기도 파주시 시청로 50","latitude":37.7599,"longitude":126.78}}""".formatted(id)
                .getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(256)
                .append("POST ").append(uri.getRawPath()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n")
                .append("Content-Type: application/json\r\n")
                .append("Accept: application/json\r\n")
                .append("Content-Length: ").append(body.length).append("\r\n");
        if (o.idempotencyKey()) {
            head.append("Idempotency-Key: bench-").append(id).append("\r\n");
        }
        if (o.token() != null) {
            head.append("Authorization: Bearer ").append(o.token()).append("\r\n");
        }
        byte[] h = head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
        byte[] all = Arrays.copyOf(h, h.length + body.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return all;
    }

    /**
     * One persistent HTTP/1.1 connection: writes a complete request, reads the status line, the headers and the
     * body (Content-Length or chunked) so the connection can be reused. Reconnects when the server closed it.
     */
    static final class Connection implements Closeable {
        private final URI uri;
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        Connection(URI uri) {
            this.uri = uri;
        }

        int exchange(byte[] request) throws IOException {
            if (socket == null) {
                socket = new Socket();
                socket.setTcpNoDelay(true);
                socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
                socket.setSoTimeout(30_000);
                in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
                out = socket.getOutputStream();
            }
            out.write(request);
            out.flush();
            String statusLine = line();
            if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
                throw new IOException("bad status line: " + statusLine);
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    case "connection" -> close = value.equalsIgnoreCase("close");
                    default -> { }
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
                     size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                    skip(size);
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length > 0) {
                skip(length);
            } else if (length < 0) {
                close = true; // body runs to the end of the connection
            }
            if (close) {
                close();
            }
            return status;
        }

        private String line() throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream(64);
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new EOFException("connection closed by the server");
                }
                if (c != '\r') {
                    b.write(c);
                }
            }
            return b.toString(StandardCharsets.ISO_8859_1);
        }

        private void skip(long n) throws IOException {
            for (long left = n; left > 0; ) {
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new EOFException("connection closed in a body");
                    }
                    skipped = 1;
                }
                left -= skipped;
            }
        }

        @Override
        public void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
            socket = null;
        }
    }

    /** The value below which p percent of the sorted samples fall (nearest rank). */
    static long pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
    }

    private static double mean(long[] values) {
        return values.length == 0 ? 0 : Arrays.stream(values).average().orElse(0);
    }

    private static double ms(double nanos) {
        return nanos / 1e6;
    }

    private static Options parse(String[] args) {
        String url = "http://127.0.0.1:8080";
        int clients = 8;
        int seconds = 30;
        int warmup = 10;
        String token = System.getenv("MOKMIN_BENCH_TOKEN");
        boolean key = true;
        long serverPid = 0;
        List<String> a = new ArrayList<>(List.of(args));
        for (int i = 0; i < a.size(); i++) {
            String arg = a.get(i);
            switch (arg) {
                case "--url" -> url = a.get(++i);
                case "--clients" -> clients = Integer.parseInt(a.get(++i));
                case "--seconds" -> seconds = Integer.parseInt(a.get(++i));
                case "--warmup" -> warmup = Integer.parseInt(a.get(++i));
                case "--token" -> token = a.get(++i);
                case "--no-idempotency-key" -> key = false;
                case "--server-pid" -> serverPid = Long.parseLong(a.get(++i));
                default -> {
                    System.err.println("usage: IntakeLoadDriver [--url U] [--clients N] [--seconds S] [--warmup S] "
                            + "[--token T] [--no-idempotency-key] [--server-pid PID]");
                    System.exit(2);
                }
            }
        }
        if (clients < 1 || seconds < 1 || warmup < 0) {
            throw new IllegalArgumentException("--clients and --seconds must be positive, --warmup not negative");
        }
        return new Options(url, clients, seconds, warmup, token == null || token.isBlank() ? null : token, key,
                serverPid);
    }
}
