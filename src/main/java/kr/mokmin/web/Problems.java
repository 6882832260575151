package kr.mokmin.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.ProblemDetail;

import jakarta.servlet.http.HttpServletResponse;
import kr.mokmin.common.ProblemKind;
import tools.jackson.databind.json.JsonMapper;

/** Builds RFC 9457 problem details with Mokmin's stable types, also for filters outside Spring MVC. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {
    }

    public static ProblemDetail of(ProblemKind kind, String detail, Map<String, Object> properties) {
        ProblemDetail p = ProblemDetail.forStatus(kind.status());
        p.setType(URI.create(kind.typeUri()));
        p.setTitle(kind.title());
        p.setDetail(detail);
        if (properties != null) {
            properties.forEach(p::setProperty);
        }
        return p;
    }

    /** Writes a problem straight to the servlet response (for filters and security handlers). */
    public static void write(HttpServletResponse response, ProblemKind kind, String detail, String instance)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", kind.typeUri());
        body.put("title", kind.title());
        body.put("status", kind.status());
        body.put("detail", detail);
        body.put("instance", instance);
        response.setStatus(kind.status());
        response.setContentType(MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(JSON.writeValueAsBytes(body));
    }
}
