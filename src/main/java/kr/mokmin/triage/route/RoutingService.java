package kr.mokmin.triage.route;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import kr.mokmin.account.Actor;
import kr.mokmin.account.CurrentActor;
import kr.mokmin.audit.AuditTrail;
import kr.mokmin.common.MokminException;
import kr.mokmin.complaint.Taxonomy;
import kr.mokmin.complaint.TaxonomyStore;
import kr.mokmin.triage.pii.PiiMasker;
import tools.jackson.databind.json.JsonMapper;

/**
 * The department router as the application uses it: the {@link LearningRouter} plus what it must not do itself:
 * storing masked examples and corrections, training versions in the background, saving and loading model files
 * under {@code <data-dir>/triage/}, and auditing.
 *
 * <p>At startup the active version is loaded on a background thread, so startup does not wait for it; until it
 * is loaded, routing is the cold start. Corrections stored after the version's training set are replayed online,
 * so a restart loses no correction ({@code v3+12} again after a restart).
 */
public class RoutingService implements DepartmentRouter, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RoutingService.class);

    /** What a training upload did. */
    public record ImportReport(int records, int accepted, int duplicates, List<TrainingFile.Problem> rejected,
                               String format, String charset) {
    }

    private final LearningRouter router;
    private final RoutingStore store;
    private final TaxonomyStore taxonomy;
    private final PiiMasker masker;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final JsonMapper json;
    private final Path modelDir;
    private final RouterTrainer.Options options;
    private final ExecutorService worker;
    private volatile Future<?> loading;
    private Integer training;

    public RoutingService(LearningRouter router, RoutingStore store, TaxonomyStore taxonomy, PiiMasker masker,
                          AuditTrail audit, TransactionTemplate tx, Clock clock, JsonMapper json, Path modelDir,
                          RouterTrainer.Options options) {
        this.router = router;
        this.store = store;
        this.taxonomy = taxonomy;
        this.masker = masker;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.json = json;
        this.modelDir = modelDir;
        this.options = options;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "triage-routing");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY); // training must not slow request threads
            return t;
        });
    }

    // --- DepartmentRouter --------------------------------------------------------------------------------------

    @Override
    public List<Prediction> route(String maskedTitle, String maskedBody, int k) {
        return router.route(maskedTitle, maskedBody, k);
    }

    /** Stores the correction (masked text, source CORRECTION) and learns it online, both or neither. */
    @Override
    public void learn(String maskedTitle, String maskedBody, String departmentCode) {
        if (taxonomy.current().department(departmentCode).isEmpty()) {
            throw MokminException.invalid("알 수 없는 부서입니다: " + departmentCode);
        }
        String actor = actorName();
        // One lock with activation: a correction is either in a new version's replay or learned on it, never both.
        synchronized (router) {
            store.addExample(maskedTitle, maskedBody, departmentCode, RoutingStore.Source.CORRECTION, actor,
                    clock.instant());
            router.learnOnline(maskedTitle, maskedBody, departmentCode);
        }
    }

    @Override
    public String modelVersion() {
        return router.modelVersion();
    }

    // --- training data -----------------------------------------------------------------------------------------

    /**
     * Imports labelled examples: PII is masked before anything is stored; records whose department is not in the
     * taxonomy (by code, or by exact name) or whose text is empty are rejected with their line numbers.
     */
    public ImportReport importExamples(byte[] body, String contentType, String labelField) {
        TrainingFile.Parsed parsed = TrainingFile.parse(body, contentType, labelField);
        Taxonomy current = taxonomy.current();
        Map<String, String> byName = new LinkedHashMap<>();
        current.departments().forEach(d -> byName.putIfAbsent(d.name(), d.code()));
        List<TrainingFile.Problem> rejected = new ArrayList<>(parsed.problems());
        List<TrainingFile.Row> valid = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (TrainingFile.Row row : parsed.rows()) {
            String code = current.department(row.department()).isPresent() ? row.department()
                    : byName.get(row.department());
            if (code == null) {
                rejected.add(new TrainingFile.Problem(row.line(), "알 수 없는 부서입니다: " + row.department()));
            } else {
                valid.add(row);
                codes.add(code);
            }
        }
        rejected.sort(java.util.Comparator.comparingInt(TrainingFile.Problem::line));
        String actor = actorName();
        int[] added = new int[1];
        tx.executeWithoutResult(status -> {
            for (int i = 0; i < valid.size(); i++) {
                TrainingFile.Row row = valid.get(i);
                if (store.addExample(masker.mask(row.title()).text(), masker.mask(row.body()).text(), codes.get(i),
                        RoutingStore.Source.IMPORT, actor, clock.instant())) {
                    added[0]++;
                }
            }
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("records", parsed.rows().size() + parsed.problems().size());
            detail.put("accepted", added[0]);
            detail.put("duplicates", valid.size() - added[0]);
            detail.put("rejected", rejected.size());
            audit.record(actor, "triage.training.imported", "triage-training", "examples", detail);
        });
        return new ImportReport(parsed.rows().size() + parsed.problems().size(), added[0],
                valid.size() - added[0], List.copyOf(rejected), parsed.format().name(), parsed.charset().name());
    }

    // --- versions ----------------------------------------------------------------------------------------------

    /**
     * Starts training a new version from every stored example on the background thread and returns it (status
     * TRAINING). If a training is already running, returns that one.
     */
    public synchronized RoutingStore.Version retrain() {
        if (training != null) {
            return store.find(training).orElseThrow();
        }
        RoutingStore.Counts counts = store.counts();
        if (counts.total() == 0) {
            throw MokminException.invalid("학습할 예제가 없습니다. 먼저 POST /api/v1/triage/training 으로 올려 주세요.");
        }
        String actor = actorName();
        long lastId = store.lastExampleId();
        int version = tx.execute(status -> {
            int v = store.insertTraining(options.algorithm().name().toLowerCase(java.util.Locale.ROOT),
                    (int) counts.total(), (int) counts.departments(), lastId, actor, clock.instant());
            audit.record(actor, "triage.model.training-started", "triage-model", String.valueOf(v),
                    Map.of("examples", counts.total()));
            return v;
        });
        training = version;
        worker.submit(() -> train(version, lastId, actor));
        return store.find(version).orElseThrow();
    }

    private void train(int version, long lastId, String actor) {
        try {
            Taxonomy current = taxonomy.current();
            List<RouterTrainer.Example> examples = new ArrayList<>();
            int[] skipped = new int[1];
            store.forEachExample(0, lastId, e -> {
                if (current.department(e.departmentCode()).isPresent()) {
                    examples.add(new RouterTrainer.Example(e.title(), e.body(), e.departmentCode()));
                } else {
                    skipped[0]++; // a department no longer in the taxonomy
                }
            });
            List<String> departments = current.departments().stream().map(Taxonomy.Department::code).toList();
            RouterTrainer.Result result = RouterTrainer.train(examples, departments, options,
                    router.extractor(options.features()));
            Map<String, Object> metrics = new LinkedHashMap<>(result.report().asMap());
            metrics.put("skippedExamples", skipped[0]);
            String fileName = "model-v" + version + ".bin";
            String sha256 = save(result.model(), fileName);
            String metricsJson = json.writeValueAsString(metrics);
            synchronized (router) {
                tx.executeWithoutResult(status -> {
                    store.markReady(version, metricsJson, fileName, sha256, clock.instant());
                    store.activate(version);
                    audit.record(actor, "triage.model.activated", "triage-model", String.valueOf(version), metrics);
                });
                router.activate(result.model(), version);
                int replayed = replayCorrections(lastId);
                log.info("Routing model v{} active: {} examples, out-of-fold top-1 {}, {} corrections replayed",
                        version, examples.size(), metrics.get("cvTop1"), replayed);
            }
        } catch (RuntimeException | IOException e) {
            log.error("Training routing model v{} failed", version, e);
            tx.executeWithoutResult(status -> {
                store.markFailed(version, String.valueOf(e.getMessage()), clock.instant());
                audit.record(actor, "triage.model.failed", "triage-model", String.valueOf(version),
                        Map.of("error", String.valueOf(e.getMessage())));
            });
        } finally {
            synchronized (this) {
                training = null;
            }
        }
    }

    private int replayCorrections(long afterId) {
        int[] n = new int[1];
        store.forEachCorrectionAfter(afterId, e -> {
            if (router.learnOnline(e.title(), e.body(), e.departmentCode())) {
                n[0]++;
            }
        });
        return n[0];
    }

    private String save(RouterModel model, String fileName) throws IOException {
        Files.createDirectories(modelDir);
        Path tmp = Files.createTempFile(modelDir, "model", ".tmp");
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(tmp), sha)) {
                ModelFile.write(model, out);
            }
            Files.move(tmp, modelDir.resolve(fileName), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Loads the active version (and replays later corrections) on the background thread. */
    public Future<?> loadInBackground() {
        loading = worker.submit(this::load);
        return loading;
    }

    /** Waits for the startup load (tests; the application never waits). */
    public void awaitLoaded() {
        Future<?> f = loading;
        if (f != null) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    void load() {
        int interrupted = store.failUnfinished(clock.instant());
        if (interrupted > 0) {
            log.warn("{} routing model training(s) interrupted by the last stop are marked FAILED", interrupted);
        }
        Optional<RoutingStore.Version> active = store.active();
        long after = 0;
        synchronized (router) {
            if (active.isPresent()) {
                RoutingStore.Version v = active.get();
                try {
                    RouterModel model = readVerified(v);
                    router.activate(model, v.version());
                    after = v.lastExampleId();
                } catch (IOException | RuntimeException e) {
                    log.error("Routing model v{} could not be loaded ({}); routing by the taxonomy until a retrain",
                            v.version(), e.getMessage());
                    return;
                }
            }
            int replayed = replayCorrections(after);
            log.info("Routing model {} ready ({} corrections replayed)", router.modelVersion(), replayed);
        }
    }

    private RouterModel readVerified(RoutingStore.Version v) throws IOException {
        Path file = modelDir.resolve(v.fileName());
        try (InputStream raw = Files.newInputStream(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            RouterModel model = ModelFile.read(new java.security.DigestInputStream(raw, sha));
            if (v.sha256() != null && !v.sha256().equals(HexFormat.of().formatHex(sha.digest()))) {
                throw new IOException(file + " does not match its checksum");
            }
            return model;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- status ------------------------------------------------------------------------------------------------

    public Optional<RoutingStore.Version> version(int version) {
        return store.find(version);
    }

    public List<RoutingStore.Version> versions(int limit) {
        return store.recent(limit);
    }

    public Optional<RoutingStore.Version> activeVersion() {
        return store.active();
    }

    public RoutingStore.Counts counts() {
        return store.counts();
    }

    public Map<String, Long> examplesPerDepartment() {
        return store.examplesPerDepartment();
    }

    public int onlineUpdates() {
        return router.updates();
    }

    private static String actorName() {
        Actor actor = CurrentActor.get();
        return actor == null || actor.name() == null ? "system" : actor.name();
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }

    /** For callers that need the file of a version (tests, backups). */
    public Path modelFile(RoutingStore.Version v) {
        if (v.fileName() == null) {
            throw new UncheckedIOException(new IOException("version " + v.version() + " has no file"));
        }
        return modelDir.resolve(v.fileName());
    }
}
