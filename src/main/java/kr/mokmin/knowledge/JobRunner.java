package kr.mokmin.knowledge;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kr.mokmin.common.MokminException;
import kr.mokmin.common.ProblemKind;

/**
 * Runs jobs on a small bounded pool: {@code workers} threads at low priority and at most {@code capacity} jobs
 * waiting. The job table is the durable queue: a job that is waiting here when the process stops is still QUEUED
 * or RUNNING in the database and is resumed at the next start (its finished items are not redone).
 */
public class JobRunner implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final KnowledgeService service;
    private final ThreadPoolExecutor executor;

    public JobRunner(KnowledgeService service, int workers, int capacity) {
        if (workers < 1 || capacity < 1) {
            throw new IllegalStateException("mokmin.knowledge.workers and queue-capacity must be positive");
        }
        this.service = service;
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(capacity), r -> {
                    Thread t = new Thread(r, "knowledge-job-" + n.incrementAndGet());
                    t.setDaemon(true);
                    // ingestion yields to requests: it is background work on a shared machine
                    t.setPriority(Thread.MIN_PRIORITY);
                    return t;
                });
    }

    /** Refuses new work (429) when the queue is full; call before accepting an upload. */
    public void requireRoom() {
        if (executor.getQueue().remainingCapacity() == 0) {
            throw new MokminException(ProblemKind.RATE_LIMITED,
                    "처리 대기 중인 문서 작업이 너무 많습니다. 잠시 후 다시 시도하세요.");
        }
    }

    /** Queues a job; when the queue is full it stays in the database and runs after the next start. */
    public void submit(String jobId) {
        try {
            executor.execute(() -> run(jobId));
        } catch (RejectedExecutionException e) {
            log.warn("Job {} not queued ({}); it resumes at the next start", jobId, e.getMessage());
        }
    }

    /** Runs a task on the job threads, in order with the jobs (startup repair, demo creation). */
    public void execute(Runnable task) {
        executor.execute(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.error("Background knowledge task failed", e);
            }
        });
    }

    private void run(String jobId) {
        var job = service.jobs().find(jobId, false).orElse(null);
        if (job == null || job.finished()) {
            return;
        }
        service.tx().executeWithoutResult(s -> service.jobs().markRunning(jobId, service.now()));
        for (Job.Item item : service.jobs().items(jobId)) {
            if (executor.isShutdown()) {
                return; // resumes at the next start
            }
            if (item.status() != Job.ItemStatus.PENDING) {
                continue;
            }
            try {
                service.process(job, item);
            } catch (RuntimeException e) {
                service.failUnexpectedly(job, item, e);
            }
        }
        service.tx().executeWithoutResult(s -> service.jobs().markDone(jobId, service.now()));
        log.info("Job {} ({}) finished", jobId, job.kind());
    }

    /** Stops taking work; the item in progress finishes (bounded wait), the rest resume at the next start. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(20, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
