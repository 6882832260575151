package kr.mokmin.knowledge;

import kr.mokmin.search.Audience;
import kr.mokmin.search.DocumentKind;

/**
 * Filters for listing documents; null = any. {@code q} matches a part of the title (case-insensitive).
 */
public record DocumentQuery(DocumentKind kind, String issuer, Audience audience, DocumentStatus status, String q,
                            int limit, int offset) {

    public static final int MAX_LIMIT = 200;

    public DocumentQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be within 1.." + MAX_LIMIT);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0");
        }
    }

    public DocumentQuery withAudience(Audience a) {
        return new DocumentQuery(kind, issuer, a, status, q, limit, offset);
    }

    public DocumentQuery withStatus(DocumentStatus s) {
        return new DocumentQuery(kind, issuer, audience, s, q, limit, offset);
    }
}
