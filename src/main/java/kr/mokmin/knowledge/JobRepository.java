package kr.mokmin.knowledge;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** JDBC adapter for background jobs and their items. */
@Repository
class JobRepository {

    private final JdbcClient jdbc;

    JobRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertJob(String id, Job.Kind kind, int total, String actor, Instant now) {
        jdbc.sql("""
                INSERT INTO background_job (id, kind, status, total, done, failed, actor, created_at)
                VALUES (?, ?, 'QUEUED', ?, 0, 0, ?, ?)""")
                .params(id, kind.name(), total, actor, DocumentRepository.utc(now)).update();
    }

    void insertItem(String jobId, int position, String name, String documentId, Integer version, Instant now) {
        jdbc.sql("""
                INSERT INTO background_job_item (job_id, position, name, document_id, document_version, status,
                  updated_at)
                VALUES (?, ?, ?, ?, ?, 'PENDING', ?)""")
                .params(jobId, position, DocumentRepository.truncate(name, 500), documentId, version,
                        DocumentRepository.utc(now)).update();
    }

    /** Fills in the document of an item created before its document (the demo load creates rows as it goes). */
    void setItemDocument(String jobId, int position, String documentId, int version) {
        jdbc.sql("UPDATE background_job_item SET document_id = ?, document_version = ? WHERE job_id = ? AND position = ?")
                .params(documentId, version, jobId, position).update();
    }

    void markRunning(String jobId, Instant now) {
        jdbc.sql("UPDATE background_job SET status = 'RUNNING', started_at = COALESCE(started_at, ?) WHERE id = ?")
                .params(DocumentRepository.utc(now), jobId).update();
    }

    /**
     * Records an item's outcome and counts it in the job, once: an item already finished (a job resumed after a
     * crash between the two writes) is not counted again.
     */
    void finishItem(String jobId, int position, Job.ItemStatus status, String reason, String message, Instant now) {
        int changed = jdbc.sql("""
                UPDATE background_job_item SET status = ?, reason = ?, message = ?, updated_at = ?
                WHERE job_id = ? AND position = ? AND status = 'PENDING'""")
                .params(status.name(), reason, DocumentRepository.truncate(message, 2000), DocumentRepository.utc(now),
                        jobId, position).update();
        if (changed == 1) {
            jdbc.sql("UPDATE background_job SET done = done + 1, failed = failed + ? WHERE id = ?")
                    .params(status == Job.ItemStatus.FAILED ? 1 : 0, jobId).update();
        }
    }

    void markDone(String jobId, Instant now) {
        jdbc.sql("UPDATE background_job SET status = 'DONE', finished_at = ? WHERE id = ?")
                .params(DocumentRepository.utc(now), jobId).update();
    }

    Optional<Job> find(String id, boolean withItems) {
        return jdbc.sql("""
                SELECT id, kind, status, total, done, failed, actor, created_at, started_at, finished_at
                FROM background_job WHERE id = ?""")
                .param(id)
                .query((rs, n) -> new Job(rs.getString(1), Job.Kind.valueOf(rs.getString(2)),
                        Job.Status.valueOf(rs.getString(3)), rs.getInt(4), rs.getInt(5), rs.getInt(6),
                        rs.getString(7), DocumentRepository.instant(rs, "created_at"),
                        DocumentRepository.instant(rs, "started_at"), DocumentRepository.instant(rs, "finished_at"),
                        withItems ? items(id) : List.of()))
                .optional();
    }

    List<Job.Item> items(String jobId) {
        return jdbc.sql("""
                SELECT position, name, document_id, document_version, status, reason, message, updated_at
                FROM background_job_item WHERE job_id = ? ORDER BY position""")
                .param(jobId)
                .query((rs, n) -> new Job.Item(rs.getInt(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, Integer.class), Job.ItemStatus.valueOf(rs.getString(5)), rs.getString(6),
                        rs.getString(7), DocumentRepository.instant(rs, "updated_at")))
                .list();
    }

    /** Jobs that were queued or running when the process stopped: they resume at startup. */
    List<String> unfinished() {
        return jdbc.sql("SELECT id FROM background_job WHERE status <> 'DONE' ORDER BY created_at, id")
                .query(String.class).list();
    }

    /** The most recent jobs, newest first (for the staff page). */
    List<Job> recent(int limit) {
        List<String> ids = jdbc.sql("SELECT id FROM background_job ORDER BY created_at DESC, id LIMIT ?")
                .param(limit).query(String.class).list();
        return ids.stream().map(id -> find(id, false).orElseThrow()).toList();
    }
}
