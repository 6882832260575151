package kr.mokmin.triage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import kr.mokmin.complaint.Complaint;
import kr.mokmin.complaint.ComplaintRouted;
import kr.mokmin.complaint.IntakeTriage;
import kr.mokmin.complaint.NewComplaint;
import kr.mokmin.triage.duplicate.DuplicateIndex;
import kr.mokmin.triage.duplicate.RecentComplaint;
import kr.mokmin.triage.facts.PlaceKeys;
import kr.mokmin.triage.route.DepartmentRouter;

/**
 * Triage as part of intake: every complaint is triaged before it is stored, the result is stored with it, and
 * once it is committed it joins the duplicate index. Officers' routing decisions teach the router.
 */
public class TriageIntake implements IntakeTriage {

    private static final Logger log = LoggerFactory.getLogger(TriageIntake.class);

    private final TriageService triage;
    private final TriageRepository repository;
    private final DuplicateIndex duplicates;
    private final DepartmentRouter router;
    private final Clock clock;
    private final Timer timer;
    private final ThreadPoolExecutor indexer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(10_000), Thread.ofPlatform().name("triage-duplicate-index").daemon().factory(),
            new ThreadPoolExecutor.CallerRunsPolicy());

    public TriageIntake(TriageService triage, TriageRepository repository, DuplicateIndex duplicates,
                        DepartmentRouter router, Clock clock, MeterRegistry meters) {
        this.triage = triage;
        this.repository = repository;
        this.duplicates = duplicates;
        this.router = router;
        this.clock = clock;
        this.timer = Timer.builder("mokmin.triage.duration").description("triage of one complaint at intake")
                .publishPercentiles(0.5, 0.99).register(meters);
    }

    @Override
    public Assessment assess(NewComplaint complaint) {
        TriageResult result = triage.triage(complaint.title(), complaint.body(), complaint.serviceCode());
        timer.record(Duration.ofNanos(result.micros() * 1000));
        return new Assessed(result);
    }

    private final class Assessed implements Assessment {
        private final TriageResult result;

        Assessed(TriageResult result) {
            this.result = result;
        }

        @Override
        public String departmentCode() {
            return result.routedDepartment();
        }

        @Override
        public String note() {
            var top = result.departments().getFirst();
            return String.format(Locale.ROOT, "자동 분류: %s (신뢰도 %.2f, %s)", top.name(), top.confidence(),
                    "service".equals(top.source()) ? "신청 민원 종류" : "모델 " + result.modelVersion());
        }

        @Override
        public void store(Complaint saved) {
            repository.insert(saved.id(), result, Instant.now(clock));
        }

        @Override
        public void accepted(Complaint saved) {
            RecentComplaint recent = new RecentComplaint(saved.receiptNo(), result.maskedTitle(), result.maskedBody(),
                    PlaceKeys.of(result.facts()), saved.departmentCode(), saved.receivedAt());
            // Off the request thread: adding takes the index's write lock and links the new complaint to its
            // duplicates; one indexing thread keeps the order and never makes a citizen wait for it. A full queue
            // (a burst) indexes on the caller instead of dropping the complaint from duplicate detection.
            indexer.execute(() -> duplicates.add(recent));
        }
    }

    /** An officer's routing is a labelled example: the router learns it at once, after the commit. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    public void onRouted(ComplaintRouted routed) {
        try {
            repository.find(routed.complaintId()).ifPresent(stored ->
                    router.learn(stored.maskedTitle(), stored.maskedBody(), routed.toDepartment()));
        } catch (RuntimeException e) {
            log.warn("Routing could not learn from {} moving to {}", routed.receiptNo(), routed.toDepartment(), e);
        }
    }

    /** Stops the indexing thread (the index is memory only: nothing to save). */
    public void close() {
        indexer.shutdownNow();
    }

    /** Waits until every accepted complaint is in the duplicate index (tests, shutdown). */
    public void awaitIndexed() {
        try {
            indexer.submit(() -> { }).get(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("duplicate indexing did not catch up", e);
        }
    }

    /** Fills the duplicate index with the complaints received since {@code since} (at startup). */
    public int loadRecent(Instant since) {
        int[] count = {0};
        repository.forEachSince(since, stored -> {
            TriageResult r = stored.result();
            duplicates.add(new RecentComplaint(stored.receiptNo(), r.maskedTitle(), r.maskedBody(),
                    PlaceKeys.of(r.facts()), stored.departmentCode(), stored.receivedAt()));
            count[0]++;
        });
        return count[0];
    }
}
