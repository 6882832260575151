package kr.mokmin.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import kr.mokmin.audit.AuditTrail;
import kr.mokmin.knowledge.demo.DemoCorpus;
import kr.mokmin.knowledge.demo.DemoDocument;
import kr.mokmin.search.Audience;

/**
 * The first-run load of the bundled demo corpus ({@link DemoCorpus}) as one DEMO_LOAD job.
 *
 * <p>Once only: the job is created in the same transaction as the {@code app_setting} row
 * {@value #SETTING} that names it, so a restart (or a second node) never creates it again, and documents an
 * administrator deletes later stay deleted. An interrupted load resumes with the job. Each item is one manifest
 * path; its document row (with a stable id derived from the path) is created when the job reaches it, so the job's
 * creation is quick and the server is ready long before the load ends.
 */
public class DemoDocuments {

    /** app_setting key whose value is the demo job's id. */
    public static final String SETTING = "knowledge.demo.job";

    private final DemoCorpus corpus;
    private final DocumentRepository documents;
    private final JobRepository jobs;
    private final DocumentFiles files;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final JdbcClient jdbc;
    private final Clock clock;

    public DemoDocuments(DemoCorpus corpus, DocumentRepository documents, JobRepository jobs, DocumentFiles files,
                         AuditTrail audit, TransactionTemplate tx, JdbcClient jdbc, Clock clock) {
        this.corpus = corpus;
        this.documents = documents;
        this.jobs = jobs;
        this.files = files;
        this.audit = audit;
        this.tx = tx;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The demo job's id, if the demo load was ever started here. */
    public Optional<String> jobId() {
        return jdbc.sql("SELECT setting_value FROM app_setting WHERE setting_key = ?").param(SETTING)
                .query(String.class).optional();
    }

    /**
     * Creates the demo job unless one was ever created.
     *
     * @return the new job's id, or empty when the demo was already loaded (or is loading)
     */
    public Optional<String> createJobOnce() {
        String jobId = KnowledgeService.newId();
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        return Optional.ofNullable(tx.execute(s -> {
            int inserted = jdbc.sql("INSERT INTO app_setting (setting_key, setting_value) VALUES (?, ?) "
                    + "ON CONFLICT DO NOTHING").params(SETTING, jobId).update();
            if (inserted == 0) {
                return null;
            }
            List<DemoDocument> all = corpus.documents();
            jobs.insertJob(jobId, Job.Kind.DEMO_LOAD, all.size(), "system", now);
            for (int i = 0; i < all.size(); i++) {
                jobs.insertItem(jobId, i, all.get(i).path(), null, null, now);
            }
            return jobId;
        }));
    }

    /** The stable document id of a demo file. */
    static String documentId(DemoDocument d) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(d.path().getBytes(StandardCharsets.UTF_8));
            return "demo-" + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Creates the document row of a demo item (or finds it, when a crash interrupted the job after creating it) and
     * ties it to the item. Returns null when the item was finished here (not in the manifest any more).
     */
    Job.Item create(String jobId, Job.Item item) {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        DemoDocument d = corpus.documents().stream().filter(x -> x.path().equals(item.name())).findFirst()
                .orElse(null);
        if (d == null) {
            tx.executeWithoutResult(s -> jobs.finishItem(jobId, item.position(), Job.ItemStatus.SKIPPED, null,
                    "데모 목록에 없는 파일입니다.", now));
            return null;
        }
        String id = documentId(d);
        Optional<String> sameSource = documents.idBySourceUrl(d.source()).filter(other -> !other.equals(id));
        if (sameSource.isPresent()) {
            tx.executeWithoutResult(s -> jobs.finishItem(jobId, item.position(), Job.ItemStatus.SKIPPED, null,
                    "같은 출처 주소의 문서가 이미 있습니다: " + sameSource.get(), now));
            return null;
        }
        byte[] bytes;
        try (InputStream in = DemoCorpus.class.getClassLoader().getResourceAsStream(d.resource())) {
            if (in == null) {
                throw new IllegalStateException("demo document missing from the classpath: " + d.resource());
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String sha = files.put(bytes);
        int version = tx.execute(s -> {
            var existing = documents.lock(id);
            int v;
            if (existing.isPresent()) {
                v = existing.get().version();
            } else {
                v = 1;
                String fileName = d.path().substring(d.path().lastIndexOf('/') + 1);
                documents.insert(new KnowledgeDocument(id, 1, d.kind(), d.title(), d.issuer(), d.effective(),
                        d.source(), d.audience() == DemoDocument.Audience.PUBLIC ? Audience.PUBLIC : Audience.INTERNAL,
                        fileName, "text/markdown", bytes.length, sha, null, DocumentStatus.PENDING, null, null, 0,
                        null, null, "system", now, "system", now));
                audit.record("system", "document.ingested", "document", id,
                        Map.of("version", 1, "jobId", jobId, "demo", d.path(), "sha256", sha));
            }
            jobs.setItemDocument(jobId, item.position(), id, v);
            return v;
        });
        return new Job.Item(item.position(), item.name(), id, version, item.status(), null, null, item.updatedAt());
    }
}
