package kr.mokmin.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import kr.mokmin.support.Http;
import kr.mokmin.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Triage over real HTTP against the real parts (masker, router, facts, duplicate index, H2): the stateless
 * {@code POST /api/v1/triage}, and intake, which triages, routes and stores the result with the complaint.
 */
class TriageApiTest extends IntegrationTest {

    @Autowired
    TriageIntake intake;

    private static final String RRN = "900101-1234567";
    private static final String PHONE = "010-2345-6789";

    @Test
    void triageMasksAndNeverEchoesPersonalInformation() {
        String text = "저는 홍길동입니다. 주민등록번호 " + RRN + ", 연락처 " + PHONE + " 입니다. "
                + "파주시 금촌동 사거리 앞 도로에 불법 주차 차량 12가3456 이 매일 밤 소화전을 막고 있어 단속을 요청합니다.";
        var response = Http.postJson(url("/api/v1/triage"), Http.json(Map.of("text", text)), ADMIN_TOKEN);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).doesNotContain(RRN, "1234567", "2345-6789", "12가3456", "홍길동");
        JsonNode body = response.json();
        String masked = body.get("maskedText").asString();
        assertThat(masked).hasSameSizeAs(text).contains("900101-1******").contains("010-****-6789");
        assertThat(body.get("pii").findValuesAsString("type"))
                .contains("RESIDENT_REGISTRATION_NUMBER", "PHONE_NUMBER");
        for (JsonNode pii : body.get("pii")) {
            int start = pii.get("start").asInt();
            int end = pii.get("end").asInt();
            assertThat(masked.substring(start, end)).contains("*");
        }
        assertThat(body.get("departments").get(0).get("code").asString()).isNotBlank();
        assertThat(body.get("departments").get(0).get("confidence").asDouble()).isBetween(0.0, 1.0);
        assertThat(body.get("type").asString()).isIn("INQUIRY", "PROPOSAL", "GRIEVANCE", "OTHER", "STATUTORY");
        assertThat(body.get("summary").asString()).isNotBlank().doesNotContain(RRN);
        assertThat(body.get("modelVersion").asString()).isNotBlank();
        assertThat(body.get("facts").findValuesAsString("type")).contains("VEHICLE_PLATE");
    }

    @Test
    void aServiceTheCitizenChoseNamesTheDepartment() {
        var response = Http.postJson(url("/api/v1/triage"),
                Http.json(Map.of("title", "소화전 앞 주차", "text", "차량이 계속 서 있습니다.",
                        "serviceCode", "ILLEGAL_PARKING")), ADMIN_TOKEN);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode first = response.json().get("departments").get(0);
        assertThat(first.get("code").asString()).isEqualTo("TRAFFIC_ADMIN");
        assertThat(first.get("confidence").asDouble()).isEqualTo(1.0);
        assertThat(response.json().get("type").asString()).isEqualTo("GRIEVANCE");
        assertThat(response.json().get("routedDepartment").asString()).isEqualTo("TRAFFIC_ADMIN");
    }

    @Test
    void badRequestsAreProblems() {
        assertThat(Http.postJson(url("/api/v1/triage"), "{\"text\": \"주차\"}", null).status()).isEqualTo(401);
        for (String bad : new String[] {"{}", "{\"text\": \"   \"}", "{\"text\": 3, \"unknown\": 1}",
                "{\"text\": \"주차\", \"extra\": true}", "not json",
                Http.json(Map.of("text", "가".repeat(TriageController.MAX_TEXT + 1)))}) {
            var response = Http.postJson(url("/api/v1/triage"), bad, ADMIN_TOKEN);
            assertThat(response.status()).as(bad).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void intakeTriagesRoutesAndStoresTheMaskedResult() {
        var created = Http.postJson(url("/api/v1/complaints"), Http.json(Map.of(
                "title", "소화전 앞 불법 주차",
                "body", "연락처 " + PHONE + ". 매일 밤 소화전 앞에 같은 차량이 주차되어 있습니다.",
                "serviceCode", "ILLEGAL_PARKING")), null);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("status").asString()).isEqualTo("TRIAGED");
        String receiptNo = created.json().get("receiptNo").asString();

        var staff = Http.get(url("/api/v1/complaints/" + receiptNo), ADMIN_TOKEN);
        assertThat(staff.json().get("departmentCode").asString()).isEqualTo("TRAFFIC_ADMIN");
        var stored = Http.get(url("/api/v1/complaints/" + receiptNo + "/triage"), ADMIN_TOKEN);
        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
        assertThat(stored.json().get("maskedText").asString()).startsWith("소화전 앞 불법 주차\n\n")
                .contains("010-****-6789");
        assertThat(stored.body()).doesNotContain("2345-6789");
        assertThat(stored.json().get("routedDepartment").asString()).isEqualTo("TRAFFIC_ADMIN");
        assertThat(stored.json().get("modelVersion").asString()).isNotBlank();
        assertThat(Http.get(url("/api/v1/complaints/" + receiptNo + "/triage"), null).status()).isEqualTo(401);

        // an unclear complaint with no service waits for a person in the routing queue
        var unclear = Http.postJson(url("/api/v1/complaints"), Http.json(Map.of(
                "title", "문의", "body", "확인 부탁드립니다.")), null);
        assertThat(unclear.status()).isEqualTo(201);
        assertThat(unclear.json().get("status").asString()).isEqualTo("RECEIVED");
    }

    @Test
    void repeatedComplaintsAreFoundAndGrouped() {
        String body = "운정3동 한빛마을 9단지 앞 횡단보도 옆 인도에 대형 화물차가 밤마다 불법 주차되어 아이들이 차도로 걸어 다닙니다. "
                + "지난달에도 신고했는데 달라진 것이 없습니다. 야간 단속과 볼라드 설치를 요청합니다.";
        String first = Http.postJson(url("/api/v1/complaints"), Http.json(Map.of("title", "화물차 불법 주차",
                "body", body)), null).json().get("receiptNo").asString();
        String second = Http.postJson(url("/api/v1/complaints"), Http.json(Map.of("title", "화물차 불법주차 재신고",
                "body", "안녕하세요. " + body + " 감사합니다.")), null).json().get("receiptNo").asString();

        intake.awaitIndexed(); // the duplicate index is filled off the request thread
        var triaged = Http.postJson(url("/api/v1/triage"), Http.json(Map.of("text", body)), ADMIN_TOKEN);
        assertThat(triaged.json().get("similar").findValuesAsString("receiptNo")).contains(first, second);
        assertThat(triaged.json().get("similar").get(0).get("duplicate").asBoolean()).isTrue();

        var groups = Http.get(url("/api/v1/triage/groups"), ADMIN_TOKEN);
        assertThat(groups.status()).as(groups.body()).isEqualTo(200);
        assertThat(groups.json().findValues("receiptNos").stream().map(JsonNode::toString))
                .anySatisfy(g -> assertThat(g).contains(first, second));
        assertThat(Http.get(url("/api/v1/triage/groups"), null).status()).isEqualTo(401);
    }

    @Test
    void anOfficersRoutingTeachesTheRouter() {
        var before = Http.get(url("/api/v1/triage/model"), ADMIN_TOKEN).json();
        long corrections = before.get("examples").get("corrections").asLong();
        int updates = before.get("onlineUpdates").asInt();

        var created = Http.postJson(url("/api/v1/complaints"), Http.json(Map.of(
                "title", "문의", "body", "확인 부탁드립니다. 연락처 " + PHONE)), null);
        assertThat(created.json().get("status").asString()).isEqualTo("RECEIVED");
        String no = created.json().get("receiptNo").asString();
        var assigned = Http.postJson(url("/api/v1/complaints/" + no + "/transitions"),
                "{\"to\": \"ASSIGNED\", \"departmentCode\": \"ROAD_MANAGEMENT\"}", ADMIN_TOKEN);
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);

        var after = Http.get(url("/api/v1/triage/model"), ADMIN_TOKEN);
        assertThat(after.json().get("examples").get("corrections").asLong()).isEqualTo(corrections + 1);
        assertThat(after.json().get("onlineUpdates").asInt()).isEqualTo(updates + 1);
        assertThat(after.json().get("modelVersion").asString()).contains("+");
        // the stored example is the masked text: the phone number never reaches the training data
        assertThat(after.body()).doesNotContain("2345-6789");
    }
}
