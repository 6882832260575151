package kr.mokmin.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.support.TransactionTemplate;

import kr.mokmin.account.Actor;
import kr.mokmin.account.Role;
import kr.mokmin.audit.AuditTrail;
import kr.mokmin.common.ContentStore;
import kr.mokmin.common.MokminException;
import kr.mokmin.common.ProblemKind;
import kr.mokmin.common.Upload;
import kr.mokmin.knowledge.chunk.Chunk;
import kr.mokmin.knowledge.chunk.Chunker;
import kr.mokmin.knowledge.parse.DocumentFormat;
import kr.mokmin.knowledge.parse.DocumentParseException;
import kr.mokmin.search.Audience;
import kr.mokmin.search.IndexedChunk;
import kr.mokmin.search.SearchIndex;

/**
 * The knowledge base's documents: ingestion (stage → job → extract → chunk → index → record), re-ingestion,
 * deletion, reading, and the startup repair of the index against the database.
 *
 * <p><b>Re-ingestion rule.</b> An upload replaces an existing document (same id, version + 1) when the client names
 * its id, or when it has the same source URL as an existing document; otherwise it is a new document. Titles are not
 * used to match (two ordinances may share a title across cities; a source URL is unambiguous).
 *
 * <p><b>Consistency between the database and the index.</b> Indexing a version writes the index first
 * ({@link SearchIndex#replaceDocument}, atomic and durable) and then marks the row INDEXED, both while the row is
 * locked; a crash in between leaves the row PENDING and its job resumes. Deleting removes the row first, then the
 * chunks; a crash in between leaves chunks without a row, which {@link #reconcile()} deletes at the next start. A
 * FAILED document has no chunks (a failed re-ingest also removes the previous version's chunks).
 */
public class KnowledgeService {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeService.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Shown when a document was deleted or replaced before its job reached it. */
    private static final String SUPERSEDED = "처리 전에 문서가 삭제되었거나 새 버전으로 대체되었습니다.";

    private final DocumentRepository documents;
    private final JobRepository jobs;
    private final DocumentFiles files;
    private final DocumentPipeline pipeline;
    private final SearchIndex index;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final long maxFileBytes;
    private final DemoDocuments demo;

    public KnowledgeService(DocumentRepository documents, JobRepository jobs, DocumentFiles files,
                            DocumentPipeline pipeline, SearchIndex index, AuditTrail audit, TransactionTemplate tx,
                            Clock clock, long maxFileBytes, DemoDocuments demo) {
        this.documents = documents;
        this.jobs = jobs;
        this.files = files;
        this.pipeline = pipeline;
        this.index = index;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.maxFileBytes = maxFileBytes;
        this.demo = demo;
    }

    public long maxFileBytes() {
        return maxFileBytes;
    }

    // ------------------------------------------------------------------------------------------------ ingestion

    /** Metadata fields as the client sent them (strings, blank = not given); checked by {@link DocumentMetadata}. */
    public record Fields(String kind, String title, String issuer, String effectiveDate, String sourceUrl,
                         String audience) {

        DocumentMetadata parse(String defaultTitle) {
            return DocumentMetadata.parse(kind, title, issuer, effectiveDate, sourceUrl, audience, defaultTitle);
        }
    }

    /** What an ingest request started: its job and the documents it creates or replaces, in file order. */
    public record Accepted(Job job, List<String> documentIds) {
    }

    /**
     * Accepts files for ingestion: streams each to the document store (413 beyond the size limit), checks a single
     * file's format at the door (415 for an unsupported or mislabelled format), records the documents as PENDING
     * with one job, and returns. Extraction and indexing run in the job; a bad file among several fails only its
     * own document there.
     *
     * @param documentId the document to replace (re-ingest), or null
     */
    public Accepted ingest(List<? extends Upload> uploads, Fields fields, String documentId, Actor actor) {
        requireCanIngest(actor);
        if (uploads == null || uploads.isEmpty()) {
            throw MokminException.invalid("올릴 파일(file)이 없습니다.");
        }
        if (uploads.size() > 1 && (documentId != null || blankToNull(fields.sourceUrl()) != null)) {
            throw MokminException.invalid("문서 id나 출처 주소(sourceUrl)는 파일 하나에만 지정할 수 있습니다.");
        }
        fields.parse("(파일 이름)"); // every metadata error before a byte is stored
        List<ContentStore.Staged> staged = new ArrayList<>();
        try {
            List<Incoming> incoming = new ArrayList<>();
            for (Upload upload : uploads) {
                String name = fileName(upload.fileName());
                ContentStore.Staged s;
                try (InputStream in = upload.open()) {
                    s = files.stage(in, maxFileBytes);
                } catch (ContentStore.TooLargeException e) {
                    throw tooLarge(name);
                }
                staged.add(s);
                String mediaType = DocumentFormat.byExtension(name).map(DocumentFormat::mediaType).orElse(null);
                if (uploads.size() == 1) {
                    mediaType = checkAtTheDoor(s, name);
                }
                incoming.add(new Incoming(name, fields.parse(stem(name)), s.sha256(), s.size(), mediaType));
            }
            for (ContentStore.Staged s : staged) {
                s.commit(); // files before rows: a row never points at a missing file
            }
            return accept(incoming, documentId, actor);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            ContentStore.discard(staged);
        }
    }

    /** Accepts text sent as JSON: stored as a UTF-8 text file and ingested like an upload. */
    public Accepted ingestText(String text, Fields fields, String documentId, Actor actor) {
        requireCanIngest(actor);
        DocumentMetadata meta = fields.parse(null);
        if (text == null || text.isBlank()) {
            throw new MokminException(ProblemKind.VALIDATION, "문서 내용(text)을 입력하세요.",
                    Map.of("errors", List.of(Map.of("field", "text", "message", "문서 내용(text)을 입력하세요."))));
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > maxFileBytes) {
            throw tooLarge(meta.title());
        }
        String sha = files.put(bytes);
        return accept(List.of(new Incoming(null, meta, sha, bytes.length, "text/plain")), documentId, actor);
    }

    private record Incoming(String fileName, DocumentMetadata meta, String sha256, long size, String mediaType) {
    }

    private Accepted accept(List<Incoming> incoming, String documentId, Actor actor) {
        Instant now = now();
        String jobId = newId();
        try {
            return tx.execute(status -> {
                jobs.insertJob(jobId, Job.Kind.INGEST, incoming.size(), actor.name(), now);
                List<String> ids = new ArrayList<>();
                int position = 0;
                for (Incoming in : incoming) {
                    String id = documentId != null ? requireExisting(documentId)
                            : in.meta().sourceUrl() == null ? null
                            : documents.idBySourceUrl(in.meta().sourceUrl()).orElse(null);
                    int version;
                    if (id == null) {
                        id = newId();
                        version = 1;
                        documents.insert(new KnowledgeDocument(id, 1, in.meta().kind(), in.meta().title(),
                                in.meta().issuer(), in.meta().effectiveDate(), in.meta().sourceUrl(),
                                in.meta().audience(), in.fileName(), in.mediaType(), in.size(), in.sha256(), null,
                                DocumentStatus.PENDING, null, null, 0, null, null, actor.name(), now, actor.name(),
                                now));
                    } else {
                        documents.lock(id);
                        version = documents.newVersion(id, in.meta(), in.fileName(), in.mediaType(), in.size(),
                                in.sha256(), actor.name(), now);
                    }
                    jobs.insertItem(jobId, position++, in.fileName() != null ? in.fileName() : in.meta().title(), id,
                            version, now);
                    Map<String, Object> detail = new LinkedHashMap<>();
                    detail.put("version", version);
                    detail.put("jobId", jobId);
                    detail.put("title", in.meta().title());
                    detail.put("kind", in.meta().kind().name());
                    detail.put("audience", in.meta().audience().name());
                    detail.put("sha256", in.sha256());
                    detail.put("size", in.size());
                    audit.record(actor.name(), version == 1 ? "document.ingested" : "document.reingested",
                            "document", id, detail);
                    ids.add(id);
                }
                return new Accepted(jobs.find(jobId, true).orElseThrow(), ids);
            });
        } catch (DataIntegrityViolationException e) {
            // two uploads with the same new source URL at once: the unique constraint lets one win
            throw new MokminException(ProblemKind.DUPLICATE,
                    "같은 출처 주소(sourceUrl)의 문서가 동시에 등록되었습니다. 다시 시도하세요.");
        }
    }

    private String requireExisting(String documentId) {
        return documents.find(documentId).map(KnowledgeDocument::id)
                .orElseThrow(() -> MokminException.notFound("문서가 없습니다: " + documentId));
    }

    /**
     * Cheap checks of a single upload before it is accepted: not empty, a format we read, an extension that fits.
     *
     * @return the media type recognised from the content
     */
    private String checkAtTheDoor(ContentStore.Staged staged, String fileName) {
        try {
            DocumentFormat format = pipeline.parsers().detect(staged.file(), fileName);
            var named = DocumentFormat.byExtension(fileName);
            if (pipeline.parsers().limits().refuseExtensionMismatch() && named.isPresent()
                    && !compatible(named.get(), format)) {
                throw new DocumentParseException(DocumentParseException.Reason.EXTENSION_MISMATCH,
                        fileName + " is " + format);
            }
            return format.mediaType();
        } catch (DocumentParseException e) {
            ProblemKind kind = switch (e.reason()) {
                case UNSUPPORTED_FORMAT, EXTENSION_MISMATCH, ENCRYPTED -> ProblemKind.UNSUPPORTED_MEDIA_TYPE;
                case TOO_LARGE -> ProblemKind.PAYLOAD_TOO_LARGE;
                default -> ProblemKind.VALIDATION;
            };
            throw new MokminException(kind, e.reason().korean() + ": " + fileName,
                    Map.of("reason", e.reason().name(), "reasonMessage", e.getMessage()));
        }
    }

    private static boolean compatible(DocumentFormat named, DocumentFormat actual) {
        return named == actual || (named.isText() && actual.isText() && named != DocumentFormat.HTML
                && actual != DocumentFormat.HTML);
    }

    private MokminException tooLarge(String name) {
        return new MokminException(ProblemKind.PAYLOAD_TOO_LARGE,
                "문서 파일이 너무 큽니다 (최대 %dMB): %s".formatted(maxFileBytes / (1024 * 1024), name),
                Map.of("maxSize", maxFileBytes, "reason", DocumentParseException.Reason.TOO_LARGE.name()));
    }

    // ------------------------------------------------------------------------------------------------ the job side

    /**
     * Extracts, chunks and indexes one item of a job, and records its outcome. Never throws for a bad document: the
     * item (and its document) are marked FAILED with a reason code.
     */
    void process(Job job, Job.Item item) {
        if (item.status() != Job.ItemStatus.PENDING) {
            return;
        }
        Job.Item current = item;
        if (job.kind() == Job.Kind.DEMO_LOAD && item.documentId() == null) {
            current = demo.create(job.id(), item);
            if (current == null) {
                return;
            }
        }
        String id = current.documentId();
        int version = current.documentVersion();
        Optional<KnowledgeDocument> found = documents.find(id).filter(d -> d.version() == version);
        if (found.isEmpty()) {
            tx.executeWithoutResult(s -> jobs.finishItem(job.id(), item.position(), Job.ItemStatus.SKIPPED, null,
                    SUPERSEDED, now()));
            return;
        }
        KnowledgeDocument doc = found.get();
        Optional<Path> original = files.find(doc.sha256());
        if (original.isEmpty()) {
            fail(job.id(), item.position(), doc, IngestFailure.FILE_MISSING.name(), IngestFailure.FILE_MISSING.korean());
            return;
        }
        Extraction extraction;
        List<IndexedChunk> chunks;
        String extractSha;
        try {
            extraction = pipeline.extract(original.get(), doc.fileName());
            chunks = pipeline.chunks(id, version, doc.metadata(), extraction);
            extractSha = files.putExtraction(extraction);
        } catch (DocumentParseException e) {
            fail(job.id(), item.position(), doc, e.reason().name(), e.getMessage());
            return;
        } catch (DocumentPipeline.IndexingException e) {
            fail(job.id(), item.position(), doc, e.failure().name(),
                    e.failure().korean() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            return;
        }
        String mediaType = DocumentFormat.valueOf(extraction.format()).mediaType();
        boolean indexed = Boolean.TRUE.equals(tx.execute(s -> {
            if (documents.lock(id).filter(d -> d.version() == version).isEmpty()) {
                jobs.finishItem(job.id(), item.position(), Job.ItemStatus.SKIPPED, null, SUPERSEDED, now());
                return false;
            }
            index.replaceDocument(id, chunks); // index first, row second (see the class comment)
            documents.markIndexed(id, version, mediaType, extractSha, chunks.size(), extraction.pageCount(),
                    extraction.text().length(), now());
            jobs.finishItem(job.id(), item.position(), Job.ItemStatus.INDEXED, null,
                    extraction.warnings().isEmpty() ? null : String.join("; ", extraction.warnings()), now());
            audit.record("system", "document.indexed", "document", id,
                    Map.of("version", version, "chunks", chunks.size(), "jobId", job.id()));
            return true;
        }));
        if (indexed) {
            log.debug("Indexed document {} v{}: {} chunks", id, version, chunks.size());
        }
    }

    /** Records an item's failure that is not the document's fault (e.g. a bug), so the job can go on. */
    void failUnexpectedly(Job job, Job.Item item, RuntimeException e) {
        log.error("Unexpected failure ingesting item {} of job {}", item.position(), job.id(), e);
        Optional<KnowledgeDocument> doc = item.documentId() == null ? Optional.empty()
                : documents.find(item.documentId()).filter(d -> d.version() == item.documentVersion());
        String message = IngestFailure.INTERNAL.korean() + ": " + e;
        if (doc.isPresent()) {
            fail(job.id(), item.position(), doc.get(), IngestFailure.INTERNAL.name(), message);
        } else {
            tx.executeWithoutResult(s -> jobs.finishItem(job.id(), item.position(), Job.ItemStatus.FAILED,
                    IngestFailure.INTERNAL.name(), message, now()));
        }
    }

    private void fail(String jobId, int position, KnowledgeDocument doc, String reason, String message) {
        tx.executeWithoutResult(s -> {
            if (documents.lock(doc.id()).filter(d -> d.version() == doc.version()).isEmpty()) {
                jobs.finishItem(jobId, position, Job.ItemStatus.SKIPPED, null, SUPERSEDED, now());
                return;
            }
            index.deleteDocument(doc.id()); // a FAILED document has no chunks, not even the previous version's
            documents.markFailed(doc.id(), doc.version(), reason, message, now());
            jobs.finishItem(jobId, position, Job.ItemStatus.FAILED, reason, message, now());
            audit.record("system", "document.failed", "document", doc.id(),
                    Map.of("version", doc.version(), "reason", reason, "jobId", jobId));
        });
    }

    // ------------------------------------------------------------------------------------------------ reading

    public Optional<Job> job(String id) {
        return jobs.find(id, true);
    }

    public List<Job> recentJobs(int limit) {
        return jobs.recent(limit);
    }

    /** A document the actor may see: staff see all, citizens only PUBLIC indexed ones; anything else is 404. */
    public KnowledgeDocument get(String id, Actor actor) {
        return documents.find(id).filter(d -> visible(d, actor))
                .orElseThrow(() -> MokminException.notFound("문서가 없습니다: " + id));
    }

    public record Page(List<KnowledgeDocument> items, long total) {
    }

    /** Documents matching the query that the actor may see, most recently changed first. */
    public Page list(DocumentQuery query, Actor actor) {
        DocumentQuery q = query;
        if (!actor.isStaff()) {
            if (query.audience() == Audience.INTERNAL
                    || (query.status() != null && query.status() != DocumentStatus.INDEXED)) {
                return new Page(List.of(), 0);
            }
            q = query.withAudience(Audience.PUBLIC).withStatus(DocumentStatus.INDEXED);
        }
        return new Page(documents.find(q), documents.count(q));
    }

    private static boolean visible(KnowledgeDocument d, Actor actor) {
        return actor.isStaff() || (d.audience() == Audience.PUBLIC && d.status() == DocumentStatus.INDEXED);
    }

    /** A document's extracted text and layout, if it was extracted. */
    public Optional<Extraction> extraction(KnowledgeDocument doc) {
        return files.extraction(doc.extractSha256());
    }

    /** The passage of a document that starts at (or else contains) an offset, as the search cites it. */
    public record Passage(int start, int end, String locator) {
    }

    /**
     * The chunk that starts at {@code offset}, else the one containing it, else 300 characters from it: the same
     * chunking as at indexing, so a search hit's {@code startOffset} finds its passage.
     */
    public Optional<Passage> passageAt(KnowledgeDocument doc, Extraction extraction, int offset) {
        if (offset < 0 || offset >= extraction.text().length()) {
            return Optional.empty();
        }
        List<Chunk> chunks = pipeline.chunker().chunk(extraction.chunkSource(doc.kind()));
        Chunk containing = null;
        for (Chunk c : chunks) {
            if (c.startOffset() == offset) {
                return Optional.of(new Passage(c.startOffset(), c.endOffset(), c.locator()));
            }
            if (containing == null && c.startOffset() <= offset && offset < c.endOffset()) {
                containing = c;
            }
        }
        if (containing != null) {
            return Optional.of(new Passage(offset, containing.endOffset(), containing.locator()));
        }
        return Optional.of(new Passage(offset, Math.min(extraction.text().length(), offset + 300), ""));
    }

    /** The stored original file of a document. */
    public Optional<Path> original(KnowledgeDocument doc) {
        return files.find(doc.sha256());
    }

    // ------------------------------------------------------------------------------------------------ deletion

    /** Deletes a document: its row (with an audit record), then its chunks. Its files stay (content may be shared). */
    public void delete(String id, Actor actor) {
        requireCanIngest(actor);
        tx.executeWithoutResult(s -> {
            KnowledgeDocument doc = documents.lock(id)
                    .orElseThrow(() -> MokminException.notFound("문서가 없습니다: " + id));
            documents.delete(id);
            audit.record(actor.name(), "document.deleted", "document", id,
                    Map.of("version", doc.version(), "title", doc.title()));
        });
        index.deleteDocument(id);
    }

    // ------------------------------------------------------------------------------------------------ repair

    /** What {@link #reconcile()} repaired. */
    public record Reconciliation(int orphansDeleted, int reindexed, int failed, boolean skipped) {
    }

    /**
     * Brings the index in line with the database after a crash: chunks of documents that have no row or are FAILED
     * are deleted; INDEXED documents without chunks are indexed again from their stored extraction (PENDING ones are
     * left to their resumed job).
     */
    public Reconciliation reconcile() {
        Map<String, Integer> inIndex;
        try {
            inIndex = index.chunkCountsByDocument();
        } catch (UnsupportedOperationException e) {
            log.info("Index/database reconciliation skipped: {}", e.getMessage());
            return new Reconciliation(0, 0, 0, true);
        }
        Map<String, DocumentRepository.Summary> rows = new LinkedHashMap<>();
        for (DocumentRepository.Summary s : documents.summaries()) {
            rows.put(s.id(), s);
        }
        int orphans = 0;
        for (String id : Set.copyOf(inIndex.keySet())) {
            DocumentRepository.Summary row = rows.get(id);
            if (row == null || row.status() == DocumentStatus.FAILED) {
                // re-read under the row lock: a document created or re-ingested meanwhile is not an orphan
                boolean deleted = Boolean.TRUE.equals(tx.execute(s -> {
                    var now = documents.lock(id);
                    if (now.isPresent() && now.get().status() != DocumentStatus.FAILED) {
                        return false;
                    }
                    index.deleteDocument(id);
                    return true;
                }));
                if (deleted) {
                    orphans++;
                }
            }
        }
        int reindexed = 0;
        int failed = 0;
        for (DocumentRepository.Summary row : rows.values()) {
            if (row.status() == DocumentStatus.INDEXED && row.chunkCount() > 0 && !inIndex.containsKey(row.id())) {
                if (reindex(row.id(), row.version())) {
                    reindexed++;
                } else {
                    failed++;
                }
            }
        }
        if (orphans + reindexed + failed > 0) {
            log.warn("Index repaired against the database: {} orphaned document(s) removed, {} re-indexed, {} failed",
                    orphans, reindexed, failed);
        }
        return new Reconciliation(orphans, reindexed, failed, false);
    }

    /** Indexes an INDEXED document again from its stored extraction (no parsing). */
    private boolean reindex(String id, int version) {
        KnowledgeDocument doc = documents.find(id).filter(d -> d.version() == version).orElse(null);
        if (doc == null) {
            return true;
        }
        Optional<Extraction> extraction = files.extraction(doc.extractSha256());
        if (extraction.isEmpty()) {
            markFailedDirectly(doc, IngestFailure.FILE_MISSING.name(), "추출된 본문 파일이 없습니다.");
            return false;
        }
        List<IndexedChunk> chunks;
        try {
            chunks = pipeline.chunks(id, version, doc.metadata(), extraction.get());
        } catch (DocumentPipeline.IndexingException e) {
            markFailedDirectly(doc, e.failure().name(), e.failure().korean());
            return false;
        }
        return Boolean.TRUE.equals(tx.execute(s -> {
            if (documents.lock(id).filter(d -> d.version() == version && d.status() == DocumentStatus.INDEXED)
                    .isEmpty()) {
                return true;
            }
            index.replaceDocument(id, chunks);
            return true;
        }));
    }

    private void markFailedDirectly(KnowledgeDocument doc, String reason, String message) {
        tx.executeWithoutResult(s -> {
            documents.markFailed(doc.id(), doc.version(), reason, message, now());
            audit.record("system", "document.failed", "document", doc.id(),
                    Map.of("version", doc.version(), "reason", reason));
        });
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** Ingest and delete: administrators and department heads. */
    public static boolean canIngest(Actor actor) {
        return actor != null && (actor.role() == Role.ADMIN || actor.role() == Role.DEPT_HEAD);
    }

    private static void requireCanIngest(Actor actor) {
        if (!canIngest(actor)) {
            throw MokminException.forbidden("문서 등록·삭제는 관리자와 부서장만 할 수 있습니다.");
        }
    }

    Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }

    static String newId() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    DocumentRepository documents() {
        return documents;
    }

    JobRepository jobs() {
        return jobs;
    }

    DocumentFiles files() {
        return files;
    }

    TransactionTemplate tx() {
        return tx;
    }

    /** The uploaded name without any directory part, at most 255 characters; "upload" when none was given. */
    static String fileName(String raw) {
        if (raw == null || raw.isBlank()) {
            return "upload";
        }
        String n = raw.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).strip();
        n = n.replaceAll("\\p{Cntrl}", "");
        if (n.isEmpty()) {
            return "upload";
        }
        return n.length() <= 255 ? n : n.substring(n.length() - 255);
    }

    /** A file name without its extension: the default title. */
    static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String s = dot > 0 ? fileName.substring(0, dot) : fileName;
        return s.replace('_', ' ').strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
