package kr.mokmin.common;

import java.util.Map;

/** A domain error with a stable kind; the web layer turns it into problem+json. */
public class MokminException extends RuntimeException {

    private final ProblemKind kind;
    private final Map<String, Object> properties;

    public MokminException(ProblemKind kind, String detail) {
        this(kind, detail, Map.of());
    }

    public MokminException(ProblemKind kind, String detail, Map<String, Object> properties) {
        super(detail);
        this.kind = kind;
        this.properties = Map.copyOf(properties);
    }

    public ProblemKind kind() {
        return kind;
    }

    /** Extra members of the problem object, e.g. the allowed next states. */
    public Map<String, Object> properties() {
        return properties;
    }

    public static MokminException notFound(String detail) {
        return new MokminException(ProblemKind.NOT_FOUND, detail);
    }

    public static MokminException invalid(String detail) {
        return new MokminException(ProblemKind.VALIDATION, detail);
    }

    public static MokminException forbidden(String detail) {
        return new MokminException(ProblemKind.FORBIDDEN, detail);
    }
}
