package kr.mokmin.complaint.attachment;

import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The one way attachments are served (also for staff pages): always as a download, never rendered by the browser
 * in the site's origin.
 */
public final class AttachmentDownloads {

    private AttachmentDownloads() {
    }

    /** The body's length (and ranges, if requested) are filled in from the resource by Spring MVC. */
    public static ResponseEntity<Resource> response(AttachmentInfo attachment, Resource body) {
        return ResponseEntity.ok().headers(headers(attachment)).body(body);
    }

    /**
     * Content-Disposition attachment (UTF-8 name per RFC 8187), a content type that is never HTML, SVG, XML or
     * script, nosniff, a sandboxing CSP, and no caching of personal data.
     */
    public static HttpHeaders headers(AttachmentInfo attachment) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.parseMediaType(AttachmentTypes.servedType(attachment.contentType())));
        h.set(HttpHeaders.CONTENT_DISPOSITION, FileNames.contentDisposition(attachment.fileName()));
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Content-Security-Policy", "sandbox");
        h.set("X-Download-Options", "noopen");
        h.setCacheControl("private, no-store");
        return h;
    }
}
