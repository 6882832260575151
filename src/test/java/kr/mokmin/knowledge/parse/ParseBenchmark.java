package kr.mokmin.knowledge.parse;

import java.awt.image.BufferedImage;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Throughput of text extraction per format, printed, not asserted: {@code pages/s} on generated documents of about
 * 50 pages (non-paged formats count 1,800 characters as a page, about one A4 page of Korean text), then OCR on A4
 * scans at 300 dpi (28 lines of 14 pt text). Single thread, warm JVM (3 warm-up runs, median of 5; OCR median of 3,
 * image-only PDF one run).
 *
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) kr.mokmin.knowledge.parse.ParseBenchmark
 * </pre>
 */
public final class ParseBenchmark {

    static final int CHARS_PER_PAGE = 1_800;
    private static final int PAGES = 50;
    private static final int WARMUP = 3;
    private static final int RUNS = 5;

    private ParseBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (!Fixtures.hasKoreanFont()) {
            System.out.println("fonts-nanum is missing (" + Fixtures.NANUM_GOTHIC + "): PDF and OCR need it");
            return;
        }
        Path dir = Files.createTempDirectory("mokmin-parse-bench");
        try {
            run(dir);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(Path dir) throws Exception {
        System.out.printf(Locale.ROOT, "Java %s, %d cores available%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors());
        DocumentParsers parsers = DocumentParsers.create(ParseLimits.defaults(), OcrEngine.NONE);
        List<String> extra = Fixtures.articles(PAGES * 24);
        String plain = String.join("\n", extra);
        List<Object[]> cases = new ArrayList<>();
        cases.add(new Object[] {"PDF (text layer)", Fixtures.longPdf(dir, "long.pdf", PAGES)});
        cases.add(new Object[] {"DOCX", Fixtures.docx(dir, "long.docx", extra)});
        cases.add(new Object[] {"HWP 5", Fixtures.hwp(dir, "long.hwp", extra)});
        cases.add(new Object[] {"HWPX", Fixtures.hwpx(dir, "long.hwpx", extra)});
        cases.add(new Object[] {"HTML", Files.writeString(dir.resolve("long.html"), Fixtures.html(extra))});
        cases.add(new Object[] {"text UTF-8", Files.writeString(dir.resolve("long.txt"), plain)});
        cases.add(new Object[] {"text CP949", Files.write(dir.resolve("long-euckr.txt"),
                plain.getBytes(Charset.forName("x-windows-949")))});
        Path law = Path.of("/work/shared/data/laws/kr/건축법/법률.md");
        if (Files.isReadable(law)) {
            cases.add(new Object[] {"Markdown (건축법 법률)", Files.copy(law, dir.resolve("law.md"))});
        } else {
            cases.add(new Object[] {"Markdown", Files.writeString(dir.resolve("long.md"),
                    "---\n제목: 벤치마크\n---\n# 벤치마크\n\n" + plain)});
        }
        System.out.printf(Locale.ROOT, "%-24s %9s %10s %7s %9s %9s%n", "format", "KiB", "chars", "pages",
                "ms", "pages/s");
        for (Object[] c : cases) {
            measure((String) c[0], (Path) c[1], parsers, RUNS);
        }

        TesseractOcr tesseract = new TesseractOcr();
        if (!tesseract.available()) {
            System.out.println("OCR: skipped, " + tesseract.unavailableReason().orElse(""));
            return;
        }
        DocumentParsers ocr = DocumentParsers.create(ParseLimits.defaults(), tesseract);
        System.out.println("OCR with " + tesseract.describe() + ", --psm " + TesseractOcr.DEFAULT_PAGE_SEGMENTATION
                + ", OMP_THREAD_LIMIT=1:");
        List<String> lines = new ArrayList<>(Fixtures.SCAN_LINES);
        for (String article : Fixtures.articles(12)) {
            lines.add(article.substring(0, 30));
            lines.add(article.substring(30));
        }
        BufferedImage scan = Fixtures.scan(lines);
        Path png = Fixtures.png(dir, "scan.png", scan, 300);
        measure("PNG scan (A4, 300 dpi)", png, ocr, 3);
        Path pdf = Fixtures.imagePdf(dir, "scans.pdf", scan, scan, scan);
        measure("PDF image-only, 3 pages", pdf, ocr, 1);
    }

    private static void measure(String name, Path file, DocumentParsers parsers, int runs) throws Exception {
        ExtractedDocument doc = null;
        for (int i = 0; i < Math.min(WARMUP, runs); i++) {
            doc = parsers.parse(file);
        }
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            doc = parsers.parse(file);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        double ms = nanos[runs / 2] / 1e6;
        double pages = !doc.pages().isEmpty() ? doc.pages().size()
                : doc.detectedFormat().isImage() ? 1 : doc.text().length() / (double) CHARS_PER_PAGE;
        System.out.printf(Locale.ROOT, "%-24s %9.1f %10d %7.1f %9.1f %9.2f%n", name, Files.size(file) / 1024.0,
                doc.text().length(), pages, ms, pages / (ms / 1000.0));
    }
}
