package kr.mokmin.complaint;

import java.time.Instant;

/**
 * A 민원 as stored. Contact data is visible to staff only; citizen-facing views drop it.
 *
 * @param type           null until triage (or an officer) sets it
 * @param departmentCode null until triage (or an officer) assigns it
 */
public record Complaint(
        long id,
        String receiptNo,
        String title,
        String body,
        Channel channel,
        Contact contact,
        Location location,
        String serviceCode,
        ComplaintType type,
        boolean lawInquiry,
        String departmentCode,
        ComplaintStatus status,
        Instant receivedAt,
        Instant dueAt,
        Instant updatedAt,
        String answer,
        String rejectReason,
        int rowVersion) {

    public record Contact(String name, String phone, String email) {
        public static final Contact NONE = new Contact(null, null, null);
    }

    public record Location(String address, Double latitude, Double longitude) {
        public static final Location NONE = new Location(null, null, null);
    }

    public boolean isOverdue(Instant now) {
        return status.isOpen() && dueAt.isBefore(now);
    }
}
