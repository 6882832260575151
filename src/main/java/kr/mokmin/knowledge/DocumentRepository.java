package kr.mokmin.knowledge;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import kr.mokmin.search.Audience;
import kr.mokmin.search.DocumentKind;

/** JDBC adapter for knowledge documents. SQL runs on H2 (PostgreSQL mode) and PostgreSQL. */
@Repository
class DocumentRepository {

    private static final String COLUMNS = """
            id, version, kind, title, issuer, effective_date, source_url, audience, file_name, media_type,
            size_bytes, sha256, extract_sha256, status, failure_reason, failure_message, chunk_count, page_count,
            text_chars, created_by, created_at, updated_by, updated_at""";

    private final JdbcClient jdbc;

    DocumentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(KnowledgeDocument d) {
        jdbc.sql("INSERT INTO knowledge_document (" + COLUMNS + ") VALUES "
                        + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(d.id(), d.version(), d.kind().name(), d.title(), d.issuer(), date(d.effectiveDate()),
                        d.sourceUrl(), d.audience().name(), d.fileName(), d.mediaType(), d.sizeBytes(), d.sha256(),
                        d.extractSha256(), d.status().name(), d.failureReason(), d.failureMessage(), d.chunkCount(),
                        d.pageCount(), d.textChars(), d.createdBy(), utc(d.createdAt()), d.updatedBy(),
                        utc(d.updatedAt()))
                .update();
    }

    /**
     * A new version of an existing document: new metadata and file, PENDING, extraction and counts cleared.
     *
     * @return the new version
     */
    int newVersion(String id, DocumentMetadata m, String fileName, String mediaType, long size, String sha256,
                   String actor, Instant now) {
        jdbc.sql("""
                UPDATE knowledge_document SET version = version + 1, kind = ?, title = ?, issuer = ?,
                  effective_date = ?, source_url = ?, audience = ?, file_name = ?, media_type = ?, size_bytes = ?,
                  sha256 = ?, extract_sha256 = NULL, status = 'PENDING', failure_reason = NULL,
                  failure_message = NULL, chunk_count = 0, page_count = NULL, text_chars = NULL, updated_by = ?,
                  updated_at = ?
                WHERE id = ?""")
                .params(m.kind().name(), m.title(), m.issuer(), date(m.effectiveDate()), m.sourceUrl(),
                        m.audience().name(), fileName, mediaType, size, sha256, actor, utc(now), id)
                .update();
        return jdbc.sql("SELECT version FROM knowledge_document WHERE id = ?").param(id).query(Integer.class).single();
    }

    /** Marks a version indexed; false when that version is no longer current (superseded or deleted). */
    boolean markIndexed(String id, int version, String mediaType, String extractSha256, int chunks, Integer pages,
                        int textChars, Instant now) {
        return jdbc.sql("""
                UPDATE knowledge_document SET status = 'INDEXED', media_type = ?, extract_sha256 = ?, chunk_count = ?,
                  page_count = ?, text_chars = ?, failure_reason = NULL, failure_message = NULL, updated_at = ?
                WHERE id = ? AND version = ?""")
                .params(mediaType, extractSha256, chunks, pages, textChars, utc(now), id, version)
                .update() == 1;
    }

    /** Marks a version failed; false when that version is no longer current. */
    boolean markFailed(String id, int version, String reason, String message, Instant now) {
        return jdbc.sql("""
                UPDATE knowledge_document SET status = 'FAILED', failure_reason = ?, failure_message = ?,
                  chunk_count = 0, updated_at = ?
                WHERE id = ? AND version = ?""")
                .params(reason, truncate(message, 2000), utc(now), id, version)
                .update() == 1;
    }

    Optional<KnowledgeDocument> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM knowledge_document WHERE id = ?").param(id)
                .query(DocumentRepository::map).optional();
    }

    /** The row, locked until the end of the transaction (re-ingest and delete serialise on it). */
    Optional<KnowledgeDocument> lock(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM knowledge_document WHERE id = ? FOR UPDATE").param(id)
                .query(DocumentRepository::map).optional();
    }

    Optional<String> idBySourceUrl(String sourceUrl) {
        return jdbc.sql("SELECT id FROM knowledge_document WHERE source_url = ?").param(sourceUrl)
                .query(String.class).optional();
    }

    boolean delete(String id) {
        return jdbc.sql("DELETE FROM knowledge_document WHERE id = ?").param(id).update() == 1;
    }

    List<KnowledgeDocument> find(DocumentQuery q) {
        List<Object> params = new ArrayList<>();
        String where = where(q, params);
        params.add(q.limit());
        params.add(q.offset());
        return jdbc.sql("SELECT " + COLUMNS + " FROM knowledge_document" + where
                        + " ORDER BY updated_at DESC, id LIMIT ? OFFSET ?")
                .params(params).query(DocumentRepository::map).list();
    }

    long count(DocumentQuery q) {
        List<Object> params = new ArrayList<>();
        String where = where(q, params);
        return jdbc.sql("SELECT COUNT(*) FROM knowledge_document" + where).params(params).query(Long.class).single();
    }

    /** Id, status and chunk count of every document: what the startup reconciliation compares with the index. */
    record Summary(String id, int version, DocumentStatus status, int chunkCount) {
    }

    List<Summary> summaries() {
        return jdbc.sql("SELECT id, version, status, chunk_count FROM knowledge_document")
                .query((rs, n) -> new Summary(rs.getString(1), rs.getInt(2), DocumentStatus.valueOf(rs.getString(3)),
                        rs.getInt(4)))
                .list();
    }

    private static String where(DocumentQuery q, List<Object> params) {
        List<String> clauses = new ArrayList<>();
        if (q.kind() != null) {
            clauses.add("kind = ?");
            params.add(q.kind().name());
        }
        if (q.issuer() != null && !q.issuer().isBlank()) {
            clauses.add("issuer = ?");
            params.add(q.issuer().strip());
        }
        if (q.audience() != null) {
            clauses.add("audience = ?");
            params.add(q.audience().name());
        }
        if (q.status() != null) {
            clauses.add("status = ?");
            params.add(q.status().name());
        }
        if (q.q() != null && !q.q().isBlank()) {
            clauses.add("LOWER(title) LIKE ? ESCAPE '\\'");
            params.add("%" + q.q().strip().toLowerCase()
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    private static KnowledgeDocument map(ResultSet rs, int rowNum) throws SQLException {
        Date effective = rs.getDate("effective_date");
        return new KnowledgeDocument(
                rs.getString("id"),
                rs.getInt("version"),
                DocumentKind.valueOf(rs.getString("kind")),
                rs.getString("title"),
                rs.getString("issuer"),
                effective == null ? null : effective.toLocalDate(),
                rs.getString("source_url"),
                Audience.valueOf(rs.getString("audience")),
                rs.getString("file_name"),
                rs.getString("media_type"),
                rs.getLong("size_bytes"),
                rs.getString("sha256"),
                rs.getString("extract_sha256"),
                DocumentStatus.valueOf(rs.getString("status")),
                rs.getString("failure_reason"),
                rs.getString("failure_message"),
                rs.getInt("chunk_count"),
                rs.getObject("page_count", Integer.class),
                rs.getObject("text_chars", Integer.class),
                rs.getString("created_by"),
                instant(rs, "created_at"),
                rs.getString("updated_by"),
                instant(rs, "updated_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static OffsetDateTime utc(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    private static Date date(java.time.LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
