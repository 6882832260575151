package kr.mokmin.triage.duplicate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import kr.mokmin.triage.facts.ExtractiveSummarizer;
import kr.mokmin.triage.facts.Fact;
import kr.mokmin.triage.facts.FactType;
import kr.mokmin.triage.facts.PlaceKeys;
import kr.mokmin.triage.facts.RuleFactExtractor;
import kr.mokmin.triage.pii.KoreanPiiMasker;
import kr.mokmin.triage.pii.PiiMasker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code eval-duplicates}: measures the duplicate index on the complaint sets under {@code <data>/complaints/}
 * (read only, never copied): recall on simulated re-filings of each kind, how often distinct complaints of the same
 * department or category pass the thresholds, the near-duplicate pairs and groups the index finds in the real
 * sets, and the latency and memory of {@code similar()} at 50k entries. The last line is always
 * {@code recall=… same_topic_fp=… flagged_pairs=… groups=… p99_us=… bytes_per_entry=…}.
 *
 * <pre>
 * EvalDuplicates [--data ../shared/data] [--variants N] [--show N] [--entries N] [--seed S]
 * </pre>
 */
public final class EvalDuplicates {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant NOW = Instant.parse("2026-11-23T00:00:00Z");

    private EvalDuplicates() {
    }

    /** One complaint of the sets, masked as intake would mask it. */
    record Doc(String id, String title, String body, String topic, Set<String> places) {
    }

    enum Refiling {
        GREETINGS, REORDERED, SENTENCE_DROPPED, TYPOS, SPACING, LINE_ADDED, PARTIAL_COPY, COMBINED
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try {
            System.exit(run(args, out));
        } catch (IllegalArgumentException e) {
            System.err.println("eval-duplicates: " + e.getMessage());
            System.err.println("usage: eval-duplicates [--data DIR] [--variants N] [--show N] [--entries N] [--seed S]");
            System.exit(2);
        }
    }

    static int run(String[] args, PrintStream out) {
        Path data = Path.of("../shared/data");
        int variants = 2000;
        int show = 0;
        int entries = 50_000;
        long seed = 20261123L;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException(arg + " needs a value");
            }
            switch (arg) {
                case "--data" -> data = Path.of(value);
                case "--variants" -> variants = Integer.parseInt(value);
                case "--show" -> show = Integer.parseInt(value);
                case "--entries" -> entries = Integer.parseInt(value);
                case "--seed" -> seed = Long.parseLong(value);
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        Path dir = data.resolve("complaints");
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + " not found (give --data, the folder that holds complaints/)");
        }
        RuleFactExtractor extractor = new RuleFactExtractor();
        PiiMasker masker = new KoreanPiiMasker();
        long t0 = System.nanoTime();
        List<Doc> docs = read(dir, masker, extractor);
        long t1 = System.nanoTime();
        out.printf(Locale.ROOT, "complaints: %d from %s (masked, facts extracted in %.0f µs each)%n", docs.size(), dir,
                (t1 - t0) / 1e3 / Math.max(1, docs.size()));
        factCounts(docs, extractor, out);

        WinnowingDuplicateIndex.Settings settings = WinnowingDuplicateIndex.Settings.defaults();
        out.printf(Locale.ROOT, "settings: %d-char shingles, windows of %d, duplicate >= %.2f, same place >= %.2f%n",
                settings.shingle(), settings.winnow(), settings.duplicateThreshold(), settings.samePlaceThreshold());

        Random random = new Random(seed);
        double recall = refilings(docs, settings, variants, random, out);
        double sameTopicFp = distinctPairs(docs, settings, random, out);
        int[] real = realPairs(docs, settings, show, out);
        double[] perf = scale(docs, settings, entries, random, out);
        out.printf(Locale.ROOT, "recall=%.3f same_topic_fp=%.4f flagged_pairs=%d groups=%d p99_us=%.0f bytes_per_entry=%.0f%n",
                recall, sameTopicFp, real[0], real[1], perf[0], perf[1]);
        return 0;
    }

    // --- data ---------------------------------------------------------------------------------------------------

    static List<Doc> read(Path dir, PiiMasker masker, RuleFactExtractor extractor) {
        List<Doc> docs = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
                try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                        if (line.isBlank()) {
                            continue;
                        }
                        JsonNode node = JSON.readTree(line);
                        String title = masker.mask(text(node, "title")).text();
                        String body = masker.mask(text(node, "content")).text();
                        String topic = file.getFileName() + ":" + (node.has("department_unit")
                                ? text(node, "department_unit") : text(node, "category"));
                        docs.add(new Doc(text(node, "id"), title, body, topic, placeKeys(extractor, title + "\n" + body)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return docs;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asString();
    }

    static Set<String> placeKeys(RuleFactExtractor extractor, String text) {
        return PlaceKeys.of(extractor.extract(text));
    }

    private static void factCounts(List<Doc> docs, RuleFactExtractor extractor, PrintStream out) {
        Map<FactType, Integer> counts = new EnumMap<>(FactType.class);
        for (Doc d : docs) {
            for (Fact f : extractor.extract(d.title + "\n" + d.body)) {
                counts.merge(f.type(), 1, Integer::sum);
            }
        }
        out.println("facts found: " + counts.entrySet().stream()
                .map(e -> e.getKey().name().toLowerCase(Locale.ROOT) + "=" + e.getValue())
                .collect(Collectors.joining(" ")));
    }

    private static WinnowingDuplicateIndex index(WinnowingDuplicateIndex.Settings settings) {
        return new WinnowingDuplicateIndex(settings.withWindow(Duration.ofDays(3650)).withMaxEntries(1_000_000),
                new ExtractiveSummarizer(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static RecentComplaint recent(String receiptNo, Doc d) {
        return new RecentComplaint(receiptNo, d.title, d.body, d.places, d.topic, NOW.minusSeconds(60));
    }

    // --- recall on simulated re-filings -------------------------------------------------------------------------

    private static double refilings(List<Doc> docs, WinnowingDuplicateIndex.Settings settings, int variants,
                                    Random random, PrintStream out) {
        WinnowingDuplicateIndex index = index(settings);
        for (int i = 0; i < docs.size(); i++) {
            index.add(recent("d" + i, docs.get(i)));
        }
        Map<Refiling, int[]> byKind = new EnumMap<>(Refiling.class);
        List<Double> sims = new ArrayList<>();
        Refiling[] kinds = Refiling.values();
        for (int v = 0; v < variants; v++) {
            int i = random.nextInt(docs.size());
            Doc original = docs.get(i);
            Refiling kind = kinds[v % kinds.length];
            String[] variant = refile(original, kind, random);
            List<SimilarComplaint> found = index.similar(variant[0], variant[1], original.places, 10);
            boolean hit = false;
            for (SimilarComplaint s : found) {
                if (s.receiptNo().equals("d" + i)) {
                    hit = s.duplicate();
                    sims.add(s.similarity());
                }
            }
            int[] c = byKind.computeIfAbsent(kind, k -> new int[2]);
            c[0] += hit ? 1 : 0;
            c[1]++;
        }
        int hits = 0;
        int total = 0;
        StringBuilder line = new StringBuilder("re-filing recall by kind:");
        for (Map.Entry<Refiling, int[]> e : byKind.entrySet()) {
            hits += e.getValue()[0];
            total += e.getValue()[1];
            line.append(String.format(Locale.ROOT, " %s=%.3f", e.getKey().name().toLowerCase(Locale.ROOT),
                    (double) e.getValue()[0] / e.getValue()[1]));
        }
        out.println(line);
        Collections.sort(sims);
        out.printf(Locale.ROOT, "re-filing similarity: p05=%.2f p25=%.2f median=%.2f (n=%d found)%n",
                pct(sims, 0.05), pct(sims, 0.25), pct(sims, 0.5), sims.size());
        double recall = (double) hits / Math.max(1, total);
        out.printf(Locale.ROOT, "re-filing recall: %.3f (%d of %d)%n", recall, hits, total);
        return recall;
    }

    /** A re-filing of the complaint, as citizens make them: [title, body]. */
    static String[] refile(Doc d, Refiling kind, Random random) {
        String title = d.title;
        String body = d.body;
        switch (kind) {
            case GREETINGS -> body = "안녕하세요. 수고 많으십니다.\n" + stripGreeting(body) + "\n빠른 처리 부탁드립니다. 감사합니다.";
            case REORDERED -> {
                List<String> sentences = new ArrayList<>(Arrays.asList(body.split("(?<=[.!?])\\s+|\\n+")));
                Collections.shuffle(sentences, random);
                body = String.join(" ", sentences);
            }
            case SENTENCE_DROPPED -> {
                List<String> sentences = new ArrayList<>(Arrays.asList(body.split("(?<=[.!?])\\s+|\\n+")));
                int drop = Math.max(1, sentences.size() / 4);
                for (int i = 0; i < drop && sentences.size() > 1; i++) {
                    sentences.remove(random.nextInt(sentences.size()));
                }
                body = String.join("\n", sentences);
            }
            case TYPOS -> body = typos(body, 0.03, random);
            case SPACING -> body = respace(body, random);
            case LINE_ADDED -> body = body + "\n지난번에도 같은 내용으로 민원을 넣었는데 아직도 해결이 안 되어 다시 올립니다. 조속히 처리해 주세요.";
            case PARTIAL_COPY -> {
                int half = body.length() / 2;
                int start = body.length() > 40 ? random.nextInt(body.length() - half + 1) : 0;
                body = body.substring(start, Math.min(body.length(), start + Math.max(half, 40)));
                title = "";
            }
            case COMBINED -> {
                title = "[재민원] " + title;
                body = "안녕하세요.\n" + typos(respace(body, random), 0.02, random)
                        + "\n벌써 몇 번째 민원인지 모르겠습니다.";
            }
        }
        return new String[] {title, body};
    }

    private static String stripGreeting(String body) {
        return body.replaceFirst("^\\s*(안녕하세요|안녕하십니까)[.!~\\s]*", "");
    }

    private static String typos(String s, double rate, Random random) {
        StringBuilder b = new StringBuilder(s);
        for (int i = 0; i < b.length(); i++) {
            char c = b.charAt(i);
            if (c >= '가' && c <= '힣' && random.nextDouble() < rate) {
                // another final consonant or vowel of the same syllable: the usual mistyped key
                int syllable = c - '가';
                int jong = syllable % 28;
                int newJong = (jong + 1 + random.nextInt(27)) % 28;
                b.setCharAt(i, (char) ('가' + syllable - jong + newJong));
            }
        }
        return b.toString();
    }

    private static String respace(String s, Random random) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' && random.nextDouble() < 0.5) {
                continue;
            }
            b.append(c);
            if (c >= '가' && c <= '힣' && random.nextDouble() < 0.05) {
                b.append(' ');
            }
        }
        return b.toString();
    }

    // --- distinct complaints ------------------------------------------------------------------------------------

    /** Similarity of random pairs of distinct complaints of one department/category, and of any two. */
    private static double distinctPairs(List<Doc> docs, WinnowingDuplicateIndex.Settings settings, Random random,
                                        PrintStream out) {
        Map<String, List<Integer>> byTopic = new HashMap<>();
        Fingerprints.Sketch[] fps = new Fingerprints.Sketch[docs.size()];
        for (int i = 0; i < docs.size(); i++) {
            byTopic.computeIfAbsent(docs.get(i).topic, t -> new ArrayList<>()).add(i);
            fps[i] = Fingerprints.sketch(docs.get(i).title, docs.get(i).body, settings.shingle(), settings.winnow(),
                    settings.sketch());
        }
        List<List<Integer>> topics = byTopic.values().stream().filter(l -> l.size() >= 2).toList();
        int pairs = 50_000;
        int sameTopicOver = 0;
        int anyOver = 0;
        int samePlaceOver = 0;
        int samePlacePairs = 0;
        List<Double> sims = new ArrayList<>();
        for (int p = 0; p < pairs; p++) {
            List<Integer> topic = topics.get(random.nextInt(topics.size()));
            int a = topic.get(random.nextInt(topic.size()));
            int b = topic.get(random.nextInt(topic.size()));
            if (a == b) {
                p--;
                continue;
            }
            double s = Fingerprints.similarity(fps[a], fps[b]);
            sims.add(s);
            if (s >= settings.duplicateThreshold()) {
                sameTopicOver++;
            }
            int x = random.nextInt(docs.size());
            int y = random.nextInt(docs.size());
            if (x != y && Fingerprints.similarity(fps[x], fps[y]) >= settings.duplicateThreshold()) {
                anyOver++;
            }
        }
        Collections.sort(sims);
        double fp = (double) sameTopicOver / pairs;
        out.printf(Locale.ROOT, "distinct same-topic pairs: similarity p50=%.3f p99=%.3f p99.9=%.3f max=%.3f;"
                        + " at or over the threshold %.4f (%d of %d); random pairs over it: %.4f%n",
                pct(sims, 0.5), pct(sims, 0.99), pct(sims, 0.999), sims.getLast(), fp, sameTopicOver, pairs,
                (double) anyOver / pairs);
        for (double t : new double[] {0.25, 0.30, 0.35, 0.40, 0.45, 0.50, 0.60}) {
            long over = sims.stream().filter(s -> s >= t).count();
            out.printf(Locale.ROOT, "  same-topic pairs >= %.2f: %.4f%n", t, (double) over / pairs);
        }
        return fp;
    }

    // --- the real sets ------------------------------------------------------------------------------------------

    /** Near-duplicate pairs and groups among the real complaints (each set was de-duplicated on 300 chars only). */
    private static int[] realPairs(List<Doc> docs, WinnowingDuplicateIndex.Settings settings, int show,
                                   PrintStream out) {
        WinnowingDuplicateIndex index = index(settings);
        for (int i = 0; i < docs.size(); i++) {
            index.add(recent("d" + i, docs.get(i)));
        }
        Set<String> pairs = new HashSet<>();
        int samePlace = 0;
        int sameTopic = 0;
        List<String[]> shown = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            Doc d = docs.get(i);
            for (SimilarComplaint s : index.similar(d.title, d.body, d.places, 10)) {
                int j = Integer.parseInt(s.receiptNo().substring(1));
                if (j == i || !s.duplicate()) {
                    continue;
                }
                String key = Math.min(i, j) + "-" + Math.max(i, j);
                if (pairs.add(key)) {
                    samePlace += s.samePlace() ? 1 : 0;
                    sameTopic += d.topic.equals(docs.get(j).topic) ? 1 : 0;
                    shown.add(new String[] {String.format(Locale.ROOT, "%.2f%s", s.similarity(),
                            s.samePlace() ? " same place" : ""), d.id + " " + oneLine(d.title + " | " + d.body),
                        docs.get(j).id + " " + oneLine(docs.get(j).title + " | " + docs.get(j).body)});
                }
            }
        }
        List<DuplicateIndex.ComplaintGroup> groups = index.groups();
        int grouped = groups.stream().mapToInt(g -> g.receiptNos().size()).sum();
        out.printf(Locale.ROOT, "real near-duplicate pairs flagged: %d (%d same topic, %d by the same-place rule)%n",
                pairs.size(), sameTopic, samePlace);
        out.printf(Locale.ROOT, "groups: %d with %d complaints; sizes of the largest: %s%n", groups.size(), grouped,
                groups.stream().limit(10).map(g -> String.valueOf(g.receiptNos().size()))
                        .collect(Collectors.joining(", ")));
        if (show > 0) {
            Collections.shuffle(shown, new Random(7));
            for (String[] s : shown.subList(0, Math.min(show, shown.size()))) {
                out.println("  pair " + s[0]);
                out.println("    A " + s[1]);
                out.println("    B " + s[2]);
            }
            for (DuplicateIndex.ComplaintGroup g : groups.subList(0, Math.min(5, groups.size()))) {
                out.println("  group of " + g.receiptNos().size() + ": " + g.label());
            }
        }
        return new int[] {pairs.size(), groups.size()};
    }

    private static String oneLine(String s) {
        String line = s.replaceAll("\\s+", " ").strip();
        return line.length() > 110 ? line.substring(0, 110) + "…" : line;
    }

    // --- latency and memory at scale ----------------------------------------------------------------------------

    /** Fills an index to {@code entries} with re-filings of the sets, then times similar(); [p99 µs, bytes/entry]. */
    private static double[] scale(List<Doc> docs, WinnowingDuplicateIndex.Settings settings, int entries,
                                  Random random, PrintStream out) {
        Refiling[] kinds = Refiling.values();
        List<String[]> texts = new ArrayList<>(entries);
        List<Set<String>> places = new ArrayList<>(entries);
        for (int i = 0; i < entries; i++) {
            Doc d = docs.get(i % docs.size());
            // copies beyond the first are edited (typos, spacing, …) so that they are not all identical
            texts.add(i < docs.size() ? new String[] {d.title, d.body} : refile(d, kinds[random.nextInt(kinds.length)],
                    random));
            places.add(d.places);
        }
        WinnowingDuplicateIndex index = index(settings);
        long t0 = System.nanoTime();
        for (int i = 0; i < entries; i++) {
            index.add(new RecentComplaint("s" + i, texts.get(i)[0], texts.get(i)[1], places.get(i), "x",
                    NOW.minusSeconds(entries - i)));
        }
        long t1 = System.nanoTime();
        double bytesPerEntry = (double) index.estimatedBytes() / index.size();
        int queries = 5_000;
        long[] nanos = new long[queries];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int q = -2_000; q < queries; q++) { // the first 2,000 warm the JIT up
            Doc d = docs.get(random.nextInt(docs.size()));
            String[] query = refile(d, kinds[random.nextInt(kinds.length)], random);
            // CPU time of this thread: on a shared machine wall time measures the neighbours, not the query
            long s = threads.getCurrentThreadCpuTime();
            index.similar(query[0], query[1], d.places, 10);
            if (q >= 0) {
                nanos[q] = threads.getCurrentThreadCpuTime() - s;
            }
        }
        Arrays.sort(nanos);
        double p50 = nanos[queries / 2] / 1e3;
        double p99 = nanos[(int) (queries * 0.99)] / 1e3;
        out.printf(Locale.ROOT, "scale: %d entries added in %.1f s (%.0f µs each, with their duplicate links);"
                        + " similar() p50=%.0f µs p99=%.0f µs (CPU time of the calling thread);"
                        + " about %.0f bytes per entry (%.1f MB, of which the posting arrays %.1f MB)%n",
                index.size(), (t1 - t0) / 1e9, (t1 - t0) / 1e3 / entries, p50, p99, bytesPerEntry,
                index.estimatedBytes() / 1e6, index.postingBytes() / 1e6);
        return new double[] {p99, bytesPerEntry};
    }

    private static double pct(List<Double> sorted, double q) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) (q * sorted.size())));
    }
}
