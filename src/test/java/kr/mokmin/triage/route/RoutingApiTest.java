package kr.mokmin.triage.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import kr.mokmin.audit.AuditEvent;
import kr.mokmin.audit.AuditTrail;
import kr.mokmin.complaint.TaxonomyStore;
import kr.mokmin.support.Http;
import kr.mokmin.support.IntegrationTest;
import kr.mokmin.triage.pii.PiiMasker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The training API over real HTTP, the background retrain, online learning and reloading after a restart. */
@TestPropertySource(properties = "mokmin.triage.routing.max-training-upload=64KB")
class RoutingApiTest extends IntegrationTest {

    @Autowired
    DepartmentRouter router;
    @Autowired
    RoutingService service;
    @Autowired
    RoutingStore store;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditTrail audit;

    private Http.Response upload(String body, String contentType, String token) {
        return upload(body.getBytes(StandardCharsets.UTF_8), contentType, token);
    }

    private Http.Response upload(byte[] body, String contentType, String token) {
        var b = Http.request(url("/api/v1/triage/training")).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return Http.send(b.build());
    }

    private static String jsonl(List<RouterTrainer.Example> examples) {
        return examples.stream().map(e -> Http.json(Map.of("title", e.title(), "content", e.body(),
                "department", e.label()))).collect(Collectors.joining("\n"));
    }

    private String officerToken() {
        Http.postJson(url("/api/v1/admin/users"), Http.json(Map.of("username", "route.officer", "displayName", "김주무관",
                "role", "OFFICER", "departmentCode", "PARKS", "password", "officer-password-1")), ADMIN_TOKEN);
        return Http.postJson(url("/api/v1/admin/users/route.officer/tokens"), "{}", ADMIN_TOKEN).json().get("secret")
                .asString();
    }

    @Test
    void onlyAdministratorsTrain() {
        String officer = officerToken();
        assertThat(upload("{}", "application/x-ndjson", null).status()).isEqualTo(401);
        assertThat(upload("{}", "application/x-ndjson", officer).status()).isEqualTo(403);
        assertThat(Http.postJson(url("/api/v1/triage/retrain"), "", officer).status()).isEqualTo(403);
        Http.Response model = Http.get(url("/api/v1/triage/model"), officer);
        assertThat(model.status()).isEqualTo(403);
        assertThat(model.contentType()).startsWith("application/problem+json");
    }

    @Test
    void uploadsAreLimitedAndMustNotBeEmpty() {
        Http.Response tooLarge = upload(new byte[100 * 1024], "text/csv", ADMIN_TOKEN);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.json().get("type").asString()).isEqualTo("/problems/payload-too-large");
        assertThat(upload("", "text/csv", ADMIN_TOKEN).status()).isEqualTo(400);
    }

    @Test
    void importTrainRouteLearnAndReload() throws Exception {
        // nothing to train on yet
        Http.Response empty = Http.postJson(url("/api/v1/triage/retrain"), "", ADMIN_TOKEN);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("type").asString()).isEqualTo("/problems/validation");
        assertThat(Http.get(url("/api/v1/triage/model"), ADMIN_TOKEN).json().get("modelVersion").asString())
                .isEqualTo("cold-start");

        String body = jsonl(RoutingFixtures.examples())
                + "\n{\"title\": \"연락처 010-1234-5678\", \"content\": \"악취 신고 010-1234-5678\", \"department\": \"ENVIRONMENT\"}"
                + "\n{\"text\": \"우주 정거장 민원\", \"department\": \"SPACE_AGENCY\"}"
                + "\n{\"text\": \"   \", \"department\": \"PARKS\"}\n";
        Http.Response imported = upload(body, "application/x-ndjson", ADMIN_TOKEN);
        assertThat(imported.status()).isEqualTo(200);
        JsonNode report = imported.json();
        assertThat(report.get("accepted").asInt()).isEqualTo(97);
        assertThat(report.get("rejectedCount").asInt()).isEqualTo(2);
        assertThat(report.get("rejected").get(0).get("line").asInt()).isEqualTo(98);
        assertThat(report.get("rejected").get(0).get("reason").asString()).contains("SPACE_AGENCY");
        assertThat(report.get("rejected").get(1).get("line").asInt()).isEqualTo(99);
        // PII is masked before it is stored
        List<String> stored = jdbc.sql("SELECT title || ' ' || body FROM triage_training_example WHERE title LIKE '연락처%'")
                .query(String.class).list();
        assertThat(stored).singleElement().satisfies(s -> assertThat(s).doesNotContain("1234-5678"));

        // the same examples again are duplicates; a CP949 CSV with department names is understood
        assertThat(upload(body, "application/x-ndjson", ADMIN_TOKEN).json().get("duplicates").asInt()).isEqualTo(97);
        byte[] csv = "제목,내용,부서\r\n하수구 역류,비가 오면 하수구가 역류합니다,하수과\r\n".getBytes(TrainingFile.CP949);
        JsonNode csvReport = upload(csv, "text/csv", ADMIN_TOKEN).json();
        assertThat(csvReport.get("accepted").asInt()).isEqualTo(1);
        assertThat(csvReport.get("charset").asString()).isEqualTo("x-windows-949");

        Http.Response started = Http.postJson(url("/api/v1/triage/retrain"), "", ADMIN_TOKEN);
        assertThat(started.status()).isEqualTo(202);
        int version = started.json().get("version").asInt();
        assertThat(version).isEqualTo(1);
        assertThat(started.headers().firstValue("Location")).hasValue("/api/v1/triage/model/versions/1");
        JsonNode ready = awaitReady(version);
        assertThat(ready.get("active").asBoolean()).isTrue();
        assertThat(ready.get("examples").asInt()).isEqualTo(98);
        assertThat(ready.get("metrics").get("cvTop1").asDouble()).isGreaterThan(0.8);
        assertThat(ready.get("metrics").get("temperature").asDouble()).isPositive();

        JsonNode model = Http.get(url("/api/v1/triage/model"), ADMIN_TOKEN).json();
        assertThat(model.get("modelVersion").asString()).isEqualTo("v1");
        assertThat(model.get("active").get("version").asInt()).isEqualTo(1);
        assertThat(model.get("examples").get("total").asInt()).isEqualTo(98);
        assertThat(model.get("examples").get("perDepartment").get("TRAFFIC_ADMIN").asInt()).isEqualTo(16);
        assertThat(Files.isRegularFile(dataDir().resolve("triage/model-v1.bin"))).isTrue();
        assertThat(audit.forEntity("triage-model", "1")).extracting(AuditEvent::action)
                .contains("triage.model.training-started", "triage.model.activated");

        assertThat(router.route("주차 단속 바랍니다", "상가 앞 인도에 불법 주정차 차량", 3).getFirst().label())
                .isEqualTo("TRAFFIC_ADMIN");
        String title = "맨홀 뚜껑이 덜컹거려요";
        String text = "차가 지나갈 때마다 맨홀 뚜껑 소리가 크게 납니다";
        router.learn(title, text, "SEWER");
        assertThat(router.modelVersion()).isEqualTo("v1+1");
        assertThat(router.route(title, text, 1).getFirst().label()).isEqualTo("SEWER");
        assertThat(store.counts().corrections()).isEqualTo(1);

        // a restart: a new service over the same database and files loads v1 and replays the correction
        RoutingService restarted = new RoutingService(
                new LearningRouter(taxonomy::current, FeatureExtractor.DEFAULT), store, taxonomy, masker, audit,
                tx, java.time.Clock.systemUTC(), json, dataDir().resolve("triage"), RouterTrainer.Options.product());
        try {
            restarted.loadInBackground().get();
            assertThat(restarted.modelVersion()).isEqualTo("v1+1");
            assertThat(restarted.route(title, text, 1).getFirst().label()).isEqualTo("SEWER");
        } finally {
            restarted.close();
        }
    }

    @Autowired
    TaxonomyStore taxonomy;
    @Autowired
    PiiMasker masker;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JsonMapper json;

    private JsonNode awaitReady(int version) throws InterruptedException {
        Instant guard = Instant.now().plus(Duration.ofMinutes(5));
        while (true) {
            Http.Response r = Http.get(url("/api/v1/triage/model/versions/" + version), ADMIN_TOKEN);
            assertThat(r.status()).isEqualTo(200);
            JsonNode v = r.json();
            assertThat(v.get("status").asString()).isNotEqualTo("FAILED");
            if (v.get("status").asString().equals("READY")) {
                return v;
            }
            assertThat(Instant.now()).as("training of v%d hangs", version).isBefore(guard);
            Thread.sleep(200);
        }
    }
}
