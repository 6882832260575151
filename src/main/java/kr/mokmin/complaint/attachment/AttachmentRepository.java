package kr.mokmin.complaint.attachment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code attachment} table. Portable SQL (H2 in PostgreSQL mode, PostgreSQL). */
@Repository
class AttachmentRepository {

    private static final String COLUMNS =
            "id, complaint_id, file_name, content_type, size_bytes, sha256, uploaded_by, created_at";

    private final JdbcClient jdbc;

    AttachmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the complaint row until the transaction ends, so concurrent uploads count attachments one by one. */
    void lockComplaint(long complaintId) {
        jdbc.sql("SELECT id FROM complaint WHERE id = ? FOR UPDATE").param(complaintId).query(Long.class).single();
    }

    int count(long complaintId) {
        return jdbc.sql("SELECT COUNT(*) FROM attachment WHERE complaint_id = ?").param(complaintId)
                .query(Integer.class).single();
    }

    long insert(long complaintId, String sha256, String fileName, String contentType, long size, String uploadedBy,
                Instant createdAt) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO attachment (complaint_id, sha256, file_name, content_type, size_bytes, uploaded_by,
                    created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(complaintId, sha256, fileName, contentType, size, uploadedBy,
                        createdAt.atOffset(ZoneOffset.UTC))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    List<AttachmentInfo> list(long complaintId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM attachment WHERE complaint_id = ? ORDER BY id")
                .param(complaintId).query(AttachmentRepository::map).list();
    }

    Optional<AttachmentInfo> find(long complaintId, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM attachment WHERE id = ? AND complaint_id = ?")
                .params(id, complaintId).query(AttachmentRepository::map).optional();
    }

    private static AttachmentInfo map(ResultSet rs, int rowNum) throws SQLException {
        return new AttachmentInfo(rs.getLong("id"), rs.getLong("complaint_id"), rs.getString("file_name"),
                rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                rs.getString("uploaded_by"), rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
