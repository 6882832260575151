package kr.mokmin.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import kr.mokmin.common.MokminException;
import kr.mokmin.common.ProblemKind;

/** The parameter rules of the search API and page, without a server. */
class SearchRequestTest {

    private static SearchRequest request(String q) {
        return new SearchRequest(q, null, null, null, null, null, null);
    }

    @Test
    void defaultsSearchEverythingTheCallerMaySee() {
        SearchQuery citizen = request("  불법주차 과태료 ").toQuery(false);
        assertThat(citizen.text()).isEqualTo("불법주차 과태료");
        assertThat(citizen.audiences()).containsExactly(Audience.PUBLIC);
        assertThat(citizen.kinds()).isEmpty();
        assertThat(citizen.issuers()).isEmpty();
        assertThat(citizen.k()).isEqualTo(SearchRequest.DEFAULT_K);
        assertThat(request("과태료").toQuery(true).audiences()).containsExactlyInAnyOrder(Audience.PUBLIC,
                Audience.INTERNAL);
    }

    @Test
    void listsRepeatOrHoldCommasAndEnumsIgnoreCase() {
        SearchQuery q = new SearchRequest("주차", List.of("ordinance, Rule", "", "STATUTE"),
                List.of("파주시,보건복지부", " 파주시 "), List.of("public"), "2025-01-01", "2026-12-31", "25")
                .toQuery(false);
        assertThat(q.kinds()).containsExactlyInAnyOrder(DocumentKind.ORDINANCE, DocumentKind.RULE, DocumentKind.STATUTE);
        assertThat(q.issuers()).containsExactlyInAnyOrder("파주시", "보건복지부");
        assertThat(q.audiences()).containsExactly(Audience.PUBLIC);
        assertThat(q.effectiveFrom()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(q.effectiveTo()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(q.k()).isEqualTo(25);
    }

    @Test
    void decomposedHangulIsNormalised() {
        String decomposed = java.text.Normalizer.normalize("과태료", java.text.Normalizer.Form.NFD);
        assertThat(request(decomposed).toQuery(false).text()).isEqualTo("과태료");
    }

    @Test
    void internalIsForbiddenToCitizensButNotToStaff() {
        SearchRequest internal = new SearchRequest("지침", null, null, List.of("PUBLIC,INTERNAL"), null, null, null);
        MokminException e = catchThrowableOfType(MokminException.class, () -> internal.toQuery(false));
        assertThat(e.kind()).isEqualTo(ProblemKind.FORBIDDEN);
        assertThat(internal.toQuery(true).audiences()).isEqualTo(Set.of(Audience.PUBLIC, Audience.INTERNAL));
    }

    @Test
    void everyBadParameterIsReportedAtOnce() {
        SearchRequest bad = new SearchRequest("", List.of("LAW"), List.of("x".repeat(101)), List.of("ALL"),
                "2026-02-30", "soon", "0");
        MokminException e = catchThrowableOfType(MokminException.class, () -> bad.toQuery(true));
        assertThat(e.kind()).isEqualTo(ProblemKind.VALIDATION);
        assertThat(fields(e)).containsExactlyInAnyOrder("q", "kind", "issuer", "audience", "from", "to", "k");
    }

    @Test
    void queryLengthRangeOrderAndSizeLimits() {
        assertThat(fields(error(request("가".repeat(SearchRequest.MAX_QUERY_CHARS + 1))))).containsExactly("q");
        assertThat(request("가".repeat(SearchRequest.MAX_QUERY_CHARS)).toQuery(false).text())
                .hasSize(SearchRequest.MAX_QUERY_CHARS);
        assertThat(fields(error(new SearchRequest("a", null, null, null, "2026-03-02", "2026-03-01", null))))
                .containsExactly("to");
        assertThat(fields(error(new SearchRequest("a", null, null, null, null, null, "101")))).containsExactly("k");
        assertThat(new SearchRequest("a", null, null, null, null, null, " 100 ").toQuery(false).k()).isEqualTo(100);
        List<String> many = java.util.stream.IntStream.range(0, 21).mapToObj(i -> "기관" + i).toList();
        assertThat(fields(error(new SearchRequest("a", null, many, null, null, null, null)))).containsExactly("issuer");
    }

    @Test
    void errorMessagesQuoteBadValuesOnlyBriefly() {
        MokminException e = error(new SearchRequest("a", List.of("X".repeat(500)), null, null, null, null, null));
        assertThat(errors(e).getFirst().get("message")).hasSizeLessThan(200).contains("ORDINANCE");
    }

    private static MokminException error(SearchRequest request) {
        return catchThrowableOfType(MokminException.class, () -> request.toQuery(true));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, String>> errors(MokminException e) {
        return (List<Map<String, String>>) e.properties().get("errors");
    }

    private static List<String> fields(MokminException e) {
        return errors(e).stream().map(m -> m.get("field")).toList();
    }
}
