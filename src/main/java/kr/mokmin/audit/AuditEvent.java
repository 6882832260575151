package kr.mokmin.audit;

import java.time.Instant;

/** One append-only audit record. {@code detail} is JSON and must never hold unmasked PII. */
public record AuditEvent(long id, Instant occurredAt, String actor, String action, String entityType,
                         String entityId, String detail) {
}
