package kr.mokmin.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import kr.mokmin.support.Http;
import kr.mokmin.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** The complaint REST API over real HTTP: intake, roles, transitions and every kind of bad input. */
class ComplaintApiTest extends IntegrationTest {

    private static final String VALID = """
            {"title": "소화전 앞 불법 주차", "body": "매일 밤 소화전 앞에 같은 차량이 주차되어 있습니다.",
             "serviceCode": "ILLEGAL_PARKING",
             "contact": {"name": "홍길동", "phone": "010-2222-3333", "email": "hong@example.kr"},
             "location": {"address": "경기도 파주시 금촌동 1", "latitude": 37.76, "longitude": 126.77}}""";

    private Http.Response create(String json, String... headers) {
        return Http.postJson(url("/api/v1/complaints"), json, null, headers);
    }

    private String officerToken(String username, String department) {
        var created = Http.postJson(url("/api/v1/admin/users"), Http.json(Map.of("username", username,
                "displayName", username, "role", "OFFICER", "departmentCode", department,
                "password", "officer-password-1")), ADMIN_TOKEN);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var token = Http.postJson(url("/api/v1/admin/users/" + username + "/tokens"), "{\"label\": \"test\"}",
                ADMIN_TOKEN);
        assertThat(token.status()).isEqualTo(201);
        return token.json().get("secret").asString();
    }

    @Test
    void citizenFilesAComplaintAndChecksItsStatus() {
        var created = create(VALID);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode body = created.json();
        String receiptNo = body.get("receiptNo").asString();
        assertThat(receiptNo).matches("\\d{4}-\\d{6}");
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/complaints/" + receiptNo);
        // triage routed it at intake to the chosen service's department
        assertThat(body.get("status").asString()).isEqualTo("TRIAGED");
        assertThat(body.get("dueAt").asString()).endsWith("+09:00");
        assertThat(body.get("citizenToken").asString()).hasSize(32);

        var status = Http.postJson(url("/api/v1/complaints/lookup"),
                Http.json(Map.of("receiptNo", receiptNo, "phone", "01022223333")), null);
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.json().get("statusLabel").asString()).isEqualTo("분류");
        assertThat(status.json().get("dueAt").asString()).isEqualTo(body.get("dueAt").asString());
        assertThat(status.body()).doesNotContain("010-2222-3333", "hong@example.kr", "홍길동");

        var wrongPhone = Http.postJson(url("/api/v1/complaints/lookup"),
                Http.json(Map.of("receiptNo", receiptNo, "phone", "01099998888")), null);
        assertThat(wrongPhone.status()).isEqualTo(404);
        assertThat(wrongPhone.contentType()).startsWith("application/problem+json");

        // Staff data needs authentication.
        assertThat(Http.get(url("/api/v1/complaints/" + receiptNo), null).status()).isEqualTo(401);
        var staff = Http.get(url("/api/v1/complaints/" + receiptNo), ADMIN_TOKEN);
        assertThat(staff.status()).isEqualTo(200);
        assertThat(staff.json().get("contact").get("phone").asString()).isEqualTo("010-2222-3333");
        assertThat(staff.json().get("serviceName").asString()).isEqualTo("불법 주정차 신고");
        assertThat(staff.json().get("dueAt").asString()).isEqualTo(body.get("dueAt").asString());
    }

    @Test
    void idempotencyKeyOverHttp() {
        var first = create(VALID, "Idempotency-Key", "http-idem-1");
        var again = create(VALID, "Idempotency-Key", "http-idem-1");
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(again.json().get("receiptNo").asString()).isEqualTo(first.json().get("receiptNo").asString());
        var misuse = create(VALID.replace("소화전 앞 불법 주차", "다른 제목"), "Idempotency-Key", "http-idem-1");
        assertThat(misuse.status()).isEqualTo(422);
        assertThat(misuse.json().get("type").asString()).isEqualTo("/problems/idempotency-key-reused");
    }

    @Test
    void transitionsOverHttpAndIllegalOnesAreProblems() {
        // no service and nothing to route by: it waits in the routing queue without a department
        var unrouted = create("{\"title\": \"문의\", \"body\": \"확인 부탁드립니다.\"}");
        assertThat(unrouted.json().get("status").asString()).isEqualTo("RECEIVED");
        String no = unrouted.json().get("receiptNo").asString();
        String path = "/api/v1/complaints/" + no + "/transitions";
        var illegal = Http.postJson(url(path), "{\"to\": \"CLOSED\"}", ADMIN_TOKEN);
        assertThat(illegal.status()).isEqualTo(409);
        assertThat(illegal.contentType()).startsWith("application/problem+json");
        JsonNode problem = illegal.json();
        assertThat(problem.get("type").asString()).isEqualTo("/problems/illegal-transition");
        assertThat(problem.get("allowed").toString()).contains("ASSIGNED");

        var missingDept = Http.postJson(url(path), "{\"to\": \"ASSIGNED\"}", ADMIN_TOKEN);
        assertThat(missingDept.status()).isEqualTo(400);
        assertThat(missingDept.json().get("type").asString()).isEqualTo("/problems/validation");

        var assigned = Http.postJson(url(path), "{\"to\": \"ASSIGNED\", \"departmentCode\": \"TRAFFIC_ADMIN\", "
                + "\"type\": \"GRIEVANCE\"}", ADMIN_TOKEN);
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        assertThat(assigned.json().get("departmentName").asString()).isEqualTo("교통행정과");
        assertThat(assigned.json().get("typeLabel").asString()).isEqualTo("고충");
        assertThat(assigned.json().get("history")).hasSize(2);

        var audit = Http.get(url("/api/v1/admin/audit?entityType=complaint&entityId=" + no), ADMIN_TOKEN);
        assertThat(audit.json()).hasSize(2);
    }

    @Test
    void officersOnlySeeTheirDepartmentOverHttp() {
        String traffic = officerToken("traffic1", "TRAFFIC_ADMIN");
        String parks = officerToken("parks1", "PARKS");
        String no = create(VALID).json().get("receiptNo").asString();
        Http.postJson(url("/api/v1/complaints/" + no + "/transitions"),
                "{\"to\": \"ASSIGNED\", \"departmentCode\": \"TRAFFIC_ADMIN\"}", ADMIN_TOKEN);

        assertThat(Http.get(url("/api/v1/complaints/" + no), traffic).status()).isEqualTo(200);
        assertThat(Http.get(url("/api/v1/complaints/" + no), parks).status()).isEqualTo(404);
        var parksList = Http.get(url("/api/v1/complaints?limit=200"), parks).json();
        assertThat(parksList.get("items").toString()).doesNotContain(no);
        var trafficList = Http.get(url("/api/v1/complaints?limit=200"), traffic).json();
        assertThat(trafficList.get("items").toString()).contains(no);
        assertThat(Http.get(url("/api/v1/complaints?department=TRAFFIC_ADMIN"), parks).status()).isEqualTo(403);
        // Officers are not admins.
        assertThat(Http.get(url("/api/v1/admin/users"), traffic).status()).isEqualTo(403);
        assertThat(Http.postJson(url("/api/v1/complaints/" + no + "/transitions"), "{\"to\": \"IN_PROGRESS\"}",
                parks).status()).isEqualTo(404);
        assertThat(Http.postJson(url("/api/v1/complaints/" + no + "/transitions"), "{\"to\": \"IN_PROGRESS\"}",
                traffic).status()).isEqualTo(200);
    }

    @Test
    void badInputGetsClearProblemsAndStoresNothing() {
        long before = Http.get(url("/api/v1/complaints?limit=1"), ADMIN_TOKEN).json().get("total").asLong();

        var malformed = create("{\"title\": \"제목\", ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        assertThat(malformed.json().get("type").asString()).isEqualTo("/problems/malformed-request");

        var unknownField = create(VALID.replace("\"serviceCode\"", "\"priority\": 1, \"serviceCode\""));
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.json().get("detail").asString()).contains("priority");

        var invalid = create("{\"title\": \"\", \"body\": \"\", \"contact\": {\"phone\": \"12\"}}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("errors").toString()).contains("title", "body", "contact.phone");

        var unknownService = create(VALID.replace("ILLEGAL_PARKING", "NO_SUCH_SERVICE"));
        assertThat(unknownService.status()).isEqualTo(400);

        String tenMegabytes = "{\"title\": \"큰 본문\", \"body\": \"" + "가".repeat(3_500_000) + "\"}";
        var huge = create(tenMegabytes);
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.contentType()).startsWith("application/problem+json");

        // Chunked (no Content-Length) bodies are capped too: the server answers 413 and stops reading, which
        // the client may see as a reset while it is still sending. Either way nothing is stored (checked below).
        try {
            var chunked = Http.send(Http.request(url("/api/v1/complaints"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(
                            () -> new java.io.ByteArrayInputStream(tenMegabytes.getBytes(StandardCharsets.UTF_8))))
                    .build());
            assertThat(chunked.status()).isEqualTo(413);
        } catch (java.io.UncheckedIOException resetWhileSending) {
            assertThat(resetWhileSending).hasMessageContaining("chunked");
        }

        byte[] eucKr = VALID.getBytes(Charset.forName("EUC-KR"));
        var wrongEncoding = Http.send(Http.request(url("/api/v1/complaints"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(eucKr))
                .build());
        assertThat(wrongEncoding.status()).isEqualTo(400);

        var xml = Http.send(Http.request(url("/api/v1/complaints")).header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString("<complaint/>")).build());
        assertThat(xml.status()).isEqualTo(415);
        assertThat(xml.contentType()).startsWith("application/problem+json");

        var badToken = Http.get(url("/api/v1/complaints"), "not-a-real-token-at-all");
        assertThat(badToken.status()).isEqualTo(401);
        assertThat(badToken.contentType()).startsWith("application/problem+json");

        var badQuery = Http.get(url("/api/v1/complaints?status=NOPE"), ADMIN_TOKEN);
        assertThat(badQuery.status()).isEqualTo(400);
        var noSuchPath = Http.get(url("/api/v1/no-such-thing"), ADMIN_TOKEN);
        assertThat(noSuchPath.status()).isEqualTo(404);
        assertThat(noSuchPath.json().get("type").asString()).isEqualTo("/problems/not-found");
        var wrongMethod = Http.send(Http.request(url("/api/v1/taxonomy")).header("Authorization",
                "Bearer " + ADMIN_TOKEN).DELETE().build());
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.json().get("type").asString()).isEqualTo("/problems/http-405");

        long after = Http.get(url("/api/v1/complaints?limit=1"), ADMIN_TOKEN).json().get("total").asLong();
        assertThat(after).isEqualTo(before);
    }

    @Test
    void declaredEucKrIsDecodedNotMangled() {
        byte[] eucKr = VALID.getBytes(Charset.forName("EUC-KR"));
        var created = Http.send(Http.request(url("/api/v1/complaints"))
                .header("Content-Type", "application/json; charset=EUC-KR")
                .POST(HttpRequest.BodyPublishers.ofByteArray(eucKr)).build());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var staff = Http.get(url("/api/v1/complaints/" + created.json().get("receiptNo").asString()), ADMIN_TOKEN);
        assertThat(staff.json().get("title").asString()).isEqualTo("소화전 앞 불법 주차");
    }

    @Test
    void operationalEndpoints() {
        assertThat(Http.get(url("/actuator/health"), null).body()).contains("UP");
        assertThat(Http.get(url("/actuator/prometheus"), null).status()).isEqualTo(401);
        var metrics = Http.get(url("/actuator/prometheus"), ADMIN_TOKEN);
        assertThat(metrics.status()).isEqualTo(200);
        create(VALID);
        assertThat(Http.get(url("/actuator/prometheus"), ADMIN_TOKEN).body())
                .contains("http_server_requests", "mokmin_complaints_received_total{channel=\"api\"");
        var openapi = Http.get(url("/api-docs"), null);
        assertThat(openapi.status()).isEqualTo(200);
        assertThat(openapi.body()).contains("/api/v1/complaints");
        assertThat(Http.get(url("/api-docs/ui"), null).status()).isIn(200, 302);
        var taxonomy = Http.get(url("/api/v1/taxonomy"), null);
        assertThat(taxonomy.json().get("city").get("name").asString()).isEqualTo("파주시");
        var holidays = Http.get(url("/api/v1/holidays?year=2026"), null);
        assertThat(holidays.body()).contains("2026-09-25", "추석");
    }
}
