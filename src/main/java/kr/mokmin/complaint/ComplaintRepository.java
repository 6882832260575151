package kr.mokmin.complaint;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** JDBC adapter for complaints, their history and the receipt counter. SQL runs on H2 and PostgreSQL. */
@Repository
class ComplaintRepository {

    private static final String COLUMNS = """
            id, receipt_no, title, body, channel, contact_name, contact_phone, contact_email, address, latitude,
            longitude, service_code, complaint_type, law_inquiry, department_code, status, received_at, due_at,
            updated_at, answer, reject_reason, row_version""";

    private final JdbcClient jdbc;

    ComplaintRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Makes sure the year's counter row exists; harmless when it already does. */
    void ensureCounter(int year) {
        jdbc.sql("INSERT INTO receipt_counter (receipt_year, last_value) VALUES (?, 0) ON CONFLICT DO NOTHING")
                .param(year).update();
    }

    /**
     * Sets the year's counter to the highest receipt number on file when the two differ, and returns the change
     * (0 when they agree). They can only differ after a crash of the embedded H2 store, whose recovery may roll back
     * an unacknowledged intake but keep its counter update, or the reverse; left alone, that would skip a number or
     * hand out one that is taken. The counter row is locked first, so the maximum read next sees every committed
     * intake (READ COMMITTED), and the correction stays safe with several nodes on PostgreSQL.
     */
    long reconcileCounter(int year) {
        long counter = jdbc.sql("SELECT last_value FROM receipt_counter WHERE receipt_year = ? FOR UPDATE")
                .param(year).query(Long.class).single();
        long highest = jdbc.sql("SELECT COALESCE(MAX(CAST(SUBSTRING(receipt_no FROM 6) AS BIGINT)), 0) "
                        + "FROM complaint WHERE receipt_year = ?")
                .param(year).query(Long.class).single();
        if (highest != counter) {
            jdbc.sql("UPDATE receipt_counter SET last_value = ? WHERE receipt_year = ?").params(highest, year).update();
        }
        return highest - counter;
    }

    /**
     * The year's last receipt sequence value, with the counter row locked until the transaction ends: the group
     * commit of intake numbers its complaints from here and writes the new value back with {@link #setCounter}
     * in the same transaction, so a rolled-back intake gives its numbers back and numbers stay gap-free, also
     * with several nodes on PostgreSQL.
     */
    long lockCounter(int year) {
        // An UPDATE that changes nothing takes the row lock; H2 parses SELECT ... FOR UPDATE anew every time.
        int locked = jdbc.sql("UPDATE receipt_counter SET last_value = last_value WHERE receipt_year = ?")
                .param(year).update();
        if (locked != 1) {
            throw new IllegalStateException("receipt counter for " + year + " is missing");
        }
        return jdbc.sql("SELECT last_value FROM receipt_counter WHERE receipt_year = ?")
                .param(year).query(Long.class).single();
    }

    void setCounter(int year, long lastValue) {
        jdbc.sql("UPDATE receipt_counter SET last_value = ? WHERE receipt_year = ?").params(lastValue, year).update();
    }

    long insert(Complaint c, int receiptYear, String idempotencyKey, String requestHash) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO complaint (receipt_no, receipt_year, title, body, channel, contact_name, contact_phone,
                    contact_phone_digits, contact_email, address, latitude, longitude, service_code, complaint_type,
                    law_inquiry, department_code, status, received_at, due_at, updated_at, idempotency_key,
                    request_hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(c.receiptNo(), receiptYear, c.title(), c.body(), c.channel().name(), c.contact().name(),
                        c.contact().phone(), digits(c.contact().phone()), c.contact().email(),
                        c.location().address(), c.location().latitude(), c.location().longitude(), c.serviceCode(),
                        name(c.type()), c.lawInquiry(), c.departmentCode(), c.status().name(), utc(c.receivedAt()),
                        utc(c.dueAt()), utc(c.updatedAt()), idempotencyKey, requestHash)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** Optimistic update guarded by row_version; false when someone else changed the row first. */
    boolean update(Complaint c) {
        return jdbc.sql("""
                UPDATE complaint SET complaint_type = ?, law_inquiry = ?, department_code = ?, status = ?, due_at = ?,
                    updated_at = ?, answer = ?, reject_reason = ?, row_version = row_version + 1
                WHERE id = ? AND row_version = ?""")
                .params(name(c.type()), c.lawInquiry(), c.departmentCode(), c.status().name(), utc(c.dueAt()),
                        utc(c.updatedAt()), c.answer(), c.rejectReason(), c.id(), c.rowVersion())
                .update() == 1;
    }

    /** Open complaints whose period spans the given instant (received before it, due after it). */
    List<Complaint> findOpenSpanning(Instant start, Instant end) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM complaint WHERE status NOT IN ('ANSWERED', 'CLOSED', 'REJECTED')
                AND received_at < ? AND due_at >= ?""")
                .params(utc(end), utc(start)).query(ComplaintRepository::map).list();
    }

    void updateDueAt(long id, Instant dueAt) {
        jdbc.sql("UPDATE complaint SET due_at = ? WHERE id = ?").params(utc(dueAt), id).update();
    }

    void insertStatusChange(long complaintId, StatusChange change) {
        jdbc.sql("""
                INSERT INTO complaint_status_change (complaint_id, from_status, to_status, department_code, actor,
                    note, changed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(complaintId, name(change.from()), change.to().name(), change.departmentCode(),
                        change.actor(), change.note(), utc(change.changedAt()))
                .update();
    }

    Optional<Complaint> findByReceiptNo(String receiptNo) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM complaint WHERE receipt_no = ?")
                .param(receiptNo).query(ComplaintRepository::map).optional();
    }

    Optional<Complaint> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM complaint WHERE id = ?")
                .param(id).query(ComplaintRepository::map).optional();
    }

    record IdempotentEntry(String receiptNo, String requestHash) {
    }

    Optional<IdempotentEntry> findByIdempotencyKey(String key) {
        return jdbc.sql("SELECT receipt_no, request_hash FROM complaint WHERE idempotency_key = ?")
                .param(key).query((rs, n) -> new IdempotentEntry(rs.getString(1), rs.getString(2))).optional();
    }

    /** Digits of the phone number on file, for the citizen status check. */
    Optional<String> phoneDigits(String receiptNo) {
        return jdbc.sql("SELECT contact_phone_digits FROM complaint WHERE receipt_no = ?")
                .param(receiptNo).query(String.class).optional();
    }

    List<StatusChange> history(long complaintId) {
        return jdbc.sql("""
                SELECT from_status, to_status, department_code, actor, note, changed_at
                FROM complaint_status_change WHERE complaint_id = ? ORDER BY id""")
                .param(complaintId)
                .query((rs, n) -> new StatusChange(status(rs.getString(1)), status(rs.getString(2)),
                        rs.getString(3), rs.getString(4), rs.getString(5), instant(rs, 6)))
                .list();
    }

    List<Complaint> find(ComplaintQuery q, Instant now) {
        List<Object> params = new ArrayList<>();
        String where = where(q, now, params);
        params.add(q.limit());
        params.add(q.offset());
        return jdbc.sql("SELECT " + COLUMNS + " FROM complaint" + where + " ORDER BY due_at, id LIMIT ? OFFSET ?")
                .params(params).query(ComplaintRepository::map).list();
    }

    long count(ComplaintQuery q, Instant now) {
        List<Object> params = new ArrayList<>();
        String where = where(q, now, params);
        return jdbc.sql("SELECT COUNT(*) FROM complaint" + where).params(params).query(Long.class).single();
    }

    private static String where(ComplaintQuery q, Instant now, List<Object> params) {
        List<String> clauses = new ArrayList<>();
        if (q.departmentCode() != null) {
            if (q.departmentCode().isEmpty()) {
                clauses.add("department_code IS NULL");
            } else {
                clauses.add("department_code = ?");
                params.add(q.departmentCode());
            }
        }
        if (!q.statuses().isEmpty()) {
            clauses.add("status IN (" + String.join(", ", q.statuses().stream().map(s -> "?").toList()) + ")");
            q.statuses().stream().map(Enum::name).sorted().forEach(params::add);
        }
        boolean openOnly = q.dueBefore() != null || Boolean.TRUE.equals(q.overdue());
        if (openOnly) {
            clauses.add("status NOT IN ('ANSWERED', 'CLOSED', 'REJECTED')");
        }
        if (q.dueBefore() != null) {
            clauses.add("due_at < ?");
            params.add(utc(q.dueBefore()));
        }
        if (Boolean.TRUE.equals(q.overdue())) {
            clauses.add("due_at < ?");
            params.add(utc(now));
        }
        if (q.text() != null && !q.text().isBlank()) {
            clauses.add("(LOWER(title) LIKE ? ESCAPE '\\' OR LOWER(body) LIKE ? ESCAPE '\\')");
            String like = "%" + q.text().strip().toLowerCase()
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            params.add(like);
            params.add(like);
        }
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    private static Complaint map(ResultSet rs, int rowNum) throws SQLException {
        return new Complaint(
                rs.getLong("id"),
                rs.getString("receipt_no"),
                rs.getString("title"),
                rs.getString("body"),
                Channel.valueOf(rs.getString("channel")),
                new Complaint.Contact(rs.getString("contact_name"), rs.getString("contact_phone"),
                        rs.getString("contact_email")),
                new Complaint.Location(rs.getString("address"), rs.getObject("latitude", Double.class),
                        rs.getObject("longitude", Double.class)),
                rs.getString("service_code"),
                rs.getString("complaint_type") == null ? null : ComplaintType.valueOf(rs.getString("complaint_type")),
                rs.getBoolean("law_inquiry"),
                rs.getString("department_code"),
                ComplaintStatus.valueOf(rs.getString("status")),
                instant(rs, "received_at"),
                instant(rs, "due_at"),
                instant(rs, "updated_at"),
                rs.getString("answer"),
                rs.getString("reject_reason"),
                rs.getInt("row_version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static ComplaintStatus status(String s) {
        return s == null ? null : ComplaintStatus.valueOf(s);
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    static OffsetDateTime utc(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    static String digits(String phone) {
        return phone == null ? null : phone.replaceAll("[^0-9]", "");
    }
}
