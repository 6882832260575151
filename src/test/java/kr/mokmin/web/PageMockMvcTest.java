package kr.mokmin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import jakarta.servlet.RequestDispatcher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Page behaviour that needs its own context: public form posts are rate-limited per client address (here a tiny
 * budget: 2 at once, 1 a minute); over the limit the citizen gets the Korean 429 page while the API keeps
 * answering problem+json. Also the 500 page as Spring Boot's error route renders it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PageMockMvcTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        Path dataDir = Files.createTempDirectory("mokmin-ratelimit-");
        registry.add("mokmin.data-dir", dataDir::toString);
        registry.add("MOKMIN_ADMIN_PASSWORD", () -> "rate-limit-admin-password");
        registry.add("mokmin.intake.rate-per-minute", () -> "1");
        registry.add("mokmin.intake.burst", () -> "2");
    }

    @Autowired
    MockMvc mvc;

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request, String address) throws Exception {
        return mvc.perform(request.with(r -> {
            r.setRemoteAddr(address);
            return r;
        })).andReturn().getResponse();
    }

    private static MockHttpServletRequestBuilder emptyForm() {
        return post("/minwon/new").with(csrf()).accept(MediaType.TEXT_HTML).characterEncoding("UTF-8")
                .param("title", "").param("body", "");
    }

    @Test
    void formPostsOverTheLimitGetTheKorean429Page() throws Exception {
        assertThat(send(emptyForm(), "10.0.0.1").getStatus()).isEqualTo(400);
        assertThat(send(emptyForm(), "10.0.0.1").getStatus()).isEqualTo(400);

        MockHttpServletResponse limited = send(emptyForm(), "10.0.0.1");

        assertThat(limited.getStatus()).isEqualTo(429);
        assertThat(limited.getContentType()).startsWith("text/html");
        String html = limited.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(html).contains("<html lang=\"ko\">", "요청이 너무 많습니다", "잠시 후 다시 시도해 주세요",
                "파주시 민원 포털");

        // Another client is not affected.
        assertThat(send(emptyForm(), "10.0.0.2").getStatus()).isEqualTo(400);

        // The API shares the per-address budget and keeps its problem+json answer.
        MockHttpServletResponse api = send(post("/api/v1/complaints").contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"제목\",\"body\":\"내용\"}"), "10.0.0.1");
        assertThat(api.getStatus()).isEqualTo(429);
        assertThat(api.getContentType()).startsWith("application/problem+json");
    }

    @Test
    void statusLookupsAreLimitedToo() throws Exception {
        MockHttpServletRequestBuilder lookup = post("/minwon/status").with(csrf()).accept(MediaType.TEXT_HTML)
                .param("receiptNo", "1999-000001").param("phone", "010-1234-5678");
        assertThat(send(lookup, "10.0.1.1").getStatus()).isEqualTo(404);
        assertThat(send(lookup, "10.0.1.1").getStatus()).isEqualTo(404);

        MockHttpServletResponse limited = send(lookup, "10.0.1.1");

        assertThat(limited.getStatus()).isEqualTo(429);
        assertThat(limited.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("요청이 너무 많습니다");
    }

    @Test
    void serverErrorsForwardedToTheErrorRouteGetTheKorean500Page() throws Exception {
        MockHttpServletResponse r = mvc.perform(get("/error").accept(MediaType.TEXT_HTML)
                .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
                .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/minwon/new")).andReturn().getResponse();

        assertThat(r.getStatus()).isEqualTo(500);
        assertThat(r.getContentType()).startsWith("text/html");
        assertThat(r.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("일시적인 오류가 발생했습니다", "시청 민원실로 문의해 주세요", "파주시 민원 포털")
                .doesNotContain("Exception", "trace");
    }
}
