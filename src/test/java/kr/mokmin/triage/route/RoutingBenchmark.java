package kr.mokmin.triage.route;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import kr.mokmin.complaint.Taxonomy;
import kr.mokmin.triage.route.eval.EvalTriage;

/**
 * Department routing cost ({@code ./mokmin bench-routing}): one complaint routed (features + trained model + cold
 * start blend, top 3) and typed, on the Incheon complaints of ../shared/data (typical lengths, ~540 characters);
 * and training a version (3-fold calibration + final model) on 3,000 complaints (petitions, then Incheon).
 * Without ../shared/data the made-up fixtures stand in. The data is read at benchmark time, never committed.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class RoutingBenchmark {

    static final Path DATA = Path.of(System.getProperty("mokmin.data", "../shared/data/complaints"));

    private LearningRouter router;
    private final PhrasingTypeClassifier types = new PhrasingTypeClassifier();
    private List<RouterTrainer.Example> complaints;
    private List<RouterTrainer.Example> training;
    private List<String> departments;
    private int next;

    @Setup
    public void setUp() {
        Path incheon = DATA.resolve("incheon_junggu_complaints_train.jsonl");
        Path petitions = DATA.resolve("bluehouse_petitions_train.jsonl");
        Taxonomy taxonomy = LearningRouterTest.defaultTaxonomy();
        departments = taxonomy.departments().stream().map(Taxonomy.Department::code).toList();
        if (Files.isRegularFile(incheon) && Files.isRegularFile(petitions)) {
            complaints = EvalTriage.read(incheon, "department_unit");
            training = new ArrayList<>(EvalTriage.read(petitions, "category"));
            training.addAll(complaints);
            training = List.copyOf(training.subList(0, 3000));
        } else {
            complaints = RoutingFixtures.examples();
            training = new ArrayList<>();
            while (training.size() < 3000) {
                training.addAll(complaints);
            }
        }
        // The routed model: the Incheon units stand in for departments (labels only matter for the output).
        router = new LearningRouter(() -> taxonomy, FeatureExtractor.DEFAULT);
        List<RouterTrainer.Example> relabelled = new ArrayList<>();
        for (RouterTrainer.Example e : complaints) {
            relabelled.add(new RouterTrainer.Example(e.title(), e.body(),
                    departments.get(Math.floorMod(e.label().hashCode(), departments.size()))));
        }
        router.activate(RouterTrainer.train(relabelled, departments, RouterTrainer.Options.product(),
                router.extractor(FeatureExtractor.DEFAULT)).model(), 1);
    }

    private RouterTrainer.Example nextComplaint() {
        RouterTrainer.Example e = complaints.get(next);
        next = (next + 1) % complaints.size();
        return e;
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public Object routeAndType() {
        RouterTrainer.Example e = nextComplaint();
        return List.of(router.route(e.title(), e.body(), 3), types.classify(e.title(), e.body()));
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public Object typeOnly() {
        RouterTrainer.Example e = nextComplaint();
        return types.classify(e.title(), e.body());
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 2)
    public Object train3000() {
        return RouterTrainer.train(training, departments, RouterTrainer.Options.product(),
                router.extractor(FeatureExtractor.DEFAULT)).report();
    }
}
