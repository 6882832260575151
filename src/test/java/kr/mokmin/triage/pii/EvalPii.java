package kr.mokmin.triage.pii;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./mokmin eval-pii}: span-level precision and recall of {@link KoreanPiiMasker} on the labelled sample of
 * {@code shared/data/complaints} (labels: {@code src/test/eval/pii-labels.tsv}, offsets only; method in
 * {@code docs/triage-pii.md}).
 *
 * <p>A detected span counts as correct when it has the gold span's type and overlaps it (one detection per gold
 * span, matched in text order); the strict line also asks for the same boundaries, the masked line ignores the
 * type (was the personal information masked at all). The last line is
 * {@code precision=… recall=… f1=… n=<gold spans>} for the overlap rule.
 */
public final class EvalPii {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One labelled span, or a field with none. {@code type} is null for a field without PII. */
    record Gold(String file, String id, String field, int start, int end, PiiType type) {
    }

    /** Counts for one type (or all). */
    static final class Score {
        int tp;
        int fp;
        int fn;

        double precision() {
            return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        void add(Score o) {
            tp += o.tp;
            fp += o.fp;
            fn += o.fn;
        }
    }

    /** How two span lists are compared. */
    enum Rule { OVERLAP, STRICT, MASKED }

    private EvalPii() {
    }

    public static void main(String[] args) throws IOException {
        Path data = Path.of("../shared/data");
        Path labels = Path.of("src/test/eval/pii-labels.tsv");
        boolean show = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[++i]);
                case "--labels" -> labels = Path.of(args[++i]);
                case "--show-errors" -> show = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (options: --data DIR, --labels FILE, --show-errors)");
            }
        }
        List<Gold> gold = readLabels(labels);
        Map<String, List<Gold>> byField = new LinkedHashMap<>();
        for (Gold g : gold) {
            byField.computeIfAbsent(key(g.file(), g.id(), g.field()), k -> new ArrayList<>());
            if (g.type() != null) {
                byField.get(key(g.file(), g.id(), g.field())).add(g);
            }
        }
        Map<String, String> texts = readTexts(data.resolve("complaints"), byField.keySet());
        KoreanPiiMasker masker = new KoreanPiiMasker();
        Map<Rule, Map<PiiType, Score>> scores = new EnumMap<>(Rule.class);
        for (Rule r : Rule.values()) {
            scores.put(r, new EnumMap<>(PiiType.class));
        }
        long chars = 0;
        long nanos = 0;
        for (var e : byField.entrySet()) {
            String text = texts.get(e.getKey());
            if (text == null) {
                throw new IllegalStateException("not in the data: " + e.getKey());
            }
            List<PiiSpan> want = e.getValue().stream()
                    .map(g -> new PiiSpan(g.type(), text.offsetByCodePoints(0, g.start()),
                            text.offsetByCodePoints(0, g.end()), 1))
                    .toList();
            long t0 = System.nanoTime();
            List<PiiSpan> got = masker.detect(text);
            nanos += System.nanoTime() - t0;
            chars += text.length();
            for (Rule r : Rule.values()) {
                score(want, got, r, scores.get(r));
            }
            if (show) {
                showErrors(e.getKey(), text, want, got, System.err);
            }
        }
        PrintStream out = System.out;
        out.printf("eval-pii: %d labelled fields (%d gold spans, %,d chars) from %s, labels %s%n", byField.size(),
                byField.values().stream().mapToInt(List::size).sum(), chars, data, labels);
        out.printf("%-30s %5s %5s %5s %9s %7s %6s%n", "type (overlap rule)", "tp", "fp", "fn", "precision", "recall",
                "f1");
        Map<PiiType, Score> overlap = scores.get(Rule.OVERLAP);
        for (PiiType t : PiiType.values()) {
            Score s = overlap.get(t);
            if (s != null && s.tp + s.fp + s.fn > 0) {
                out.printf("%-30s %5d %5d %5d %9.3f %7.3f %6.3f%n", t + " (" + t.label() + ")", s.tp, s.fp, s.fn,
                        s.precision(), s.recall(), s.f1());
            }
        }
        for (Rule r : List.of(Rule.STRICT, Rule.MASKED)) {
            Score all = total(scores.get(r));
            out.printf("%-30s %5d %5d %5d %9.3f %7.3f %6.3f%n", "all, " + r.name().toLowerCase() + " rule", all.tp,
                    all.fp, all.fn, all.precision(), all.recall(), all.f1());
        }
        out.printf("detection time: %.1f us per field on average (single pass, cold JIT included)%n",
                nanos / 1000.0 / Math.max(1, byField.size()));
        Score all = total(overlap);
        out.printf("precision=%.3f recall=%.3f f1=%.3f n=%d%n", all.precision(), all.recall(), all.f1(),
                all.tp + all.fn);
    }

    static Score total(Map<PiiType, Score> byType) {
        Score all = new Score();
        byType.values().forEach(all::add);
        return all;
    }

    /** Adds the matches of one text to {@code into}: each gold span takes the first unmatched detection it fits. */
    static void score(List<PiiSpan> want, List<PiiSpan> got, Rule rule, Map<PiiType, Score> into) {
        boolean[] used = new boolean[got.size()];
        for (PiiSpan w : want) {
            int match = -1;
            for (int i = 0; i < got.size() && match < 0; i++) {
                if (!used[i] && matches(w, got.get(i), rule)) {
                    match = i;
                }
            }
            Score s = into.computeIfAbsent(w.type(), t -> new Score());
            if (match >= 0) {
                used[match] = true;
                s.tp++;
            } else {
                s.fn++;
            }
        }
        for (int i = 0; i < got.size(); i++) {
            if (!used[i]) {
                into.computeIfAbsent(got.get(i).type(), t -> new Score()).fp++;
            }
        }
    }

    static boolean matches(PiiSpan want, PiiSpan got, Rule rule) {
        boolean overlap = want.start() < got.end() && got.start() < want.end();
        return switch (rule) {
            case OVERLAP -> overlap && want.type() == got.type();
            case STRICT -> want.start() == got.start() && want.end() == got.end() && want.type() == got.type();
            case MASKED -> overlap;
        };
    }

    /** The errors of one text on stderr, with a little context: for the person labelling, never for a file. */
    private static void showErrors(String key, String text, List<PiiSpan> want, List<PiiSpan> got, PrintStream err) {
        for (PiiSpan g : got) {
            if (want.stream().noneMatch(w -> matches(w, g, Rule.OVERLAP))) {
                err.println("FP " + key + " " + g + " " + context(text, g));
            }
        }
        for (PiiSpan w : want) {
            if (got.stream().noneMatch(g -> matches(w, g, Rule.OVERLAP))) {
                err.println("FN " + key + " " + w + " " + context(text, w));
            }
        }
    }

    private static String context(String text, PiiSpan s) {
        return (text.substring(Math.max(0, s.start() - 20), s.start()) + "[[" + text.substring(s.start(), s.end())
                + "]]" + text.substring(s.end(), Math.min(text.length(), s.end() + 12))).replace('\n', '⏎');
    }

    static List<Gold> readLabels(Path labels) throws IOException {
        List<Gold> out = new ArrayList<>();
        for (String line : Files.readAllLines(labels, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("file\t")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length != 6) {
                throw new IllegalArgumentException("want 6 tab-separated fields: " + line);
            }
            PiiType type = f[5].equals("NONE") ? null : PiiType.valueOf(f[5]);
            out.add(new Gold(f[0], f[1], f[2], Integer.parseInt(f[3]), Integer.parseInt(f[4]), type));
        }
        return out;
    }

    private static Map<String, String> readTexts(Path complaints, Set<String> wanted) throws IOException {
        Set<String> files = new java.util.TreeSet<>();
        for (String k : wanted) {
            files.add(k.substring(0, k.indexOf('\u0000')));
        }
        Map<String, String> texts = new HashMap<>();
        for (String file : files) {
            try (Stream<String> lines = Files.lines(complaints.resolve(file), StandardCharsets.UTF_8)) {
                lines.filter(l -> !l.isBlank()).forEach(l -> {
                    JsonNode n = JSON.readTree(l);
                    String id = n.path("id").asString("");
                    for (String field : List.of("title", "content")) {
                        String k = key(file, id, field);
                        if (wanted.contains(k)) {
                            texts.put(k, n.path(field).asString(""));
                        }
                    }
                });
            }
        }
        return texts;
    }

    private static String key(String file, String id, String field) {
        return file + '\u0000' + id + '\u0000' + field;
    }
}
