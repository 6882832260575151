package kr.mokmin.complaint.attachment;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import kr.mokmin.MokminProperties;
import kr.mokmin.account.Actor;
import kr.mokmin.account.CurrentActor;
import kr.mokmin.common.MultipartUpload;
import kr.mokmin.common.Upload;
import kr.mokmin.complaint.Complaint;

/**
 * Attachments of one complaint under /api/v1/complaints/{receiptNo}/attachments. The security chain lets everyone
 * through; access is decided here: staff who can see the complaint, or the citizen token in
 * {@value #CITIZEN_TOKEN_HEADER}. Anyone else gets 404.
 */
@RestController
@RequestMapping("/api/v1/complaints/{receiptNo}/attachments")
public class AttachmentController {

    public static final String CITIZEN_TOKEN_HEADER = "X-Citizen-Token";

    private final AttachmentService attachments;
    private final ZoneId zone;

    public AttachmentController(AttachmentService attachments, MokminProperties properties) {
        this.attachments = attachments;
        this.zone = ZoneId.of(properties.timeZone());
    }

    /** An attachment as the API shows it. {@code contentType} is what the content was sniffed as. */
    public record AttachmentView(long id, String fileName, String contentType, long size, String sha256,
                                 OffsetDateTime createdAt) {
    }

    /** Uploads one or more files (multipart parts named {@code file}); all are stored or none. */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<List<AttachmentView>> upload(
            @PathVariable String receiptNo,
            @RequestParam(name = "file", required = false) List<MultipartFile> files,
            @RequestHeader(name = CITIZEN_TOKEN_HEADER, required = false) String citizenToken) {
        Actor actor = CurrentActor.get();
        Complaint complaint = attachments.requireAccess(receiptNo, actor, citizenToken);
        List<Upload> uploads = files == null ? List.of()
                : files.stream().<Upload>map(MultipartUpload::new).toList();
        var saved = attachments.upload(complaint, uploads, actor);
        return ResponseEntity.status(HttpStatus.CREATED).body(saved.stream().map(this::view).toList());
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public List<AttachmentView> list(@PathVariable String receiptNo,
                                     @RequestHeader(name = CITIZEN_TOKEN_HEADER, required = false) String citizenToken) {
        Complaint complaint = attachments.requireAccess(receiptNo, CurrentActor.get(), citizenToken);
        return attachments.attachmentsOf(complaint.id()).stream().map(this::view).toList();
    }

    @GetMapping("/{id}")
    public ResponseEntity<Resource> download(@PathVariable String receiptNo, @PathVariable long id,
                                             @RequestHeader(name = CITIZEN_TOKEN_HEADER, required = false)
                                             String citizenToken) {
        var opened = attachments.open(receiptNo, id, CurrentActor.get(), citizenToken);
        return AttachmentDownloads.response(opened.attachment(), new FileSystemResource(opened.content()));
    }

    private AttachmentView view(AttachmentInfo a) {
        return new AttachmentView(a.id(), a.fileName(), a.contentType(), a.size(), a.sha256(),
                a.createdAt().atZone(zone).toOffsetDateTime());
    }

}
