package kr.mokmin.complaint;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/** JSON shapes of complaints. Times are given in the city's zone (+09:00). */
public final class ComplaintViews {

    private ComplaintViews() {
    }

    public record Contact(String name, String phone, String email) {
    }

    public record Location(String address, Double latitude, Double longitude) {
    }

    public record CreateRequest(String title, String body, String serviceCode, Contact contact, Location location) {
    }

    public record LookupRequest(String receiptNo, String phone) {
    }

    public record TransitionBody(ComplaintStatus to, String departmentCode, ComplaintType type, Boolean lawInquiry,
                                 String reason, String answer, String note) {
        TransitionRequest toRequest() {
            return new TransitionRequest(to, departmentCode, type, lawInquiry, reason, answer, note);
        }
    }

    public record IntakeResponse(String receiptNo, ComplaintStatus status, OffsetDateTime receivedAt,
                                 OffsetDateTime dueAt, String citizenToken) {
    }

    public record HistoryEntry(ComplaintStatus from, ComplaintStatus to, String toLabel, String departmentCode,
                               String actor, String note, OffsetDateTime changedAt) {
    }

    public record StaffView(String receiptNo, String title, String body, Channel channel, Contact contact,
                            Location location, String serviceCode, String serviceName, ComplaintType type,
                            String typeLabel, boolean lawInquiry, String departmentCode, String departmentName,
                            ComplaintStatus status, String statusLabel, OffsetDateTime receivedAt,
                            OffsetDateTime dueAt, boolean overdue, OffsetDateTime updatedAt, String answer,
                            String rejectReason, List<ComplaintStatus> allowedTransitions,
                            List<HistoryEntry> history) {
    }

    public record CitizenHistoryEntry(ComplaintStatus status, String statusLabel, OffsetDateTime changedAt) {
    }

    /** What a citizen sees: no contact data, no staff names, no internal notes. */
    public record CitizenView(String receiptNo, String title, ComplaintStatus status, String statusLabel,
                              String departmentName, OffsetDateTime receivedAt, OffsetDateTime dueAt, String answer,
                              String rejectReason, List<CitizenHistoryEntry> history) {
    }

    public record ListItem(String receiptNo, String title, ComplaintType type, String departmentCode,
                           String departmentName, ComplaintStatus status, String statusLabel, Channel channel,
                           OffsetDateTime receivedAt, OffsetDateTime dueAt, boolean overdue) {
    }

    public record ListResponse(List<ListItem> items, long total, int limit, int offset) {
    }

    /** Maps domain records to views for one zone and taxonomy. */
    public record Mapper(ZoneId zone, Taxonomy taxonomy, Instant now) {

        public OffsetDateTime time(Instant i) {
            return i == null ? null : i.atZone(zone).toOffsetDateTime();
        }

        public StaffView staff(Complaint c, List<StatusChange> history) {
            return new StaffView(c.receiptNo(), c.title(), c.body(), c.channel(),
                    new Contact(c.contact().name(), c.contact().phone(), c.contact().email()),
                    new Location(c.location().address(), c.location().latitude(), c.location().longitude()),
                    c.serviceCode(), c.serviceCode() == null ? null
                    : taxonomy.service(c.serviceCode()).map(Taxonomy.ServiceDefinition::name).orElse(null),
                    c.type(), c.type() == null ? null : c.type().label(), c.lawInquiry(), c.departmentCode(),
                    taxonomy.departmentName(c.departmentCode()), c.status(), c.status().label(), time(c.receivedAt()),
                    time(c.dueAt()), c.isOverdue(now), time(c.updatedAt()), c.answer(), c.rejectReason(),
                    ComplaintLifecycle.allowedNext(c.status()).stream().sorted().toList(),
                    history.stream().map(h -> new HistoryEntry(h.from(), h.to(), h.to().label(), h.departmentCode(),
                            h.actor(), h.note(), time(h.changedAt()))).toList());
        }

        public CitizenView citizen(Complaint c, List<StatusChange> history) {
            return new CitizenView(c.receiptNo(), c.title(), c.status(), c.status().label(),
                    taxonomy.departmentName(c.departmentCode()), time(c.receivedAt()), time(c.dueAt()), c.answer(),
                    c.rejectReason(), history.stream()
                    .map(h -> new CitizenHistoryEntry(h.to(), h.to().label(), time(h.changedAt()))).toList());
        }

        public ListItem item(Complaint c) {
            return new ListItem(c.receiptNo(), c.title(), c.type(), c.departmentCode(),
                    taxonomy.departmentName(c.departmentCode()), c.status(), c.status().label(), c.channel(),
                    time(c.receivedAt()), time(c.dueAt()), c.isOverdue(now));
        }
    }
}
