package kr.mokmin.complaint.open311;

import java.util.Locale;
import java.util.Optional;

import org.springframework.http.MediaType;

/** The two response formats of GeoReport v2, chosen by the resource's extension ({@code services.xml}). */
enum Open311Format {
    XML(MediaType.parseMediaType("text/xml; charset=utf-8")),
    JSON(MediaType.parseMediaType("application/json; charset=utf-8"));

    private final MediaType mediaType;

    Open311Format(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    MediaType mediaType() {
        return mediaType;
    }

    String extension() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Open311Format> of(String extension) {
        if (extension == null) {
            return Optional.empty();
        }
        return switch (extension.toLowerCase(Locale.ROOT)) {
            case "xml" -> Optional.of(XML);
            case "json" -> Optional.of(JSON);
            default -> Optional.empty();
        };
    }

    /** The format for an error when the path names none (or an unknown one): JSON if asked for, else XML. */
    static Open311Format forError(String requestUri, String accept) {
        String last = requestUri == null ? "" : requestUri.substring(requestUri.lastIndexOf('/') + 1);
        int dot = last.lastIndexOf('.');
        Optional<Open311Format> named = dot < 0 ? Optional.empty() : of(last.substring(dot + 1));
        if (named.isPresent()) {
            return named.get();
        }
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("json") ? JSON : XML;
    }
}
