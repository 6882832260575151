package kr.mokmin.triage.route.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import kr.mokmin.triage.route.Calibration;
import kr.mokmin.triage.route.ClassificationMetrics;
import kr.mokmin.triage.route.BaselineFeatures;
import kr.mokmin.triage.route.FeatureExtractor;
import kr.mokmin.triage.route.Featurizer;
import kr.mokmin.triage.route.RouterModel;
import kr.mokmin.triage.route.RouterTrainer;
import kr.mokmin.triage.route.RouterTrainer.Example;
import kr.mokmin.triage.route.SparseVector;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code eval-triage}: trains a fresh department classifier on one JSONL file and measures it on another. Prints
 * top-1, top-3, macro-F1, calibration and the most confused pairs; the last line is always
 * {@code top1=… top3=… macro_f1=… n=N}.
 *
 * <pre>
 * EvalTriage --train train.jsonl --test test.jsonl --label FIELD [--baseline centroid]
 * </pre>
 * Of each line only {@code title}, {@code content} and the label field are read; every other field (such as an
 * official {@code answer} that names the department) is skipped by the parser unread. Test labels never seen in
 * training count as misses.
 */
public final class EvalTriage {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EvalTriage() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try {
            System.exit(run(args, out));
        } catch (IllegalArgumentException e) {
            System.err.println("eval-triage: " + e.getMessage());
            System.err.println(usage());
            System.exit(2);
        }
    }

    static String usage() {
        return "usage: eval-triage --train train.jsonl --test test.jsonl --label FIELD [--baseline centroid]";
    }

    /** Runs the evaluation; returns the exit code. */
    static int run(String[] args, PrintStream out) {
        Path trainPath = null;
        Path testPath = null;
        String label = null;
        RouterTrainer.Options options = RouterTrainer.Options.product();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value;
            int eq = arg.indexOf('=');
            if (arg.equals("--help") || arg.equals("-h")) {
                out.println(usage());
                return 0;
            } else if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            } else {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(arg + " needs a value");
                }
                value = args[++i];
            }
            switch (arg) {
                case "--train" -> trainPath = Path.of(value);
                case "--test" -> testPath = Path.of(value);
                case "--label" -> label = value;
                case "--baseline" -> options = switch (value.toLowerCase(Locale.ROOT)) {
                    case "centroid" -> RouterTrainer.Options.centroidBaseline();
                    case "none" -> RouterTrainer.Options.product();
                    default -> throw new IllegalArgumentException("unknown baseline '" + value + "'");
                };
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        if (trainPath == null || testPath == null || label == null || label.isBlank()) {
            throw new IllegalArgumentException("--train, --test and --label are required");
        }
        if (label.equals("title") || label.equals("content")) {
            throw new IllegalArgumentException("--label must name a field other than title and content");
        }
        List<Example> train = read(trainPath, label);
        List<Example> test = read(testPath, label);
        if (train.isEmpty()) {
            throw new IllegalArgumentException(trainPath + " has no labelled example");
        }
        Result result = evaluate(train, test, options);
        print(result, options, out);
        return 0;
    }

    /** What an evaluation found. */
    record Result(RouterTrainer.Report training, int trainLabels, int unseenTest,
                  ClassificationMetrics.Summary summary, double ece, double brier, double microsPerComplaint) {
    }

    static Result evaluate(List<Example> train, List<Example> test, RouterTrainer.Options options) {
        Featurizer extractor = options.algorithm() == RouterTrainer.Algorithm.CENTROID ? new BaselineFeatures()
                : new FeatureExtractor(options.features());
        RouterTrainer.Result trained = RouterTrainer.train(train, List.of(), options, extractor);
        RouterModel model = trained.model();
        String[] labels = model.labels();
        Set<String> known = new LinkedHashSet<>(List.of(labels));
        List<ClassificationMetrics.Ranked> ranked = new ArrayList<>(test.size());
        List<Calibration.Outcome> outcomes = new ArrayList<>(test.size());
        int unseen = 0;
        long start = System.nanoTime();
        for (Example e : test) {
            SparseVector tf = extractor.extract(e.title(), e.body());
            double[] p = model.probabilities(tf);
            ranked.add(new ClassificationMetrics.Ranked(e.label(), RouterTrainer.ranking(p, labels, 3)));
            int truth = List.of(labels).indexOf(e.label());
            outcomes.add(new Calibration.Outcome(p, truth));
            if (!known.contains(e.label())) {
                unseen++;
            }
        }
        double micros = test.isEmpty() ? 0 : (System.nanoTime() - start) / 1e3 / test.size();
        return new Result(trained.report(), labels.length, unseen, ClassificationMetrics.summarize(ranked, 10),
                Calibration.expectedCalibrationError(outcomes), Calibration.brier(outcomes), micros);
    }

    private static void print(Result r, RouterTrainer.Options options, PrintStream out) {
        RouterTrainer.Report t = r.training();
        out.printf(Locale.ROOT, "system: %s%n", describe(options));
        out.printf(Locale.ROOT, "train: %d examples, %d labels; test: %d examples (%d with a label unseen in "
                + "training: misses)%n", t.examples(), r.trainLabels(), r.summary().n(), r.unseenTest());
        out.printf(Locale.ROOT, "training: %d ms, %d feature rows, temperature %.3f%n", t.trainingMillis(),
                t.rows(), t.temperature());
        if (!Double.isNaN(t.top1())) {
            out.printf(Locale.ROOT, "training set, out-of-fold: top1=%.3f top3=%.3f macro_f1=%.3f ece=%.3f "
                    + "(uncalibrated %.3f)%n", t.top1(), t.top3(), t.macroF1(), t.ece(), t.eceRaw());
        }
        out.printf(Locale.ROOT, "test calibration: ece=%.3f brier=%.3f; features + classification %.0f µs per "
                + "complaint (one thread, after training)%n", r.ece(), r.brier(), r.microsPerComplaint());
        if (!r.summary().confused().isEmpty()) {
            out.println("most confused (true → predicted: count):");
            for (ClassificationMetrics.Confusion c : r.summary().confused()) {
                out.printf(Locale.ROOT, "  %s → %s: %d%n", c.truth(), c.predicted(), c.count());
            }
        }
        ClassificationMetrics.Summary s = r.summary();
        out.printf(Locale.ROOT, "top1=%.3f top3=%.3f macro_f1=%.3f n=%d%n", s.top1(), s.top3(), s.macroF1(), s.n());
    }

    static String describe(RouterTrainer.Options options) {
        FeatureExtractor.Config f = options.features();
        return switch (options.algorithm()) {
            case CENTROID -> "baseline: nearest centroid, cosine over tf-idf (raw tf) character 2-3-grams of the whole text";
            case SOFTMAX -> ("softmax regression (AdaGrad, %d epochs) + %.0f × nearest centroid, over nori morphemes "
                    + "(title) + character %d-%d-grams, hashed to 2^%d, sublinear tf-idf; temperature from %d-fold "
                    + "out-of-fold predictions").formatted(options.params().epochs(),
                    options.params().centroidWeight(), f.minGram(), f.maxGram(), f.bits(),
                    options.calibrationFolds());
        };
    }

    /**
     * The labelled examples of a JSONL file: {@code title}, {@code content} and {@code labelField} of each line,
     * every other field skipped without being read. Lines without a label are left out.
     */
    public static List<Example> read(Path path, String labelField) {
        List<Example> examples = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            int lineNo = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                Example e = parseLine(line, labelField, path + ":" + lineNo);
                if (e.label() != null && !e.label().isBlank()) {
                    examples.add(e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
        return examples;
    }

    static Example parseLine(String line, String labelField, String where) {
        String title = null;
        String content = null;
        String label = null;
        try (JsonParser p = JSON.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException(where + ": not a JSON object");
            }
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("title")) {
                    title = scalar(p, value);
                } else if (name.equals("content")) {
                    content = scalar(p, value);
                } else if (name.equals(labelField)) {
                    label = scalar(p, value);
                } else {
                    p.skipChildren(); // other fields: not even their text is kept
                }
            }
        } catch (tools.jackson.core.JacksonException e) {
            throw new IllegalArgumentException(where + ": malformed JSON: " + e.getOriginalMessage());
        }
        return new Example(title == null ? "" : title, content == null ? "" : content,
                label == null ? null : label.strip());
    }

    private static String scalar(JsonParser p, JsonToken token) {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token.isScalarValue()) {
            return p.getString();
        }
        p.skipChildren();
        return null;
    }
}
