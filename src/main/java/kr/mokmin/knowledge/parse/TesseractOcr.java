package kr.mokmin.knowledge.parse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import kr.mokmin.knowledge.parse.DocumentParseException.Reason;

/**
 * OCR through the Tesseract 5 command line ({@code tesseract IMAGE stdout -l kor+chi_tra --psm 4}) in a subprocess: each
 * call has a timeout after which the process is killed, and its output is capped. Korean ({@code kor}) is required;
 * Traditional Chinese ({@code chi_tra}) is added when installed so that Hanja (漢字) in ordinances is read. OpenMP is
 * limited to one thread per process ({@code OMP_THREAD_LIMIT=1}): on a small shared machine that is faster than
 * oversubscribing, and concurrent ingests each get a core.
 *
 * <p>Debian: {@code apt-get install tesseract-ocr tesseract-ocr-kor tesseract-ocr-chi-tra}. Thread-safe.
 */
public final class TesseractOcr implements OcrEngine {

    /** Cap on recognised characters per call; more means something is wrong with the input. */
    public static final int MAX_OUTPUT_CHARS = 4_000_000;
    private static final int MAX_STDERR_BYTES = 8 * 1024;
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(20);

    /**
     * Page segmentation mode 4, "a single column of text of variable sizes": Korean official documents are single
     * column, and table rows stay rows. On a generated A4 scan the automatic mode (3) cut lines short and split
     * words into blocks where mode 4 read every line whole.
     */
    public static final int DEFAULT_PAGE_SEGMENTATION = 4;

    private final String executable;
    private final List<String> wantedLanguages;
    private final int pageSegmentation;
    private volatile Probe probe;

    private record Probe(String unavailable, String languages, String version, List<String> notes) {
    }

    /** {@code tesseract} from the PATH, Korean plus Traditional Chinese (Hanja) when installed. */
    public TesseractOcr() {
        this("tesseract", List.of("kor", "chi_tra"));
    }

    /**
     * @param executable      the tesseract binary (a name on the PATH or an absolute path)
     * @param wantedLanguages traineddata names; the first is required, the others are used when installed
     */
    public TesseractOcr(String executable, List<String> wantedLanguages) {
        this(executable, wantedLanguages, DEFAULT_PAGE_SEGMENTATION);
    }

    /**
     * @param pageSegmentation Tesseract's {@code --psm} (3 automatic, 4 single column, 6 single block …)
     */
    public TesseractOcr(String executable, List<String> wantedLanguages, int pageSegmentation) {
        this.executable = Objects.requireNonNull(executable, "executable");
        if (wantedLanguages.isEmpty()) {
            throw new IllegalArgumentException("at least one language is needed");
        }
        if (pageSegmentation < 0 || pageSegmentation > 13) {
            throw new IllegalArgumentException("--psm must be within 0..13: " + pageSegmentation);
        }
        this.wantedLanguages = List.copyOf(wantedLanguages);
        this.pageSegmentation = pageSegmentation;
    }

    @Override
    public Optional<String> unavailableReason() {
        return Optional.ofNullable(probe().unavailable());
    }

    @Override
    public String describe() {
        Probe p = probe();
        return p.unavailable() != null ? "tesseract (unavailable)" : "tesseract " + p.version() + " " + p.languages();
    }

    @Override
    public List<String> notes() {
        return probe().notes();
    }

    /** The {@code -l} argument in use, e.g. {@code kor+chi_tra}; null when unavailable. */
    public String languages() {
        return probe().languages();
    }

    @Override
    public String recognise(Path image, int dpi, Duration timeout) {
        Probe p = probe();
        if (p.unavailable() != null) {
            throw new DocumentParseException(Reason.OCR_UNAVAILABLE, p.unavailable());
        }
        List<String> command = new ArrayList<>(List.of(executable, image.toAbsolutePath().toString(), "stdout",
                "-l", p.languages(), "--psm", Integer.toString(pageSegmentation)));
        if (dpi > 0) {
            command.add("--dpi");
            command.add(Integer.toString(dpi));
        }
        Result result = run(command, timeout, MAX_OUTPUT_CHARS);
        if (result.timedOut()) {
            throw new DocumentParseException(Reason.OCR_TIMEOUT,
                    "tesseract did not finish within " + timeout.toSeconds() + " s");
        }
        if (result.overflow()) {
            throw new DocumentParseException(Reason.OCR_FAILED,
                    "tesseract printed more than " + MAX_OUTPUT_CHARS + " characters");
        }
        if (result.exitCode() != 0) {
            throw new DocumentParseException(Reason.OCR_FAILED,
                    "tesseract exited with " + result.exitCode() + ": " + result.stderr().strip());
        }
        return result.stdout();
    }

    private Probe probe() {
        Probe p = probe;
        if (p == null) {
            synchronized (this) {
                p = probe;
                if (p == null) {
                    p = doProbe();
                    probe = p;
                }
            }
        }
        return p;
    }

    private Probe doProbe() {
        Result langs;
        Result version;
        try {
            langs = run(List.of(executable, "--list-langs"), PROBE_TIMEOUT, 100_000);
            version = run(List.of(executable, "--version"), PROBE_TIMEOUT, 100_000);
        } catch (DocumentParseException e) {
            return new Probe("tesseract is not installed or cannot run (" + e.detail()
                    + "); Debian: apt-get install tesseract-ocr tesseract-ocr-kor tesseract-ocr-chi-tra", null, null,
                    List.of());
        }
        if (langs.timedOut() || langs.exitCode() != 0) {
            return new Probe("tesseract --list-langs failed: " + langs.stderr().strip(), null, null, List.of());
        }
        Set<String> installed = new LinkedHashSet<>();
        // Tesseract prints the list on stdout (5.x) or stderr (older versions).
        for (String line : (langs.stdout() + "\n" + langs.stderr()).split("\\R")) {
            String l = line.strip();
            if (!l.isEmpty() && !l.contains(" ") && !l.contains(":")) {
                installed.add(l);
            }
        }
        String required = wantedLanguages.get(0);
        if (!installed.contains(required)) {
            return new Probe("tesseract has no '" + required + "' traineddata (installed: " + installed
                    + "); Debian: apt-get install tesseract-ocr-" + required.replace('_', '-'), null, null, List.of());
        }
        List<String> use = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (String lang : wantedLanguages) {
            if (installed.contains(lang)) {
                use.add(lang);
            } else {
                notes.add("OCR language '" + lang + "' is not installed (apt-get install tesseract-ocr-"
                        + lang.replace('_', '-') + "): its script is read less well");
            }
        }
        String v = firstLine(version.stdout().isBlank() ? version.stderr() : version.stdout())
                .replaceFirst("(?i)^tesseract\\s*v?", "").strip();
        return new Probe(null, String.join("+", use), v, List.copyOf(notes));
    }

    private static String firstLine(String s) {
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }

    private record Result(int exitCode, String stdout, String stderr, boolean timedOut, boolean overflow) {
    }

    private static Result run(List<String> command, Duration timeout, int maxChars) {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("OMP_THREAD_LIMIT", "1");
        pb.redirectInput(ProcessBuilder.Redirect.PIPE);
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new DocumentParseException(Reason.OCR_UNAVAILABLE, e.getMessage(), e);
        }
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // stdin is not used
        }
        CompletableFuture<String[]> out = CompletableFuture.supplyAsync(
                () -> readCapped(process.getInputStream(), maxChars), Thread::startVirtualThread);
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(
                () -> readBytesCapped(process.getErrorStream()), Thread::startVirtualThread);
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            String[] stdout;
            try {
                stdout = out.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                kill(process);
                return new Result(-1, "", "", true, false);
            }
            if (stdout[1] != null) {
                kill(process);
                return new Result(-1, "", "", false, true);
            }
            if (!process.waitFor(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                kill(process);
                return new Result(-1, "", "", true, false);
            }
            byte[] stderr = err.get(5, TimeUnit.SECONDS);
            return new Result(process.exitValue(), stdout[0], new String(stderr, StandardCharsets.UTF_8), false,
                    false);
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new DocumentParseException(Reason.TIMEOUT, "interrupted while waiting for tesseract", e);
        } catch (ExecutionException | TimeoutException e) {
            kill(process);
            throw new DocumentParseException(Reason.OCR_FAILED, "could not read tesseract's output: " + e, e);
        }
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Returns {text, null} or {partial, "overflow"}. */
    private static String[] readCapped(InputStream in, int maxChars) {
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[8192];
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            int n;
            while ((n = reader.read(buf)) > 0) {
                if (sb.length() + n > maxChars) {
                    return new String[] {sb.toString(), "overflow"};
                }
                sb.append(buf, 0, n);
            }
        } catch (IOException e) {
            // the process was killed; what was read is returned
        }
        return new String[] {sb.toString(), null};
    }

    private static byte[] readBytesCapped(InputStream in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        try (in) {
            int n;
            while ((n = in.read(buf)) > 0) {
                if (out.size() < MAX_STDERR_BYTES) {
                    out.write(buf, 0, Math.min(n, MAX_STDERR_BYTES - out.size()));
                }
            }
        } catch (IOException e) {
            // killed
        }
        return out.toByteArray();
    }
}
