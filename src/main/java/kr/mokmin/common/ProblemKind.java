package kr.mokmin.common;

/**
 * Stable kinds of error. The slug becomes the RFC 9457 {@code type} ({@code /problems/<slug>}), so clients
 * can branch on it; never rename one.
 */
public enum ProblemKind {
    VALIDATION(400, "validation", "Invalid request"),
    MALFORMED_REQUEST(400, "malformed-request", "Malformed request"),
    UNAUTHORIZED(401, "unauthorized", "Authentication required"),
    FORBIDDEN(403, "forbidden", "Not allowed"),
    NOT_FOUND(404, "not-found", "Not found"),
    ILLEGAL_TRANSITION(409, "illegal-transition", "Illegal status transition"),
    CONCURRENT_UPDATE(409, "concurrent-update", "Changed by someone else"),
    DUPLICATE(409, "duplicate", "Already exists"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    IDEMPOTENCY_KEY_REUSED(422, "idempotency-key-reused", "Idempotency-Key reused with a different request"),
    RATE_LIMITED(429, "rate-limited", "Too many requests"),
    INTERNAL(500, "internal", "Internal error");

    private final int status;
    private final String slug;
    private final String title;

    ProblemKind(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public String typeUri() {
        return "/problems/" + slug;
    }
}
