package kr.mokmin.complaint.open311;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import kr.mokmin.complaint.ComplaintStatus;

/**
 * Read side of Open311: the public fields of complaints, filtered the way GET requests needs (receipt numbers,
 * service codes, received-at window, statuses). It deliberately never selects the contact columns, so personal
 * contact data cannot reach an Open311 response. Read-only; all writes go through ComplaintService.
 *
 * <p>ComplaintService.list is for staff (department-scoped, ordered by due date, no date or service filter),
 * hence this small query of its own.
 */
@Repository
class Open311RequestStore {

    /** GeoReport v2: "first 1000 requests returned". */
    static final int MAX_RESULTS = 1000;

    private static final String COLUMNS = """
            receipt_no, body, service_code, department_code, status, received_at, due_at, updated_at, address,
            latitude, longitude, reject_reason""";

    /** What Open311 may show of a complaint. There is no contact field on purpose. */
    record PublicRequest(String receiptNo, String body, String serviceCode, String departmentCode,
                         ComplaintStatus status, Instant receivedAt, Instant dueAt, Instant updatedAt,
                         String address, Double latitude, Double longitude, String rejectReason) {
    }

    /**
     * @param receivedFrom  inclusive
     * @param receivedUntil exclusive
     * @param serviceCodes  empty for all
     * @param statuses      empty for all
     */
    record Filter(Instant receivedFrom, Instant receivedUntil, Set<String> serviceCodes,
                  Set<ComplaintStatus> statuses) {
    }

    private final JdbcClient jdbc;

    Open311RequestStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The given receipt numbers that exist (at most {@link #MAX_RESULTS}), in no particular order. */
    List<PublicRequest> byReceiptNumbers(Collection<String> receiptNos) {
        if (receiptNos.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>(receiptNos);
        String marks = marks(receiptNos.size());
        params.add(MAX_RESULTS);
        return jdbc.sql("SELECT " + COLUMNS + " FROM complaint WHERE receipt_no IN (" + marks + ") LIMIT ?")
                .params(params).query(Open311RequestStore::map).list();
    }

    /** Newest first, at most {@link #MAX_RESULTS}. */
    List<PublicRequest> find(Filter filter) {
        List<String> clauses = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        clauses.add("received_at >= ?");
        params.add(utc(filter.receivedFrom()));
        clauses.add("received_at < ?");
        params.add(utc(filter.receivedUntil()));
        if (!filter.serviceCodes().isEmpty()) {
            clauses.add("service_code IN (" + marks(filter.serviceCodes().size()) + ")");
            filter.serviceCodes().stream().sorted().forEach(params::add);
        }
        if (!filter.statuses().isEmpty()) {
            clauses.add("status IN (" + marks(filter.statuses().size()) + ")");
            filter.statuses().stream().map(Enum::name).sorted().forEach(params::add);
        }
        params.add(MAX_RESULTS);
        return jdbc.sql("SELECT " + COLUMNS + " FROM complaint WHERE " + String.join(" AND ", clauses)
                        + " ORDER BY received_at DESC, id DESC LIMIT ?")
                .params(params).query(Open311RequestStore::map).list();
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private static PublicRequest map(ResultSet rs, int rowNum) throws SQLException {
        return new PublicRequest(
                rs.getString("receipt_no"),
                rs.getString("body"),
                rs.getString("service_code"),
                rs.getString("department_code"),
                ComplaintStatus.valueOf(rs.getString("status")),
                instant(rs, "received_at"),
                instant(rs, "due_at"),
                instant(rs, "updated_at"),
                rs.getString("address"),
                rs.getObject("latitude", Double.class),
                rs.getObject("longitude", Double.class),
                rs.getString("reject_reason"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
