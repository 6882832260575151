package kr.mokmin.knowledge;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import kr.mokmin.common.MokminException;
import kr.mokmin.common.ProblemKind;
import kr.mokmin.search.Audience;
import kr.mokmin.search.DocumentKind;
import kr.mokmin.text.KoreanText;

/**
 * What a person says about a document when ingesting it.
 *
 * @param sourceUrl where the document can be read; also its identity for re-ingestion (see {@link KnowledgeService})
 */
public record DocumentMetadata(DocumentKind kind, String title, String issuer, LocalDate effectiveDate,
                               String sourceUrl, Audience audience) {

    static final int MAX_TITLE = 500;
    static final int MAX_ISSUER = 200;
    static final int MAX_URL = 700;

    public DocumentMetadata {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(audience, "audience");
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("title");
        }
    }

    /**
     * Reads and checks the fields as a client sends them (strings; blank = not given). Kind defaults to OTHER,
     * audience to INTERNAL (a document is shown to citizens only when someone said so), the title to
     * {@code defaultTitle}.
     *
     * @throws MokminException VALIDATION with {@code errors: [{field, message}]} listing every bad field
     */
    public static DocumentMetadata parse(String kind, String title, String issuer, String effectiveDate,
                                         String sourceUrl, String audience, String defaultTitle) {
        List<Map<String, String>> errors = new ArrayList<>();
        DocumentKind k = enumValue(DocumentKind.class, kind, DocumentKind.OTHER, "kind", "문서 종류", errors);
        Audience a = enumValue(Audience.class, audience, Audience.INTERNAL, "audience", "공개 범위", errors);
        String t = clean(title);
        if (t == null) {
            t = clean(defaultTitle);
        }
        if (t == null) {
            errors.add(error("title", "제목을 입력하세요."));
        } else if (t.length() > MAX_TITLE) {
            errors.add(error("title", "제목은 " + MAX_TITLE + "자 이하여야 합니다."));
        }
        String i = clean(issuer);
        if (i != null && i.length() > MAX_ISSUER) {
            errors.add(error("issuer", "발행 기관은 " + MAX_ISSUER + "자 이하여야 합니다."));
        }
        LocalDate date = null;
        String d = clean(effectiveDate);
        if (d != null) {
            try {
                date = LocalDate.parse(d);
            } catch (DateTimeParseException e) {
                errors.add(error("effectiveDate", "시행일은 YYYY-MM-DD 형식이어야 합니다: " + d));
            }
        }
        String url = clean(sourceUrl);
        if (url != null && !validUrl(url)) {
            errors.add(error("sourceUrl", "출처 주소는 http:// 또는 https://로 시작하는 " + MAX_URL + "자 이하의 주소여야 합니다."));
        }
        if (!errors.isEmpty()) {
            throw new MokminException(ProblemKind.VALIDATION, "문서 정보를 확인해 주세요.", Map.of("errors", errors));
        }
        return new DocumentMetadata(k, t, i, date, url, a);
    }

    private static boolean validUrl(String url) {
        if (url.length() > MAX_URL) {
            return false;
        }
        try {
            URI uri = URI.create(url.replace(" ", "%20"));
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getRawAuthority() != null;
        } catch (IllegalArgumentException e) {
            // Korean characters in a URL are fine (law.go.kr uses them); only a broken syntax is refused
            return url.matches("(?i)https?://[^\\s/]+(/\\S*)?");
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, E fallback, String field,
                                                   String label, List<Map<String, String>> errors) {
        String v = clean(value);
        if (v == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(error(field, "알 수 없는 " + label + "입니다: " + v + " (가능한 값: "
                    + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()) + ")"));
            return fallback;
        }
    }

    private static String clean(String s) {
        if (s == null) {
            return null;
        }
        String n = KoreanText.normalize(s).strip();
        return n.isEmpty() ? null : n;
    }

    private static Map<String, String> error(String field, String message) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("field", field);
        m.put("message", message);
        return m;
    }
}
