package kr.mokmin.triage.route;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** JDBC adapter for training examples and model versions (V3__triage_model.sql). */
@Repository
public class RoutingStore {

    /** Where an example came from. */
    public enum Source { IMPORT, CORRECTION }

    /** Status of a model version. */
    public enum Status { TRAINING, READY, FAILED }

    public record StoredExample(long id, String title, String body, String departmentCode, Source source) {
    }

    public record Version(int version, Status status, String algorithm, int exampleCount, int departmentCount,
                          long lastExampleId, String metrics, String fileName, String sha256, boolean active,
                          String failure, String createdBy, Instant createdAt, Instant finishedAt) {
    }

    public record Counts(long total, long imported, long corrections, long departments) {
    }

    static final int MAX_TITLE = 500;
    static final int MAX_BODY = 20_000;

    private final JdbcClient jdbc;

    public RoutingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores an example unless the same title, body and department are stored already; true when added. */
    public boolean addExample(String title, String body, String departmentCode, Source source, String actor,
                              Instant now) {
        String t = truncate(title == null ? "" : title, MAX_TITLE);
        String b = truncate(body == null ? "" : body, MAX_BODY);
        return jdbc.sql("""
                INSERT INTO triage_training_example (title, body, department_code, source, content_hash, created_by,
                  created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING""")
                .params(t, b, departmentCode, source.name(), contentHash(t, b, departmentCode), actor, utc(now))
                .update() == 1;
    }

    /** Every example with an id in (afterId, upToId], in id order, streamed to {@code sink}. */
    public void forEachExample(long afterId, long upToId, Consumer<StoredExample> sink) {
        jdbc.sql("""
                SELECT id, title, body, department_code, source FROM triage_training_example
                WHERE id > ? AND id <= ? ORDER BY id""")
                .params(afterId, upToId)
                .query((ResultSet rs) -> {
                    sink.accept(new StoredExample(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            Source.valueOf(rs.getString(5))));
                });
    }

    /** Corrections stored after example {@code afterId}, in order: what a loaded version has not learned yet. */
    public void forEachCorrectionAfter(long afterId, Consumer<StoredExample> sink) {
        jdbc.sql("""
                SELECT id, title, body, department_code, source FROM triage_training_example
                WHERE id > ? AND source = 'CORRECTION' ORDER BY id""")
                .param(afterId)
                .query((ResultSet rs) -> {
                    sink.accept(new StoredExample(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            Source.CORRECTION));
                });
    }

    public long lastExampleId() {
        return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM triage_training_example").query(Long.class).single();
    }

    public Counts counts() {
        return jdbc.sql("""
                SELECT COUNT(*), COALESCE(SUM(CASE WHEN source = 'IMPORT' THEN 1 ELSE 0 END), 0),
                  COALESCE(SUM(CASE WHEN source = 'CORRECTION' THEN 1 ELSE 0 END), 0), COUNT(DISTINCT department_code)
                FROM triage_training_example""")
                .query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .single();
    }

    /** Examples per department code, most first. */
    public Map<String, Long> examplesPerDepartment() {
        Map<String, Long> out = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT department_code, COUNT(*) AS n FROM triage_training_example
                GROUP BY department_code ORDER BY n DESC, department_code""")
                .query((ResultSet rs) -> {
                    out.put(rs.getString(1), rs.getLong(2));
                });
        return out;
    }

    /** A new version in status TRAINING, numbered one above the highest so far. */
    public int insertTraining(String algorithm, int exampleCount, int departmentCount, long lastExampleId,
                              String actor, Instant now) {
        int version = jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM triage_model_version")
                .query(Integer.class).single();
        jdbc.sql("""
                INSERT INTO triage_model_version (version, status, algorithm, example_count, department_count,
                  last_example_id, active, created_by, created_at)
                VALUES (?, 'TRAINING', ?, ?, ?, ?, FALSE, ?, ?)""")
                .params(version, algorithm, exampleCount, departmentCount, lastExampleId, actor, utc(now))
                .update();
        return version;
    }

    public void markReady(int version, String metrics, String fileName, String sha256, Instant now) {
        jdbc.sql("""
                UPDATE triage_model_version SET status = 'READY', metrics = ?, file_name = ?, sha256 = ?,
                  finished_at = ? WHERE version = ?""")
                .params(truncate(metrics, 4000), fileName, sha256, utc(now), version).update();
    }

    public void markFailed(int version, String failure, Instant now) {
        jdbc.sql("UPDATE triage_model_version SET status = 'FAILED', failure = ?, finished_at = ? WHERE version = ?")
                .params(truncate(failure, 2000), utc(now), version).update();
    }

    /** Makes {@code version} the only active one (call inside a transaction). */
    public void activate(int version) {
        jdbc.sql("UPDATE triage_model_version SET active = FALSE WHERE active = TRUE AND version <> ?")
                .param(version).update();
        jdbc.sql("UPDATE triage_model_version SET active = TRUE WHERE version = ?").param(version).update();
    }

    /** Versions still TRAINING (left by a stopped process) become FAILED. */
    public int failUnfinished(Instant now) {
        return jdbc.sql("""
                UPDATE triage_model_version SET status = 'FAILED', failure = 'interrupted (the server stopped)',
                  finished_at = ? WHERE status = 'TRAINING'""")
                .param(utc(now)).update();
    }

    public Optional<Version> active() {
        return jdbc.sql(SELECT_VERSION + " WHERE active = TRUE").query(RoutingStore::version).optional();
    }

    public Optional<Version> find(int version) {
        return jdbc.sql(SELECT_VERSION + " WHERE version = ?").param(version).query(RoutingStore::version).optional();
    }

    public List<Version> recent(int limit) {
        return jdbc.sql(SELECT_VERSION + " ORDER BY version DESC LIMIT ?").param(limit)
                .query(RoutingStore::version).list();
    }

    private static final String SELECT_VERSION = """
            SELECT version, status, algorithm, example_count, department_count, last_example_id, metrics, file_name,
              sha256, active, failure, created_by, created_at, finished_at FROM triage_model_version""";

    private static Version version(ResultSet rs, int n) throws SQLException {
        return new Version(rs.getInt(1), Status.valueOf(rs.getString(2)), rs.getString(3), rs.getInt(4),
                rs.getInt(5), rs.getLong(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getBoolean(10),
                rs.getString(11), rs.getString(12), instant(rs, "created_at"), instant(rs, "finished_at"));
    }

    static String contentHash(String title, String body, String departmentCode) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {title, body, departmentCode}) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
