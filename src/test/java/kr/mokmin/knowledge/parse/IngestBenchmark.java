package kr.mokmin.knowledge.parse;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import kr.mokmin.knowledge.chunk.Chunk;
import kr.mokmin.knowledge.chunk.ChunkSource;
import kr.mokmin.knowledge.chunk.Chunker;
import kr.mokmin.knowledge.demo.DemoCorpus;
import kr.mokmin.knowledge.demo.DemoEntry;
import kr.mokmin.search.Audience;
import kr.mokmin.search.DocumentKind;
import kr.mokmin.search.IndexedChunk;
import kr.mokmin.search.bench.SearchBench;
import kr.mokmin.search.lucene.LuceneSearchIndex;

/**
 * {@code ./mokmin bench-ingest}: the whole ingestion of one document, parse + chunk + index, per format, printed
 * (not asserted). Every file is generated here from the same text, the bundled demo statutes (public domain), about
 * 50 pages of it: PDF with a text layer, DOCX, HWP 5, HWPX, HTML and UTF-8 text; then scanned A4 pages at 300 dpi
 * (PNG, and an image-only PDF) read by Tesseract. Each document is indexed into one Lucene index with
 * {@link LuceneSearchIndex#replaceDocument} (nori + bigram analysis, commit, refresh; no vectors), as a re-ingest
 * of the same document. Single thread, warm JVM: 3 warm-up runs, median of 5 (OCR: 1 warm-up, median of 3 for a
 * page, 1 run for the PDF).
 *
 * <p>Pages: real pages for PDF and scans; 1,800 characters (about one A4 page of Korean) for the rest. MB/s is of
 * the input file. Parse-span to chunk-span mapping (pages, tables) is not done here: every document is chunked
 * as plain text of kind STATUTE.
 */
public final class IngestBenchmark {

    private static final int TARGET_CHARS = 50 * ParseBenchmark.CHARS_PER_PAGE;
    /** Characters per printed line and lines per page: what fits A4 at 11 pt (PDF) or 14 pt at 300 dpi (scan). */
    private static final int PDF_LINE = 42;
    private static final int PDF_LINES = 40;
    private static final int SCAN_LINE = 34;
    private static final int SCAN_LINES = 30;
    private static final Pattern MARKUP = Pattern.compile("^#+\\s*|\\*\\*|\\\\(?=[.)\\-*(])");

    private IngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (!Fixtures.hasKoreanFont()) {
            System.out.println("fonts-nanum is missing (" + Fixtures.NANUM_GOTHIC + "): PDF and OCR need it");
            System.exit(1);
        }
        Path dir = Files.createTempDirectory("mokmin-ingest-bench");
        try {
            run(dir);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Lines of the demo statutes without Markdown markup, about {@code chars} characters in all. */
    static List<String> statuteLines(int chars) {
        List<String> lines = new ArrayList<>();
        int total = 0;
        for (DemoEntry e : DemoCorpus.load().entries().filter(e -> e.document().kind() == DocumentKind.STATUTE)
                .toList()) {
            for (String raw : e.text().split("\n")) {
                String line = MARKUP.matcher(raw.strip()).replaceAll("").strip();
                if (line.isEmpty()) {
                    continue;
                }
                lines.add(line);
                total += line.length() + 1;
                if (total >= chars) {
                    return lines;
                }
            }
        }
        return lines;
    }

    /** Lines cut to at most {@code width} characters (no hyphenation in Korean: cut anywhere, prefer a space). */
    static List<String> wrap(List<String> lines, int width) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            String rest = line;
            while (rest.length() > width) {
                int cut = rest.lastIndexOf(' ', width);
                cut = cut > width / 2 ? cut : width;
                out.add(rest.substring(0, cut).strip());
                rest = rest.substring(cut).strip();
            }
            if (!rest.isEmpty()) {
                out.add(rest);
            }
        }
        return out;
    }

    private static void run(Path dir) throws Exception {
        System.out.printf(Locale.ROOT, "bench-ingest: Java %s, %d cores; %s%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), SearchBench.loadLine());
        List<String> lines = statuteLines(TARGET_CHARS);
        String plain = String.join("\n", lines);
        System.out.printf(Locale.ROOT, "text: %d lines, %d characters of the bundled demo statutes%n", lines.size(),
                plain.length());
        List<Object[]> cases = new ArrayList<>();
        cases.add(new Object[] {"PDF (text layer)", Fixtures.textPdf(dir, "doc.pdf", wrap(lines, PDF_LINE), PDF_LINES)});
        cases.add(new Object[] {"DOCX", Fixtures.docx(dir, "doc.docx", lines)});
        cases.add(new Object[] {"HWP 5", Fixtures.hwp(dir, "doc.hwp", lines)});
        cases.add(new Object[] {"HWPX", Fixtures.hwpx(dir, "doc.hwpx", lines)});
        cases.add(new Object[] {"HTML", Files.writeString(dir.resolve("doc.html"), Fixtures.html(lines))});
        cases.add(new Object[] {"text UTF-8", Files.writeString(dir.resolve("doc.txt"), plain, StandardCharsets.UTF_8)});

        Chunker chunker = new Chunker();
        try (LuceneSearchIndex index = LuceneSearchIndex.open(dir.resolve("index"))) {
            DocumentParsers parsers = DocumentParsers.create(ParseLimits.defaults(), OcrEngine.NONE);
            System.out.printf(Locale.ROOT, "%-30s %8s %7s %6s %6s %8s %8s %8s %8s %8s %7s %8s%n", "format", "KiB",
                    "chars", "pages", "chunks", "parse ms", "chunk ms", "index ms", "total ms", "pages/s", "MB/s",
                    "chunks/s");
            for (Object[] c : cases) {
                measure((String) c[0], List.of((Path) c[1]), parsers, chunker, index, 3, 5);
            }

            List<String> scanLines = wrap(statuteLines(3 * SCAN_LINES * SCAN_LINE), SCAN_LINE);
            List<Path> pngs = new ArrayList<>();
            List<BufferedImage> scans = new ArrayList<>();
            for (int p = 0; p < 3; p++) {
                List<String> page = scanLines.subList(Math.min(scanLines.size(), p * SCAN_LINES),
                        Math.min(scanLines.size(), (p + 1) * SCAN_LINES));
                BufferedImage scan = Fixtures.scan(page);
                scans.add(scan);
                pngs.add(Fixtures.png(dir, "scan" + p + ".png", scan, 300));
            }
            Path imagePdf = Fixtures.imagePdf(dir, "scans.pdf", scans.toArray(BufferedImage[]::new));
            for (List<String> languages : List.of(List.of("kor"), List.of("kor", "chi_tra"))) {
                TesseractOcr tesseract = new TesseractOcr("tesseract", languages);
                if (!tesseract.available()) {
                    System.out.println("OCR " + languages + ": skipped, " + tesseract.unavailableReason().orElse(""));
                    continue;
                }
                DocumentParsers ocr = DocumentParsers.create(ParseLimits.defaults(), tesseract);
                String lang = String.join("+", languages);
                measure("PNG scans, 3 x 1 page, " + lang, pngs, ocr, chunker, index, 1, 3);
                measure("PDF image-only 3 pages, " + lang, List.of(imagePdf), ocr, chunker, index, 0, 1);
            }
        }
        System.out.println("after: " + SearchBench.loadLine());
    }

    /**
     * Parses, chunks and indexes {@code files} as one batch, {@code warmup} times unmeasured and {@code runs} times
     * measured; prints the median run.
     */
    private static void measure(String name, List<Path> files, DocumentParsers parsers, Chunker chunker,
            LuceneSearchIndex index, int warmup, int runs) {
        long[][] nanos = new long[runs][];
        Stats stats = null;
        for (int i = 0; i < warmup + runs; i++) {
            long parse = 0;
            long chunk = 0;
            long write = 0;
            stats = new Stats();
            for (Path file : files) {
                long t0 = System.nanoTime();
                ExtractedDocument doc = parsers.parse(file);
                long t1 = System.nanoTime();
                List<Chunk> chunks = chunker.chunk(ChunkSource.of(doc.text(), DocumentKind.STATUTE));
                List<IndexedChunk> indexed = new ArrayList<>(chunks.size());
                String id = file.getFileName().toString();
                for (Chunk c : chunks) {
                    indexed.add(new IndexedChunk(id + "#" + c.ordinal(), id, 1, doc.title(), c.indexText(),
                            DocumentKind.STATUTE, "국회", null, Audience.PUBLIC, c.locator(), c.page(),
                            c.startOffset(), c.endOffset(), null, null));
                }
                long t2 = System.nanoTime();
                index.replaceDocument(id, indexed);
                long t3 = System.nanoTime();
                parse += t1 - t0;
                chunk += t2 - t1;
                write += t3 - t2;
                stats.add(file, doc, chunks.size());
            }
            if (i >= warmup) {
                nanos[i - warmup] = new long[] {parse + chunk + write, parse, chunk, write};
            }
        }
        Arrays.sort(nanos, Comparator.comparingLong(n -> n[0]));
        long[] median = nanos[runs / 2];
        double seconds = median[0] / 1e9;
        System.out.printf(Locale.ROOT, "%-30s %8.1f %7d %6.1f %6d %8.1f %8.1f %8.1f %8.1f %8.2f %7.2f %8.1f%n", name,
                stats.bytes / 1024.0, stats.chars, stats.pages, stats.chunks, median[1] / 1e6, median[2] / 1e6,
                median[3] / 1e6, median[0] / 1e6, stats.pages / seconds, stats.bytes / 1e6 / seconds,
                stats.chunks / seconds);
    }

    private static final class Stats {
        long bytes;
        long chars;
        double pages;
        int chunks;

        void add(Path file, ExtractedDocument doc, int chunkCount) {
            try {
                bytes += Files.size(file);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            chars += doc.text().length();
            pages += !doc.pages().isEmpty() ? doc.pages().size()
                    : doc.detectedFormat().isImage() ? 1 : doc.text().length() / (double) ParseBenchmark.CHARS_PER_PAGE;
            chunks += chunkCount;
        }
    }
}
