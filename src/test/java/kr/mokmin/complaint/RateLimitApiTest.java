package kr.mokmin.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import kr.mokmin.support.Http;
import kr.mokmin.support.IntegrationTest;

/** Public intake is rate-limited per client address; authenticated staff are not. */
@TestPropertySource(properties = {"mokmin.intake.rate-per-minute=1", "mokmin.intake.burst=3"})
class RateLimitApiTest extends IntegrationTest {

    private static final String BODY = "{\"title\": \"제목\", \"body\": \"내용\"}";

    @Test
    void fourthQuickRequestIsRefusedWith429() {
        for (int i = 0; i < 3; i++) {
            assertThat(Http.postJson(url("/api/v1/complaints"), BODY, null).status()).isEqualTo(201);
        }
        var limited = Http.postJson(url("/api/v1/complaints"), BODY, null);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json().get("type").asString()).isEqualTo("/problems/rate-limited");
        assertThat(Http.postJson(url("/api/v1/complaints"), BODY, ADMIN_TOKEN).status()).isEqualTo(201);
    }
}
