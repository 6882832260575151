package kr.mokmin.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;

/**
 * Append-only audit trail. Writes join the caller's transaction, so an action and its audit record
 * commit or roll back together.
 */
@Service
public class AuditTrail {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    public AuditTrail(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    public void record(String actor, String action, String entityType, String entityId, Map<String, ?> detail) {
        jdbc.sql("""
                INSERT INTO audit_event (occurred_at, actor, action, entity_type, entity_id, detail)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(Timestamp.from(Instant.now(clock)), actor, action, entityType, entityId,
                        detail == null ? null : json.writeValueAsString(detail))
                .update();
    }

    private static AuditEvent mapRow(ResultSet rs, int rowNum) throws SQLException {
        return new AuditEvent(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7));
    }

    public List<AuditEvent> forEntity(String entityType, String entityId) {
        return jdbc.sql("""
                SELECT id, occurred_at, actor, action, entity_type, entity_id, detail FROM audit_event
                WHERE entity_type = ? AND entity_id = ? ORDER BY id""")
                .params(entityType, entityId)
                .query(AuditTrail::mapRow)
                .list();
    }

    public List<AuditEvent> recent(int limit, long beforeId) {
        return jdbc.sql("""
                SELECT id, occurred_at, actor, action, entity_type, entity_id, detail FROM audit_event
                WHERE id < ? ORDER BY id DESC LIMIT ?""")
                .params(beforeId, limit)
                .query(AuditTrail::mapRow)
                .list();
    }
}
