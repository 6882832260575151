package kr.mokmin.calendar;

import java.time.LocalDateTime;
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

/**
 * Cost of {@link DeadlineCalculator#due} on the complaint-intake path, with the holiday cache warm
 * (the steady state of a running server). Receipt times rotate over a year so that weekends,
 * holidays, lunch and after-hours receipts are all exercised and nothing is constant-folded.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DeadlineBenchmark {

    private static final ProcessingPeriod SEVEN_DAYS = ProcessingPeriod.days(7);
    private static final ProcessingPeriod THREE_HOURS = ProcessingPeriod.hours(3);

    /** A power of two, so the rotation is a mask. */
    private static final int RECEIPT_COUNT = 1024;

    private DeadlineCalculator calculator;
    private LocalDateTime[] receipts;
    private int next;

    @Setup
    public void setUp() {
        calculator = new DeadlineCalculator(KoreanHolidays.withoutExtras());
        receipts = new LocalDateTime[RECEIPT_COUNT];
        LocalDateTime start = LocalDateTime.of(2026, 1, 1, 0, 0);
        for (int i = 0; i < RECEIPT_COUNT; i++) {
            // 8h33m apart: walks through every time of day and day of the week over ~1 year.
            receipts[i] = start.plusMinutes(i * 513L);
        }
        for (LocalDateTime receipt : receipts) {
            calculator.due(receipt, SEVEN_DAYS);
        }
    }

    @Benchmark
    public LocalDateTime dueSevenDays() {
        return calculator.due(nextReceipt(), SEVEN_DAYS);
    }

    @Benchmark
    public LocalDateTime dueThreeHours() {
        return calculator.due(nextReceipt(), THREE_HOURS);
    }

    private LocalDateTime nextReceipt() {
        return receipts[next++ & (RECEIPT_COUNT - 1)];
    }
}
