package kr.mokmin.complaint.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import kr.mokmin.MokminProperties;
import kr.mokmin.account.Actor;
import kr.mokmin.audit.AuditTrail;
import kr.mokmin.common.ContentStore;
import kr.mokmin.common.Upload;
import kr.mokmin.common.MokminException;
import kr.mokmin.common.ProblemKind;
import kr.mokmin.complaint.Complaint;
import kr.mokmin.complaint.ComplaintService;

/**
 * Attachments of complaints: access rules, upload checks (size, sniffed type, count), metadata and audit. The
 * bytes live in the {@link ContentStore}.
 */
@Service
public class AttachmentService {

    private final AttachmentRepository repository;
    private final ContentStore store;
    private final ContentSniffer sniffer;
    private final AttachmentTypes types;
    private final ComplaintService complaints;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final long maxBytes;
    private final int maxPerComplaint;

    public AttachmentService(AttachmentRepository repository, ContentStore store, ContentSniffer sniffer,
                             AttachmentTypes types, ComplaintService complaints, AuditTrail audit,
                             TransactionTemplate tx, Clock clock, MokminProperties properties) {
        this.repository = repository;
        this.store = store;
        this.sniffer = sniffer;
        this.types = types;
        this.complaints = complaints;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.maxBytes = properties.attachments().maxSize().toBytes();
        this.maxPerComplaint = properties.attachments().maxPerComplaint();
    }

    /**
     * The complaint, if the caller may use its attachments: staff who can see the complaint, or whoever presents
     * the complaint's citizen token. Anyone else gets the same 404 as for a complaint that does not exist.
     */
    public Complaint requireAccess(String receiptNo, Actor actor, String citizenToken) {
        Complaint c = complaints.find(receiptNo);
        boolean staff = actor != null && complaints.isVisible(c, actor);
        if (!staff && !(citizenToken != null && complaints.isCitizenTokenValid(c.receiptNo(), citizenToken))) {
            throw MokminException.notFound("접수번호 " + receiptNo + "의 민원이 없습니다.");
        }
        return c;
    }

    /** The attachments of a complaint, oldest first. For other modules; does no access check. */
    public List<AttachmentInfo> attachmentsOf(long complaintId) {
        return repository.list(complaintId);
    }

    /**
     * Stores files for a complaint, all or nothing: every file is streamed to a temporary file and checked (size,
     * not empty, sniffed type) before any is published or recorded.
     */
    public List<AttachmentInfo> upload(Complaint complaint, List<? extends Upload> uploads, Actor actor) {
        if (uploads == null || uploads.isEmpty()) {
            throw MokminException.invalid("첨부할 파일(file)이 없습니다.");
        }
        requireRoom(repository.count(complaint.id()), uploads.size());
        record Checked(ContentStore.Staged staged, String fileName, String contentType) {
        }
        List<ContentStore.Staged> temporary = new ArrayList<>();
        try {
            List<Checked> checked = new ArrayList<>();
            for (Upload upload : uploads) {
                String name = FileNames.sanitize(upload.fileName());
                ContentStore.Staged staged;
                try (InputStream in = upload.open()) {
                    staged = store.stage(in, maxBytes);
                } catch (ContentStore.TooLargeException e) {
                    throw new MokminException(ProblemKind.PAYLOAD_TOO_LARGE,
                            "첨부파일이 너무 큽니다 (파일당 최대 %s): %s".formatted(human(maxBytes), name),
                            Map.of("maxSize", maxBytes));
                }
                temporary.add(staged);
                if (staged.size() == 0) {
                    throw MokminException.invalid("빈 파일은 첨부할 수 없습니다: " + name);
                }
                ContentSniffer.Sniffed sniffed = sniffer.sniff(staged.file(), staged.head(), name);
                if (sniffed.macros()) {
                    throw new MokminException(ProblemKind.UNSUPPORTED_MEDIA_TYPE,
                            "매크로가 포함된 문서는 첨부할 수 없습니다: " + name,
                            Map.of("detectedType", sniffed.mediaType()));
                }
                String type = sniffed.mediaType();
                if (!types.isAllowed(type) && sniffed.plainText() && types.isAllowed("text/plain")) {
                    // Plain text that only its name calls a script or log (run.bat, memo.log): kept as text, and
                    // offered for download as .txt below, never under a name Windows would execute.
                    type = "text/plain";
                }
                if (!types.isAllowed(type)) {
                    throw new MokminException(ProblemKind.UNSUPPORTED_MEDIA_TYPE,
                            "첨부할 수 없는 파일 형식입니다 (%s): %s".formatted(type, name),
                            Map.of("detectedType", type, "allowedTypes", types.allowed()));
                }
                checked.add(new Checked(staged, AttachmentTypes.withFittingExtension(name, type), type));
            }
            // Files first, rows second: a row never points at a missing file. A failure in between leaves at most
            // an unreferenced file, which is harmless.
            for (Checked c : checked) {
                c.staged().commit();
            }
            Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
            return tx.execute(status -> {
                repository.lockComplaint(complaint.id());
                requireRoom(repository.count(complaint.id()), checked.size());
                List<AttachmentInfo> saved = new ArrayList<>();
                for (Checked c : checked) {
                    var s = c.staged();
                    long id = repository.insert(complaint.id(), s.sha256(), c.fileName(), c.contentType(), s.size(),
                            actor.name(), now);
                    Map<String, Object> detail = new LinkedHashMap<>();
                    detail.put("attachmentId", id);
                    detail.put("contentType", c.contentType());
                    detail.put("size", s.size());
                    detail.put("sha256", s.sha256());
                    audit.record(actor.name(), "attachment.added", "complaint", complaint.receiptNo(), detail);
                    saved.add(new AttachmentInfo(id, complaint.id(), c.fileName(), c.contentType(), s.size(),
                            s.sha256(), actor.name(), now));
                }
                return saved;
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            ContentStore.discard(temporary);
        }
    }

    /** An attachment the actor may download, with its stored file. */
    public record Opened(AttachmentInfo attachment, Path content) {
    }

    /** Checks access, finds the file and records the download in the audit trail. */
    public Opened open(String receiptNo, long attachmentId, Actor actor, String citizenToken) {
        Complaint complaint = requireAccess(receiptNo, actor, citizenToken);
        AttachmentInfo attachment = find(complaint, attachmentId);
        Path content = content(attachment);
        recordDownload(complaint, attachment, actor);
        return new Opened(attachment, content);
    }

    /** One attachment of this complaint, or 404. */
    public AttachmentInfo find(Complaint complaint, long attachmentId) {
        return repository.find(complaint.id(), attachmentId)
                .orElseThrow(() -> MokminException.notFound("첨부파일이 없습니다: " + attachmentId));
    }

    /** The stored file. A missing file is an operations problem (lost data directory), not a client error. */
    public Path content(AttachmentInfo attachment) {
        return store.find(attachment.sha256()).orElseThrow(() -> new IllegalStateException(
                "attachment " + attachment.id() + " has no stored file " + attachment.sha256()));
    }

    /** Audit record of a download: who looked at which (personal) document. */
    public void recordDownload(Complaint complaint, AttachmentInfo attachment, Actor actor) {
        audit.record(actor.name(), "attachment.downloaded", "complaint", complaint.receiptNo(),
                Map.of("attachmentId", attachment.id()));
    }

    private void requireRoom(int existing, int adding) {
        if (existing + adding > maxPerComplaint) {
            throw new MokminException(ProblemKind.VALIDATION,
                    "민원 한 건에 첨부파일은 최대 %d개까지입니다 (현재 %d개).".formatted(maxPerComplaint, existing),
                    Map.of("maxAttachments", maxPerComplaint, "attachments", existing));
        }
    }

    static String human(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + "MB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + "KB";
        }
        return bytes + "바이트";
    }
}
