package kr.mokmin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import kr.mokmin.search.SearchIndex;
import kr.mokmin.search.SearchTestCorpus;
import kr.mokmin.support.Http;
import kr.mokmin.support.IntegrationTest;

/** The staff search page over real HTTP with a real session: states, filters, escaping and links. */
class StaffSearchPageTest extends IntegrationTest {

    @Autowired
    SearchIndex index;

    private PageClient admin;

    @BeforeEach
    void setUp() {
        SearchTestCorpus.load(index);
        admin = new PageClient(url(""));
        assertThat(admin.login("admin", ADMIN_PASSWORD).status()).isEqualTo(302);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void thePageNeedsAStaffLoginAndIsInTheMenu() {
        Http.Response anonymous = new PageClient(url("")).get("/staff/search?q=" + enc("과태료"));
        assertThat(anonymous.status()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElse("")).endsWith("/login");

        Http.Response blank = admin.get("/staff/search");
        assertThat(blank.status()).isEqualTo(200);
        assertThat(blank.body()).contains("<h1>자료 검색</h1>", "href=\"/staff/search\"", "name=\"q\"",
                "value=\"ORDINANCE\"", "고시·공고").doesNotContain("id=\"results\"", "검색 결과가 없습니다",
                "id=\"search-error\"");
        // a GET form: nothing to protect with a CSRF token, and the URL can be bookmarked
        assertThat(blank.body()).containsPattern("<form[^>]*action=\"/staff/search\"[^>]*method=\"get\"");
    }

    @Test
    void resultsShowKindLocatorPageScoreAndLinkToThePassage() {
        Http.Response r = admin.get("/staff/search?q=" + enc("공영주차장 주차요금 조정 고시") + "&kind=NOTICE");
        assertThat(r.status()).isEqualTo(200);
        String body = r.body();
        assertThat(body).contains("검색 결과 1건", "2026년 공영주차장 주차요금 조정 고시", "고시·공고", "고시문", "2쪽",
                "파주시 교통정책과", "시행 2026-03-01", "점수 ",
                "href=\"/staff/documents/" + SearchTestCorpus.FEE_NOTICE + "?at=340\"");
        assertThat(body).containsPattern("<input type=\"checkbox\" name=\"kind\" value=\"NOTICE\" checked");
        assertThat(body).contains("<mark>공영주차장</mark>");
    }

    @Test
    void documentTextIsEscapedAndOnlyTheMatchesAreMarked() {
        String body = admin.get("/staff/search?q=" + enc("견인 차량 보관료")).body();
        assertThat(body).contains("&lt;script&gt;alert(&#39;<mark>견인</mark>&#39;)&lt;/script&gt;",
                "&lt;b onclick=&quot;x()&quot;&gt;");
        assertThat(body).doesNotContain("<script>alert", "<b onclick");
    }

    @Test
    void emptyQueryBadFilterAndNoResultsAreExplained() {
        Http.Response empty = admin.get("/staff/search?q=");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body()).contains("id=\"search-error\"", "검색어를 입력하세요.").doesNotContain("id=\"results\"");

        Http.Response badDate = admin.get("/staff/search?q=" + enc("과태료") + "&from=2026-02-30");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.body()).contains("검색 조건을 확인해 주세요.", "날짜는 yyyy-MM-dd 형식이어야 합니다",
                "value=\"과태료\"");

        Http.Response none = admin.get("/staff/search?q=" + enc("쀏뷁 qxzv"));
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.body()).contains("검색 결과 0건", "검색 결과가 없습니다").doesNotContain("id=\"results\"");
    }

    @Test
    void audienceFilterNarrowsToPublicOrInternal() {
        String all = admin.get("/staff/search?q=" + enc("불법주차 과태료")).body();
        assertThat(all).contains("불법 주정차 단속 업무 지침", "class=\"flag internal-flag\"");
        String publicOnly = admin.get("/staff/search?q=" + enc("불법주차 과태료") + "&audience=PUBLIC").body();
        assertThat(publicOnly).doesNotContain("불법 주정차 단속 업무 지침", "internal-flag")
                .contains("주정차위반 의견진술심의위원회");
        String internalOnly = admin.get("/staff/search?q=" + enc("불법주차 과태료") + "&audience=INTERNAL").body();
        assertThat(internalOnly).contains("검색 결과 1건", "불법 주정차 단속 업무 지침");
    }
}
