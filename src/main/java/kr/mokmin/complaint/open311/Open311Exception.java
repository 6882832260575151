package kr.mokmin.complaint.open311;

import java.util.List;

/**
 * An error answered in the GeoReport v2 error format. The HTTP status is the code of the first error: 404 for
 * resources that do not exist, 403 for a missing or wrong api_key, 400 for any other bad request.
 */
class Open311Exception extends RuntimeException {

    /** One entry of the spec's {@code errors} list. */
    record Error(int code, String description) {
    }

    private final transient List<Error> errors;

    Open311Exception(List<Error> errors) {
        super(errors.isEmpty() ? "" : errors.getFirst().description());
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    Open311Exception(int code, String description) {
        this(List.of(new Error(code, description)));
    }

    List<Error> errors() {
        return errors;
    }

    int status() {
        return errors.getFirst().code();
    }

    static Open311Exception notFound(String description) {
        return new Open311Exception(404, description);
    }

    static Open311Exception badRequest(String description) {
        return new Open311Exception(400, description);
    }

    static Open311Exception forbidden(String description) {
        return new Open311Exception(403, description);
    }
}
