package kr.mokmin.complaint.open311;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import kr.mokmin.common.MokminException;

/** Domain errors in Open311 terms: the spec's status codes, and intake field names as Open311 parameters. */
final class Open311Errors {

    private Open311Errors() {
    }

    static Open311Exception of(MokminException e) {
        int code = switch (e.kind()) {
            case UNAUTHORIZED, FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case PAYLOAD_TOO_LARGE -> 413;
            case RATE_LIMITED -> 429;
            case INTERNAL -> 500;
            // GeoReport v2: "basically 400 for any other error".
            default -> 400;
        };
        List<Open311Exception.Error> errors = new ArrayList<>();
        if (e.properties().get("errors") instanceof List<?> fieldErrors) {
            for (Object o : fieldErrors) {
                if (o instanceof Map<?, ?> fe) {
                    String field = parameter(String.valueOf(fe.get("field")));
                    errors.add(new Open311Exception.Error(code, field + ": " + fe.get("message")));
                }
            }
        }
        if (errors.isEmpty()) {
            errors.add(new Open311Exception.Error(code, e.getMessage()));
        }
        return new Open311Exception(errors);
    }

    /** The Open311 parameter behind a core intake field. */
    static String parameter(String field) {
        return switch (field) {
            case "title", "body" -> "description";
            case "contact.name" -> "first_name/last_name";
            case "contact.phone" -> "phone";
            case "contact.email" -> "email";
            case "location.address" -> "address_string";
            case "location.latitude" -> "lat";
            case "location.longitude" -> "long";
            case "location" -> "lat/long";
            case "serviceCode" -> "service_code";
            default -> field;
        };
    }
}
