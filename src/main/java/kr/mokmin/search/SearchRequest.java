package kr.mokmin.search;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import kr.mokmin.common.MokminException;
import kr.mokmin.common.ProblemKind;

/**
 * A search as it arrives over HTTP (the API and the staff page), every parameter still a string, and the rules
 * that turn it into a {@link SearchQuery}. Plain Java: validation and audience rules are tested without a server.
 *
 * <p>List parameters may repeat ({@code kind=ORDINANCE&kind=RULE}) or hold commas ({@code kind=ORDINANCE,RULE}).
 *
 * @param q         the words to look for; required, at most {@value #MAX_QUERY_CHARS} characters
 * @param kinds     {@link DocumentKind} names (any case); empty = every kind
 * @param issuers   issuers, exact names; empty = every issuer
 * @param audiences {@link Audience} names; empty = every audience the caller may see
 * @param from      effective on or after, {@code yyyy-MM-dd}; blank = no bound
 * @param to        effective on or before, {@code yyyy-MM-dd}; blank = no bound
 * @param k         how many hits, 1..{@value SearchQuery#MAX_K}; blank = {@value #DEFAULT_K}
 */
public record SearchRequest(String q, List<String> kinds, List<String> issuers, List<String> audiences,
                            String from, String to, String k) {

    public static final int MAX_QUERY_CHARS = 1_000;
    public static final int DEFAULT_K = 10;
    static final int MAX_ISSUERS = 20;
    static final int MAX_ISSUER_CHARS = 100;

    public SearchRequest {
        kinds = kinds == null ? List.of() : List.copyOf(kinds);
        issuers = issuers == null ? List.of() : List.copyOf(issuers);
        audiences = audiences == null ? List.of() : List.copyOf(audiences);
    }

    /**
     * The query this request asks for, as a caller who may or may not read internal documents.
     *
     * @param internalAllowed whether the caller is staff; citizens and anonymous callers get public documents only
     * @throws MokminException {@code VALIDATION} listing every bad parameter as {@code errors: [{field, message}]};
     *                         {@code FORBIDDEN} when a caller who may not read internal documents asks for them
     *                         (an explicit refusal rather than silently leaving them out)
     */
    public SearchQuery toQuery(boolean internalAllowed) {
        List<Map<String, String>> errors = new ArrayList<>();
        String text = q == null ? "" : Normalizer.normalize(q, Normalizer.Form.NFC).strip();
        if (text.isEmpty()) {
            errors.add(error("q", "검색어를 입력하세요."));
        } else if (text.length() > MAX_QUERY_CHARS) {
            errors.add(error("q", "검색어는 " + MAX_QUERY_CHARS + "자 이하여야 합니다."));
        }
        Set<DocumentKind> kindSet = enums(DocumentKind.class, "kind", kinds, errors);
        Set<Audience> audienceSet = enums(Audience.class, "audience", audiences, errors);
        Set<String> issuerSet = new LinkedHashSet<>(split(issuers));
        if (issuerSet.size() > MAX_ISSUERS) {
            errors.add(error("issuer", "발행기관은 " + MAX_ISSUERS + "개까지 지정할 수 있습니다."));
        }
        if (issuerSet.stream().anyMatch(i -> i.length() > MAX_ISSUER_CHARS)) {
            errors.add(error("issuer", "발행기관 이름은 " + MAX_ISSUER_CHARS + "자 이하여야 합니다."));
        }
        LocalDate fromDate = date("from", from, errors);
        LocalDate toDate = date("to", to, errors);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            errors.add(error("to", "시행일 범위의 끝(to)이 시작(from)보다 앞섭니다."));
        }
        int size = size(errors);
        if (!errors.isEmpty()) {
            throw new MokminException(ProblemKind.VALIDATION, "검색 조건을 확인해 주세요.", Map.of("errors", errors));
        }
        if (!internalAllowed && audienceSet.contains(Audience.INTERNAL)) {
            throw new MokminException(ProblemKind.FORBIDDEN,
                    "내부 문서(audience=INTERNAL)는 로그인한 직원만 검색할 수 있습니다.");
        }
        if (audienceSet.isEmpty()) {
            audienceSet = internalAllowed ? EnumSet.allOf(Audience.class) : EnumSet.of(Audience.PUBLIC);
        }
        return new SearchQuery(text, kindSet, issuerSet, fromDate, toDate, audienceSet, size);
    }

    private int size(List<Map<String, String>> errors) {
        if (k == null || k.isBlank()) {
            return DEFAULT_K;
        }
        try {
            int value = Integer.parseInt(k.strip());
            if (value >= 1 && value <= SearchQuery.MAX_K) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, like an out-of-range number
        }
        errors.add(error("k", "k는 1에서 " + SearchQuery.MAX_K + " 사이의 정수여야 합니다."));
        return DEFAULT_K;
    }

    private static <E extends Enum<E>> Set<E> enums(Class<E> type, String field, List<String> raw,
                                                    List<Map<String, String>> errors) {
        Set<E> out = EnumSet.noneOf(type);
        for (String value : split(raw)) {
            try {
                out.add(Enum.valueOf(type, value.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                errors.add(error(field, "알 수 없는 값입니다: '%s' (가능한 값: %s)"
                        .formatted(shown(value), String.join(", ", Arrays.stream(type.getEnumConstants())
                                .map(Enum::name).toList()))));
            }
        }
        return out;
    }

    private static LocalDate date(String field, String raw, List<Map<String, String>> errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            errors.add(error(field, "날짜는 yyyy-MM-dd 형식이어야 합니다: '%s'".formatted(shown(raw.strip()))));
            return null;
        }
    }

    /** Repeated and comma-separated values, stripped, blanks dropped. */
    static List<String> split(List<String> raw) {
        List<String> out = new ArrayList<>();
        for (String value : raw) {
            if (value == null) {
                continue;
            }
            for (String part : value.split(",")) {
                String s = Normalizer.normalize(part, Normalizer.Form.NFC).strip();
                if (!s.isEmpty()) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    /** A bad value as the error message repeats it: cut short, the message is not an echo service. */
    private static String shown(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }

    private static Map<String, String> error(String field, String message) {
        return Map.of("field", field, "message", message);
    }
}
