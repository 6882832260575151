package kr.mokmin.triage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import kr.mokmin.complaint.ComplaintType;
import kr.mokmin.triage.TriageResult.DepartmentSuggestion;
import kr.mokmin.triage.TriageResult.TypeSuggestion;
import kr.mokmin.triage.duplicate.SimilarComplaint;
import kr.mokmin.triage.facts.Fact;
import kr.mokmin.triage.pii.PiiSpan;

/** Stored triage results, one per complaint. Writes join the caller's transaction (the intake's). */
@Repository
public class TriageRepository {

    private static final TypeReference<List<PiiSpan>> PII = new TypeReference<>() {
    };
    private static final TypeReference<List<DepartmentSuggestion>> DEPARTMENTS = new TypeReference<>() {
    };
    private static final TypeReference<List<Fact>> FACTS = new TypeReference<>() {
    };
    private static final TypeReference<List<SimilarComplaint>> SIMILAR = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public TriageRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void insert(long complaintId, TriageResult r, Instant at) {
        jdbc.sql("""
                INSERT INTO complaint_triage (complaint_id, masked_text, title_length, pii, suggested_type,
                    type_confidence, departments, facts, similar_complaints, summary, model_version, routed_department, micros,
                    created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(complaintId, r.maskedText(), r.titleLength(), json.writeValueAsString(r.pii()),
                        r.type() == null ? null : r.type().type().name(),
                        r.type() == null ? null : r.type().confidence(),
                        json.writeValueAsString(r.departments()), json.writeValueAsString(r.facts()),
                        json.writeValueAsString(r.similar()), r.summary(), r.modelVersion(), r.routedDepartment(),
                        r.micros(), Timestamp.from(at))
                .update();
    }

    public Optional<TriageResult> find(long complaintId) {
        return jdbc.sql("""
                SELECT masked_text, title_length, pii, suggested_type, type_confidence, departments, facts, similar_complaints,
                       summary, model_version, routed_department, micros
                FROM complaint_triage WHERE complaint_id = ?""")
                .param(complaintId)
                .query(this::mapRow)
                .optional();
    }

    /** The one-line summaries of these complaints (queue views), by complaint id; complaints without one are absent. */
    public Map<Long, String> summaries(Collection<Long> complaintIds) {
        if (complaintIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> out = new HashMap<>();
        jdbc.sql("SELECT complaint_id, summary FROM complaint_triage WHERE complaint_id IN (:ids)")
                .param("ids", complaintIds)
                .query((ResultSet rs) -> {
                    out.put(rs.getLong(1), rs.getString(2));
                });
        return out;
    }

    /** A stored triage with the complaint it belongs to, for rebuilding the duplicate index. */
    public record Stored(String receiptNo, String departmentCode, Instant receivedAt, TriageResult result) {
    }

    /** Triage results of complaints received since {@code since}, oldest first, streamed. */
    public void forEachSince(Instant since, Consumer<Stored> action) {
        jdbc.sql("""
                SELECT t.masked_text, t.title_length, t.pii, t.suggested_type, t.type_confidence, t.departments,
                       t.facts, t.similar_complaints, t.summary, t.model_version, t.routed_department, t.micros,
                       c.receipt_no, c.department_code, c.received_at
                FROM complaint_triage t JOIN complaint c ON c.id = t.complaint_id
                WHERE c.received_at >= ? ORDER BY c.received_at""")
                .param(Timestamp.from(since))
                .query((ResultSet rs) -> {
                    action.accept(new Stored(rs.getString(13), rs.getString(14), rs.getTimestamp(15).toInstant(),
                            mapRow(rs, 0)));
                });
    }

    private TriageResult mapRow(ResultSet rs, int rowNum) throws SQLException {
        String type = rs.getString(4);
        TypeSuggestion suggestion = null;
        if (type != null) {
            ComplaintType t = ComplaintType.valueOf(type);
            suggestion = new TypeSuggestion(t, t.label(), rs.getDouble(5));
        }
        return new TriageResult(rs.getString(1), rs.getInt(2), json.readValue(rs.getString(3), PII), suggestion,
                json.readValue(rs.getString(6), DEPARTMENTS), json.readValue(rs.getString(7), FACTS),
                json.readValue(rs.getString(8), SIMILAR), rs.getString(9), rs.getString(10), rs.getString(11),
                rs.getLong(12));
    }
}
