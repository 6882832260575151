package kr.mokmin.triage.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import kr.mokmin.complaint.Taxonomy;
import kr.mokmin.complaint.TaxonomyStore;
import kr.mokmin.triage.BenchTexts;
import kr.mokmin.triage.TriageResult;
import kr.mokmin.triage.TriageService;
import kr.mokmin.triage.TriageSettings;
import kr.mokmin.triage.duplicate.RecentComplaint;
import kr.mokmin.triage.duplicate.WinnowingDuplicateIndex;
import kr.mokmin.triage.facts.ExtractiveSummarizer;
import kr.mokmin.triage.facts.PlaceKeys;
import kr.mokmin.triage.facts.RuleFactExtractor;
import kr.mokmin.triage.pii.KoreanPiiMasker;
import kr.mokmin.triage.route.FeatureExtractor;
import kr.mokmin.triage.route.LearningRouter;
import kr.mokmin.triage.route.PhrasingTypeClassifier;
import kr.mokmin.triage.route.RouterTrainer;

/**
 * The whole triage of one complaint as intake runs it (mask → type → route → facts → similar → summary), one thread,
 * on the real parts: the router trained on the 인천 중구 complaints (80 departments) plus the taxonomy, a duplicate
 * index holding {@code recent} complaints (re-filings included). Complaints are the development sets under
 * {@code <data>/complaints/}, read at run time; template complaints without them.
 * Throughput (complaints/s) and SampleTime (p50/p99 per complaint).
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-XX:+UseParallelGC"})
public class TriageBenchmark {

    @Param("../shared/data")
    public String data;
    @Param("20000")
    public int recent;
    /**
     * Which complaints are triaged: {@code incheon} (a city's 민원, median 380 characters), {@code petitions}
     * (national petitions, median 949, a long tail past 3,000), or {@code all}.
     */
    @Param({"incheon", "petitions"})
    public String set;

    private TriageService triage;
    private List<String[]> complaints;
    private int next;

    @Setup
    public void setUp() throws IOException {
        complaints = BenchTexts.load(data, "all".equals(set) ? "" : set);
        Taxonomy taxonomy = bundledTaxonomy();
        LearningRouter router = new LearningRouter(() -> taxonomy, FeatureExtractor.DEFAULT);
        List<RouterTrainer.Example> examples = incheonExamples(Path.of(data, "complaints",
                "incheon_junggu_complaints_train.jsonl"));
        if (!examples.isEmpty()) {
            RouterTrainer.Options options = RouterTrainer.Options.product();
            var trained = RouterTrainer.train(examples, taxonomy.departments().stream().map(Taxonomy.Department::code)
                    .toList(), options, new FeatureExtractor(options.features()));
            router.activate(trained.model(), 1);
        }
        ExtractiveSummarizer summarizer = new ExtractiveSummarizer();
        Instant now = Instant.parse("2026-11-23T00:00:00Z");
        WinnowingDuplicateIndex duplicates = new WinnowingDuplicateIndex(WinnowingDuplicateIndex.Settings.defaults(),
                summarizer, Clock.fixed(now, ZoneOffset.UTC));
        triage = new TriageService(new KoreanPiiMasker(), new PhrasingTypeClassifier(), router,
                new RuleFactExtractor(), summarizer, duplicates, () -> taxonomy, TriageSettings.DEFAULTS);
        // the index as intake fills it: every complaint triaged, then added (masked text, masked place keys)
        Random random = new Random(7);
        for (int i = 0; i < recent; i++) {
            String[] c = complaints.get(i % complaints.size());
            String body = i < complaints.size() ? c[1] : c[1] + " 추가로 말씀드립니다 " + random.nextInt(1000);
            TriageResult r = triage.triage(c[0], body, null);
            duplicates.add(new RecentComplaint("2026-" + i, r.maskedTitle(), r.maskedBody(), PlaceKeys.of(r.facts()),
                    r.routedDepartment(), now.minusSeconds(recent - i)));
        }
    }

    @Benchmark
    public TriageResult triage() {
        String[] c = complaints.get(next++ % complaints.size());
        return triage.triage(c[0], c[1], null);
    }

    static Taxonomy bundledTaxonomy() throws IOException {
        try (InputStream in = TaxonomyStore.class.getResourceAsStream("/taxonomy/default.yml")) {
            return TaxonomyStore.parse(in.readAllBytes());
        }
    }

    /** title, content and department_unit of the 인천 중구 set (dev only, read at run time). */
    static List<RouterTrainer.Example> incheonExamples(Path file) {
        List<RouterTrainer.Example> examples = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return examples;
        }
        JsonMapper json = JsonMapper.builder().build();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    JsonNode n = json.readTree(line);
                    examples.add(new RouterTrainer.Example(n.path("title").asString(""), n.path("content").asString(""),
                            n.path("department_unit").asString("?")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return examples;
    }
}
