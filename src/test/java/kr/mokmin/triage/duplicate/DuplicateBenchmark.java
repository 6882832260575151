package kr.mokmin.triage.duplicate;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
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

import kr.mokmin.triage.BenchTexts;
import kr.mokmin.triage.facts.ExtractiveSummarizer;
import kr.mokmin.triage.facts.PlaceKeys;
import kr.mokmin.triage.facts.RuleFactExtractor;

/**
 * {@code similar()} on an index of {@code entries} complaints: the complaint sets and edited re-filings of them
 * (as in {@code eval-duplicates}), queried with further re-filings, so each query has true duplicates to find.
 * Sample time: JMH reports p50/p99 per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class DuplicateBenchmark {

    @Param("../shared/data")
    public String data;
    @Param("50000")
    public int entries;

    private WinnowingDuplicateIndex index;
    private List<String[]> queries;
    private List<Set<String>> queryPlaces;
    private int next;

    @Setup
    public void setUp() {
        List<String[]> texts = BenchTexts.load(data);
        RuleFactExtractor extractor = new RuleFactExtractor();
        Instant now = Instant.parse("2026-11-23T00:00:00Z");
        index = new WinnowingDuplicateIndex(WinnowingDuplicateIndex.Settings.defaults(), new ExtractiveSummarizer(),
                Clock.fixed(now, ZoneOffset.UTC));
        Random random = new Random(1);
        EvalDuplicates.Refiling[] kinds = EvalDuplicates.Refiling.values();
        List<Set<String>> places = new ArrayList<>();
        for (String[] t : texts) {
            places.add(PlaceKeys.of(extractor.extract(t[0] + "\n" + t[1])));
        }
        for (int i = 0; i < entries; i++) {
            int source = i % texts.size();
            String[] t = texts.get(source);
            EvalDuplicates.Doc doc = new EvalDuplicates.Doc("", t[0], t[1], "", places.get(source));
            String[] text = i < texts.size() ? t : EvalDuplicates.refile(doc, kinds[random.nextInt(kinds.length)], random);
            index.add(new RecentComplaint("c" + i, text[0], text[1], places.get(source), "D",
                    now.minusSeconds(entries - i)));
        }
        queries = new ArrayList<>();
        queryPlaces = new ArrayList<>();
        for (int q = 0; q < 4096; q++) {
            int source = random.nextInt(texts.size());
            String[] t = texts.get(source);
            EvalDuplicates.Doc doc = new EvalDuplicates.Doc("", t[0], t[1], "", places.get(source));
            queries.add(EvalDuplicates.refile(doc, kinds[random.nextInt(kinds.length)], random));
            queryPlaces.add(places.get(source));
        }
    }

    @Benchmark
    public List<SimilarComplaint> similar() {
        int q = next++ & 4095;
        String[] query = queries.get(q);
        return index.similar(query[0], query[1], queryPlaces.get(q), 10);
    }
}
