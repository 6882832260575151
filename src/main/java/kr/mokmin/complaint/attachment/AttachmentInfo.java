package kr.mokmin.complaint.attachment;

import java.time.Instant;

/**
 * One stored attachment of a complaint, for other modules (e.g. the staff detail page).
 *
 * @param fileName    the sanitised original name, with an extension that fits the content
 * @param contentType the media type sniffed from the content at upload
 * @param uploadedBy  staff username, or "citizen"
 */
public record AttachmentInfo(long id, long complaintId, String fileName, String contentType, long size,
                             String sha256, String uploadedBy, Instant createdAt) {
}
