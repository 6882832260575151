package kr.mokmin.knowledge;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import kr.mokmin.account.Actor;
import kr.mokmin.account.CurrentActor;
import kr.mokmin.common.MokminException;
import kr.mokmin.common.MultipartUpload;
import kr.mokmin.common.Upload;
import kr.mokmin.search.Audience;
import kr.mokmin.search.DocumentKind;

/**
 * The knowledge base's documents under /api/v1/documents. Ingest and delete: ADMIN and DEPT_HEAD. Read: staff see
 * every document, anyone else only PUBLIC documents that are indexed. Uploads reach this controller through the
 * document-upload servlet, whose multipart limit is {@code mokmin.knowledge.max-file-size}.
 */
@RestController
@RequestMapping("/api/v1/documents")
class DocumentController {

    private final KnowledgeService knowledge;
    private final JobRunner runner;

    DocumentController(KnowledgeService knowledge, JobRunner runner) {
        this.knowledge = knowledge;
        this.runner = runner;
    }

    /** A document as the API shows it; who uploaded it is left out for citizens. */
    record DocumentView(String id, int version, DocumentKind kind, String title, String issuer,
                        LocalDate effectiveDate, String sourceUrl, Audience audience, String fileName,
                        String mediaType, long size, String sha256, DocumentStatus status, Failure failure,
                        int chunkCount, Integer pageCount, Integer textChars, String createdBy, Instant createdAt,
                        String updatedBy, Instant updatedAt, String viewUrl) {

        record Failure(String reason, String message) {
        }

        static DocumentView of(KnowledgeDocument d, Actor actor) {
            boolean staff = actor.isStaff();
            return new DocumentView(d.id(), d.version(), d.kind(), d.title(), d.issuer(), d.effectiveDate(),
                    d.sourceUrl(), d.audience(), d.fileName(), d.mediaType(), d.sizeBytes(), d.sha256(), d.status(),
                    d.failureReason() == null ? null : new Failure(d.failureReason(), d.failureMessage()),
                    d.chunkCount(), d.pageCount(), d.textChars(), staff ? d.createdBy() : null, d.createdAt(),
                    staff ? d.updatedBy() : null, d.updatedAt(), staff ? "/staff/documents/" + d.id() : null);
        }
    }

    /** 202 Accepted: the job that will index the documents, and their ids. */
    record AcceptedView(String jobId, List<String> documentIds, String jobUrl, Job job) {
        static AcceptedView of(KnowledgeService.Accepted a) {
            return new AcceptedView(a.job().id(), a.documentIds(), "/api/v1/jobs/" + a.job().id(), a.job());
        }
    }

    /**
     * Uploads one or more files (parts named {@code file}) with shared metadata. {@code id} (one file only) names
     * a document to replace; so does a {@code sourceUrl} an existing document has.
     */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AcceptedView> upload(@RequestParam(name = "file", required = false) List<MultipartFile> files,
                                        @RequestParam(required = false) String id,
                                        @RequestParam(required = false) String kind,
                                        @RequestParam(required = false) String title,
                                        @RequestParam(required = false) String issuer,
                                        @RequestParam(required = false) String effectiveDate,
                                        @RequestParam(required = false) String sourceUrl,
                                        @RequestParam(required = false) String audience) {
        runner.requireRoom();
        List<Upload> uploads = files == null ? List.of()
                : files.stream().<Upload>map(MultipartUpload::new).toList();
        var accepted = knowledge.ingest(uploads,
                new KnowledgeService.Fields(kind, title, issuer, effectiveDate, sourceUrl, audience),
                blankToNull(id), CurrentActor.get());
        return accepted(accepted);
    }

    /** Text given directly. Unknown fields are refused like everywhere in the API. */
    record TextDocument(String id, String title, String text, String kind, String issuer, String effectiveDate,
                        String sourceUrl, String audience) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AcceptedView> text(@RequestBody TextDocument body) {
        runner.requireRoom();
        var accepted = knowledge.ingestText(body.text(), new KnowledgeService.Fields(body.kind(), body.title(),
                body.issuer(), body.effectiveDate(), body.sourceUrl(), body.audience()), blankToNull(body.id()),
                CurrentActor.get());
        return accepted(accepted);
    }

    private ResponseEntity<AcceptedView> accepted(KnowledgeService.Accepted accepted) {
        runner.submit(accepted.job().id());
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/v1/jobs/" + accepted.job().id()))
                .body(AcceptedView.of(accepted));
    }

    @GetMapping(value = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    DocumentView get(@PathVariable String id) {
        Actor actor = CurrentActor.get();
        return DocumentView.of(knowledge.get(id, actor), actor);
    }

    record ListView(List<DocumentView> items, long total, int limit, int offset) {
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    ListView list(@RequestParam(required = false) String kind, @RequestParam(required = false) String issuer,
                  @RequestParam(required = false) String audience, @RequestParam(required = false) String status,
                  @RequestParam(required = false) String q, @RequestParam(defaultValue = "20") int limit,
                  @RequestParam(defaultValue = "0") int offset) {
        if (limit < 1 || limit > DocumentQuery.MAX_LIMIT || offset < 0) {
            throw MokminException.invalid("limit은 1~%d, offset은 0 이상이어야 합니다.".formatted(DocumentQuery.MAX_LIMIT));
        }
        Actor actor = CurrentActor.get();
        var page = knowledge.list(new DocumentQuery(parse(DocumentKind.class, kind, "문서 종류"), blankToNull(issuer),
                parse(Audience.class, audience, "공개 범위"), parse(DocumentStatus.class, status, "상태"),
                blankToNull(q), limit, offset), actor);
        return new ListView(page.items().stream().map(d -> DocumentView.of(d, actor)).toList(), page.total(), limit,
                offset);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        knowledge.delete(id, CurrentActor.get());
        return ResponseEntity.noContent().build();
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, String what) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw MokminException.invalid("알 수 없는 " + what + "입니다: " + value);
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
