package kr.mokmin.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.test.context.TestPropertySource;

import kr.mokmin.knowledge.cli.MultipartBody;
import kr.mokmin.support.Http;
import kr.mokmin.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Base of the knowledge tests against the running application (one shared context): a 2 MB document limit so the
 * 413 path is cheap to reach, helpers to upload, wait for jobs and get tokens for other roles.
 */
@TestPropertySource(properties = "mokmin.knowledge.max-file-size=2MB")
public abstract class KnowledgeTest extends IntegrationTest {

    public static final long MAX_FILE = 2L * 1024 * 1024;
    /** A guard against a hung job, not a performance expectation. */
    private static final Duration JOB_GUARD = Duration.ofMinutes(3);
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    protected Http.Response upload(String bearer, MultipartBody body) {
        var request = body.applyTo(Http.request(url("/api/v1/documents")));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return Http.send(request.build());
    }

    /** Polls the job API until the job is DONE and returns it. */
    protected JsonNode awaitJob(String jobId) {
        Instant deadline = Instant.now().plus(JOB_GUARD);
        while (true) {
            var r = Http.get(url("/api/v1/jobs/" + jobId), ADMIN_TOKEN);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            if ("DONE".equals(r.json().get("status").asString())) {
                return r.json();
            }
            assertThat(Instant.now()).as("job %s still not done: %s", jobId, r.body()).isBefore(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** A bearer token of a (created once) user with this role. */
    protected String token(String username, String role, String department) {
        return TOKENS.computeIfAbsent(username, u -> {
            var body = new java.util.LinkedHashMap<String, Object>();
            body.put("username", u);
            body.put("displayName", u);
            body.put("role", role);
            if (department != null) {
                body.put("departmentCode", department);
            }
            var created = Http.postJson(url("/api/v1/admin/users"), Http.json(body), ADMIN_TOKEN);
            assertThat(created.status()).as(created.body()).isIn(201, 409);
            return Http.postJson(url("/api/v1/admin/users/" + u + "/tokens"), "{}", ADMIN_TOKEN).json()
                    .get("secret").asString();
        });
    }

    protected JsonNode document(String id) {
        var r = Http.get(url("/api/v1/documents/" + id), ADMIN_TOKEN);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }
}
