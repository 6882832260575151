package kr.mokmin.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import kr.mokmin.knowledge.demo.DemoCorpus;
import kr.mokmin.support.Http;
import kr.mokmin.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/search} over real HTTP against the application's real Lucene index, holding
 * {@link SearchTestCorpus}: ranking on real statutes and ordinances, provenance, filters, audience isolation,
 * inert snippets, and problem+json for bad parameters.
 */
class SearchApiTest extends IntegrationTest {

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    @Autowired
    SearchIndex index;

    @BeforeEach
    void corpus() {
        SearchTestCorpus.load(index);
    }

    // ------------------------------------------------------------------ ranking and provenance

    @Test
    void koreanQuestionsFindTheRightArticleFirst() {
        record Case(String query, String titleContains, String locator) {
        }
        for (Case c : List.of(
                // 불법주차 is a citizen's word: the synonym list brings in 주정차위반
                new Case("불법주차 과태료", "파주시 주정차위반 의견진술심의위원회 구성 및 운영 규칙", null),
                new Case("기준 중위소득", "국민기초생활 보장법", "제6조의2"),
                new Case("민원 처리기간 계산", "민원 처리에 관한 법률", "제19조"),
                new Case("대형폐기물 수거 수수료", "파주시 폐기물 관리에 관한 조례", "제24조"),
                new Case("주정차위반 의견진술", "파주시 주정차위반 의견진술심의위원회 구성 및 운영 규칙", "제1조"))) {
            JsonNode first = hits(ok(search(null, "q", c.query()))).getFirst();
            assertThat(first.get("title").asString()).as(c.query()).contains(c.titleContains());
            if (c.locator() != null) {
                assertThat(first.get("locator").asString()).as(c.query()).isEqualTo(c.locator());
            }
            assertThat(first.get("rank").asInt()).isEqualTo(1);
        }
    }

    @Test
    void aHitCarriesItsProvenanceScoresAndOffsetsIntoTheDocumentText() {
        JsonNode response = ok(search(null, "q", "민원 처리기간 계산"));
        assertThat(response.get("query").asString()).isEqualTo("민원 처리기간 계산");
        assertThat(response.get("audiences").toString()).isEqualTo("[\"PUBLIC\"]");
        JsonNode hit = hits(response).getFirst();
        assertThat(hit.get("documentId").asString()).isEqualTo(SearchTestCorpus.COMPLAINT_ACT);
        assertThat(hit.get("chunkId").asString()).startsWith(SearchTestCorpus.COMPLAINT_ACT + "#");
        assertThat(hit.get("documentVersion").asInt()).isEqualTo(1);
        assertThat(hit.get("kind").asString()).isEqualTo("STATUTE");
        assertThat(hit.get("kindLabel").asString()).isEqualTo("법령");
        assertThat(hit.get("issuer").asString()).isNotBlank();
        assertThat(LocalDate.parse(hit.get("effectiveDate").asString())).isAfter(LocalDate.of(2000, 1, 1));
        assertThat(hit.get("audience").asString()).isEqualTo("PUBLIC");
        assertThat(hit.get("sourceUrl").asString()).startsWith("https://www.law.go.kr/");
        assertThat(hit.get("page").isNull()).isTrue();
        assertThat(hit.get("score").asDouble()).isPositive();
        assertThat(hit.get("lexicalScore").asDouble()).isPositive();
        assertThat(hit.get("vectorScore").isNull()).as("no embedder configured").isTrue();
        // the offsets cut the article out of the document's own text
        String documentText = DemoCorpus.load().entries()
                .filter(e -> DemoChunks.documentId(e.document().path()).equals(SearchTestCorpus.COMPLAINT_ACT))
                .findFirst().orElseThrow().text();
        String cited = documentText.substring(hit.get("startOffset").asInt(), hit.get("endOffset").asInt());
        assertThat(cited).contains("제19조", "처리기간의 계산", "시간");
        // and a page number and source URL come back when the chunk has them
        JsonNode notice = hits(ok(search(null, "q", "공영주차장 주차요금 조정 고시"))).stream()
                .filter(h -> h.get("documentId").asString().equals(SearchTestCorpus.FEE_NOTICE)).findFirst()
                .orElseThrow();
        assertThat(notice.get("page").asInt()).isEqualTo(2);
        assertThat(notice.get("sourceUrl").asString()).isEqualTo("https://www.paju.go.kr/notice/2026-77");
        assertThat(notice.get("kindLabel").asString()).isEqualTo("고시·공고");
    }

    @Test
    void snippetHighlightsAreTheMatchedWordsAndTheHtmlHasNoOtherMarkup() {
        for (JsonNode hit : hits(ok(search(null, "q", "민원 처리기간 계산", "k", "5")))) {
            JsonNode snippet = hit.get("snippet");
            String text = snippet.get("text").asString();
            assertThat(snippet.get("highlights")).isNotEmpty();
            for (JsonNode h : snippet.get("highlights")) {
                String marked = text.substring(h.get("start").asInt(), h.get("end").asInt());
                assertThat(marked).matches(".*(민원|처리|기간|계산).*");
            }
            String html = snippet.get("html").asString();
            assertThat(html).contains("<mark>");
            assertThat(html.replace("<mark>", "").replace("</mark>", "")).doesNotContain("<", ">");
        }
    }

    @Test
    void markupInsideADocumentComesBackInert() {
        JsonNode hit = hits(ok(search(null, "q", "견인 차량 보관료"))).getFirst();
        assertThat(hit.get("documentId").asString()).isEqualTo(SearchTestCorpus.MARKUP_FAQ);
        JsonNode snippet = hit.get("snippet");
        // plain text keeps the characters as they are written...
        assertThat(snippet.get("text").asString()).contains("<script>alert('견인')</script>", "& 부과");
        // ...and the HTML has them as character references only
        String html = snippet.get("html").asString();
        assertThat(html).contains("&lt;script&gt;alert(&#39;", "&lt;b onclick=&quot;x()&quot;&gt;", "&amp; 부과")
                .doesNotContain("<script", "<b ", "onclick=\"");
        assertThat(html.replace("<mark>", "").replace("</mark>", "")).doesNotContain("<", ">");
        assertThat(html).contains("<mark>견인</mark>");
    }

    // ------------------------------------------------------------------ filters

    @Test
    void kindFilterTakesRepeatedOrCommaSeparatedValuesInAnyCase() {
        List<JsonNode> comma = hits(ok(search(null, "q", "주차 과태료", "kind", "ORDINANCE,RULE", "k", "20")));
        List<JsonNode> repeated = hits(ok(search(null, "q", "주차 과태료", "kind", "ordinance", "kind", "Rule",
                "k", "20")));
        assertThat(comma).isNotEmpty().allSatisfy(h -> assertThat(h.get("kind").asString()).isIn("ORDINANCE", "RULE"));
        assertThat(ids(repeated)).isEqualTo(ids(comma));
        assertThat(hits(ok(search(null, "q", "주차 과태료", "kind", "STATUTE", "k", "20"))))
                .isNotEmpty().allSatisfy(h -> assertThat(h.get("kind").asString()).isEqualTo("STATUTE"));
    }

    @Test
    void issuerAndEffectiveDateFiltersKeepOnlyMatchingChunks() {
        List<JsonNode> byIssuer = hits(ok(search(null, "q", "공영주차장 주차요금", "issuer", "파주시 교통정책과")));
        assertThat(ids(byIssuer)).containsExactly(SearchTestCorpus.FEE_NOTICE + "#0");

        List<JsonNode> recent = hits(ok(search(null, "q", "공영주차장 주차요금", "from", "2026-01-01", "k", "50")));
        assertThat(ids(recent)).contains(SearchTestCorpus.FEE_NOTICE + "#0");
        assertThat(recent).allSatisfy(h -> assertThat(LocalDate.parse(h.get("effectiveDate").asString()))
                .isAfterOrEqualTo(LocalDate.of(2026, 1, 1)));

        List<JsonNode> older = hits(ok(search(null, "q", "공영주차장 주차요금", "to", "2025-12-31", "k", "50")));
        assertThat(older).isNotEmpty().allSatisfy(h -> assertThat(LocalDate.parse(h.get("effectiveDate").asString()))
                .isBeforeOrEqualTo(LocalDate.of(2025, 12, 31)));
        assertThat(ids(older)).doesNotContain(SearchTestCorpus.FEE_NOTICE + "#0");

        List<JsonNode> day = hits(ok(search(null, "q", "공영주차장 주차요금", "from", "2026-03-01", "to", "2026-03-01")));
        assertThat(ids(day)).containsExactly(SearchTestCorpus.FEE_NOTICE + "#0");
    }

    @Test
    void kLimitsTheNumberOfHits() {
        assertThat(hits(ok(search(null, "q", "주차장", "k", "3")))).hasSize(3);
        assertThat(hits(ok(search(null, "q", "주차장")))).hasSize(SearchRequest.DEFAULT_K);
        assertThat(hits(ok(search(null, "q", "주차장", "k", "100")))).hasSizeGreaterThan(SearchRequest.DEFAULT_K);
        assertThat(hits(ok(search(null, "q", "쀏뷁 qxzv")))).isEmpty();
    }

    // ------------------------------------------------------------------ audience

    @Test
    void anInternalChunkNeverReachesAnonymousCallers() {
        List<String[]> attempts = List.of(
                new String[] {"q", "불법주차 과태료"},
                new String[] {"q", SearchTestCorpus.INTERNAL_GUIDE_TEXT, "k", "30"},
                new String[] {"q", "불법주차 과태료", "kind", "GUIDELINE"},
                new String[] {"q", "단속반 교통지도팀 내선", "issuer", "파주시 교통정책과"},
                new String[] {"q", "불법주차 과태료", "audience", "PUBLIC", "k", "100"},
                new String[] {"q", "과태료 감경 대상", "from", "2025-01-01", "to", "2025-01-01"});
        // (citizens have no accounts: a citizen is an anonymous caller)
        for (String[] params : attempts) {
            for (JsonNode hit : hits(ok(search(null, params)))) {
                assertThat(hit.get("audience").asString()).isEqualTo("PUBLIC");
                assertThat(hit.get("documentId").asString()).isNotEqualTo(SearchTestCorpus.INTERNAL_GUIDE);
            }
        }
        // asking for internal documents is refused, not silently narrowed
        for (String audience : List.of("INTERNAL", "internal", "PUBLIC,INTERNAL")) {
            Http.Response refused = search(null, "q", "불법주차 과태료", "audience", audience);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("type").asString()).isEqualTo("/problems/forbidden");
            assertThat(refused.body()).doesNotContain("교통지도팀");
        }
    }

    @Test
    void staffSearchInternalAndPublicDocumentsAndMayNarrowToEither() {
        String officer = token("search.officer", "OFFICER", "TRAFFIC_ADMIN");
        for (String staff : List.of(officer, ADMIN_TOKEN)) {
            JsonNode all = ok(search(staff, "q", "불법주차 과태료"));
            assertThat(all.get("audiences").toString()).isEqualTo("[\"PUBLIC\",\"INTERNAL\"]");
            JsonNode first = hits(all).getFirst();
            assertThat(first.get("documentId").asString()).isEqualTo(SearchTestCorpus.INTERNAL_GUIDE);
            assertThat(first.get("audience").asString()).isEqualTo("INTERNAL");
            assertThat(first.get("locator").asString()).isEqualTo(SearchTestCorpus.INTERNAL_GUIDE_LOCATOR);
            assertThat(first.get("kindLabel").asString()).isEqualTo("지침");
            assertThat(hits(ok(search(staff, "q", "불법주차 과태료", "audience", "INTERNAL"))))
                    .isNotEmpty().allSatisfy(h -> assertThat(h.get("audience").asString()).isEqualTo("INTERNAL"));
            assertThat(ids(hits(ok(search(staff, "q", "불법주차 과태료", "audience", "PUBLIC")))))
                    .isNotEmpty().doesNotContain(SearchTestCorpus.INTERNAL_GUIDE + "#0");
        }
    }

    // ------------------------------------------------------------------ bad requests

    @Test
    void badParametersAreProblemJsonNamingTheField() {
        assertInvalid(search(null), "q");
        assertInvalid(search(null, "q", "   "), "q");
        assertInvalid(search(null, "q", "가".repeat(SearchRequest.MAX_QUERY_CHARS + 1)), "q");
        assertThat(search(null, "q", "가".repeat(SearchRequest.MAX_QUERY_CHARS)).status()).isEqualTo(200);
        Http.Response kind = search(null, "q", "주차", "kind", "LAW");
        assertInvalid(kind, "kind");
        assertThat(kind.json().get("errors").get(0).get("message").asString()).contains("'LAW'", "ORDINANCE", "WELFARE");
        assertInvalid(search(null, "q", "주차", "audience", "EVERYONE"), "audience");
        assertInvalid(search(null, "q", "주차", "from", "2026-13-01"), "from");
        assertInvalid(search(null, "q", "주차", "to", "어제"), "to");
        assertInvalid(search(null, "q", "주차", "from", "2026-03-02", "to", "2026-03-01"), "to");
        for (String k : List.of("0", "101", "-1", "열", "1.5")) {
            assertInvalid(search(null, "q", "주차", "k", k), "k");
        }
        // every problem at once, so a client can fix them in one go
        Http.Response many = search(null, "kind", "LAW", "k", "0", "from", "x");
        assertThat(many.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        many.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("q", "kind", "k", "from");
        // a bad token is refused rather than treated as anonymous
        Http.Response badToken = search("not-a-token", "q", "주차");
        assertThat(badToken.status()).isEqualTo(401);
        assertThat(badToken.contentType()).startsWith("application/problem+json");
    }

    @Test
    void openApiDescribesTheParametersAndTheSnippetFormat() {
        Http.Response docs = Http.get(url("/api-docs"), null);
        assertThat(docs.status()).isEqualTo(200);
        JsonNode operation = docs.json().get("paths").get("/api/v1/search").get("get");
        List<String> names = new ArrayList<>();
        operation.get("parameters").forEach(p -> names.add(p.get("name").asString()));
        assertThat(names).containsExactly("q", "kind", "issuer", "audience", "from", "to", "k");
        assertThat(operation.get("responses").has("403")).isTrue();
        assertThat(operation.get("responses").has("429")).isTrue();
        String snippetDoc = docs.json().get("components").get("schemas").get("SnippetView").get("description")
                .asString();
        assertThat(snippetDoc).contains("<mark>", "UTF-16", "escaped");
    }

    // ------------------------------------------------------------------ helpers

    private Http.Response search(String bearer, String... params) {
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < params.length; i += 2) {
            query.append(query.isEmpty() ? "?" : "&").append(params[i]).append('=')
                    .append(URLEncoder.encode(params[i + 1], StandardCharsets.UTF_8));
        }
        return Http.get(url("/api/v1/search" + query), bearer);
    }

    private static JsonNode ok(Http.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        return r.json();
    }

    private static List<JsonNode> hits(JsonNode response) {
        List<JsonNode> hits = new ArrayList<>();
        response.get("hits").forEach(hits::add);
        return hits;
    }

    private static List<String> ids(List<JsonNode> hits) {
        return hits.stream().map(h -> h.get("chunkId").asString()).toList();
    }

    private static void assertInvalid(Http.Response r, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("type").asString()).isEqualTo("/problems/validation");
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

    /** A bearer token of a user of this test class (created once per server). */
    private String token(String username, String role, String department) {
        return TOKENS.computeIfAbsent(username + "@" + port, key -> {
            Map<String, Object> user = new java.util.HashMap<>(Map.of("username", username, "role", role,
                    "displayName", username));
            if (department != null) {
                user.put("departmentCode", department);
            }
            Http.Response created = Http.postJson(url("/api/v1/admin/users"), Http.json(user), ADMIN_TOKEN);
            assertThat(created.status()).as(created.body()).isIn(201, 409);
            return Http.postJson(url("/api/v1/admin/users/" + username + "/tokens"), "{}", ADMIN_TOKEN).json()
                    .get("secret").asString();
        });
    }
}
