package kr.mokmin.triage.facts;

import java.util.List;
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

/**
 * Cost per complaint of fact extraction and of the one-line summary, cycling through the complaint sets (or
 * generated complaints when {@code data} has none). Sample time, so JMH reports p50/p99 per call. Run with the
 * command in docs/triage-duplicates.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FactsBenchmark {

    /** The folder that holds complaints/*.jsonl. */
    @Param("../shared/data")
    public String data;

    private RuleFactExtractor extractor;
    private ExtractiveSummarizer summarizer;
    private List<String[]> texts;
    private int next;

    @Setup
    public void setUp() {
        extractor = new RuleFactExtractor();
        summarizer = new ExtractiveSummarizer();
        texts = BenchTexts.load(data);
    }

    @Benchmark
    public List<Fact> extract() {
        String[] t = texts.get(next++ % texts.size());
        return extractor.extract(t[0] + "\n" + t[1]);
    }

    @Benchmark
    public String summarize() {
        String[] t = texts.get(next++ % texts.size());
        return summarizer.summarize(t[0], t[1], 80);
    }
}
