package kr.mokmin.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import kr.mokmin.support.Http;
import kr.mokmin.support.IntegrationTest;

/** Admin API over real HTTP: accounts, credentials, taxonomy replacement, holidays, audit. */
class AdminApiTest extends IntegrationTest {

    private Http.Response putYaml(String yaml) {
        return Http.send(Http.request(url("/api/v1/admin/taxonomy")).header("Authorization", "Bearer " + ADMIN_TOKEN)
                .header("Content-Type", "application/yaml").PUT(HttpRequest.BodyPublishers.ofString(yaml)).build());
    }

    @Test
    void accountsAndCredentials() {
        var created = Http.postJson(url("/api/v1/admin/users"), Http.json(Map.of("username", "head.road",
                "displayName", "도로관리과장", "role", "DEPT_HEAD", "departmentCode", "ROAD_MANAGEMENT",
                "password", "head-password-1")), ADMIN_TOKEN);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body()).doesNotContain("password");

        var duplicate = Http.postJson(url("/api/v1/admin/users"), Http.json(Map.of("username", "head.road",
                "role", "OFFICER", "departmentCode", "PARKS")), ADMIN_TOKEN);
        assertThat(duplicate.status()).isEqualTo(409);
        var noDepartment = Http.postJson(url("/api/v1/admin/users"), Http.json(Map.of("username", "nodept",
                "role", "OFFICER")), ADMIN_TOKEN);
        assertThat(noDepartment.status()).isEqualTo(400);
        var weak = Http.postJson(url("/api/v1/admin/users"), Http.json(Map.of("username", "weakpw",
                "role", "ADMIN", "password", "short")), ADMIN_TOKEN);
        assertThat(weak.status()).isEqualTo(400);

        String token = Http.postJson(url("/api/v1/admin/users/head.road/tokens"), "{}", ADMIN_TOKEN).json()
                .get("secret").asString();
        assertThat(Http.get(url("/api/v1/complaints"), token).status()).isEqualTo(200);

        // Disabling the account kills its tokens; revoking a token kills that token.
        Http.send(Http.request(url("/api/v1/admin/users/head.road/enabled")).header("Authorization",
                "Bearer " + ADMIN_TOKEN).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"enabled\": false}")).build());
        assertThat(Http.get(url("/api/v1/complaints"), token).status()).isEqualTo(401);
        Http.send(Http.request(url("/api/v1/admin/users/head.road/enabled")).header("Authorization",
                "Bearer " + ADMIN_TOKEN).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"enabled\": true}")).build());
        assertThat(Http.get(url("/api/v1/complaints"), token).status()).isEqualTo(200);
        var revoked = Http.postJson(url("/api/v1/admin/credentials/revoke"), Http.json(Map.of("secret", token)),
                ADMIN_TOKEN);
        assertThat(revoked.json().get("revoked").asBoolean()).isTrue();
        assertThat(Http.get(url("/api/v1/complaints"), token).status()).isEqualTo(401);

        var audit = Http.get(url("/api/v1/admin/audit?entityType=user&entityId=head.road"), ADMIN_TOKEN);
        assertThat(audit.body()).contains("account.created", "credential.issued", "account.disabled",
                "credential.revoked").doesNotContain(token);
    }

    @Test
    void taxonomyIsReplacedOnlyWhenValid() throws IOException {
        String original = new String(new ClassPathResource("taxonomy/default.yml").getInputStream().readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        var broken = putYaml("city: {name: 시험시}\ndepartments: []\n");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.json().get("detail").asString()).contains("at least one department");
        assertThat(Http.get(url("/api/v1/taxonomy"), null).json().get("city").get("name").asString())
                .isEqualTo("파주시");
        try {
            var replaced = putYaml("""
                    city: {name: 고양시, code: goyang}
                    routingDepartment: CIVIL
                    departments:
                      - {code: CIVIL, name: 민원봉사과}
                      - {code: ROADS, name: 도로관리과}
                    services:
                      - {code: POTHOLE, name: 도로 파손 신고, department: ROADS, type: GRIEVANCE}
                    """);
            assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
            assertThat(Http.get(url("/api/v1/taxonomy"), null).json().get("city").get("name").asString())
                    .isEqualTo("고양시");
            assertThat(dataDir().resolve("taxonomy.yml")).exists();
        } finally {
            assertThat(putYaml(original).status()).isEqualTo(200);
        }
    }

    @Test
    void electionDaysAreAdminManaged() {
        var citizen = Http.postJson(url("/api/v1/admin/holidays"),
                "{\"date\": \"2028-04-12\", \"name\": \"제23대 국회의원선거\", \"kind\": \"ELECTION\"}", null);
        assertThat(citizen.status()).isEqualTo(401);
        var added = Http.postJson(url("/api/v1/admin/holidays"),
                "{\"date\": \"2028-04-12\", \"name\": \"제23대 국회의원선거\", \"kind\": \"ELECTION\"}", ADMIN_TOKEN);
        assertThat(added.status()).isEqualTo(201);
        assertThat(Http.get(url("/api/v1/holidays?year=2028"), null).body()).contains("2028-04-12", "국회의원선거");
        var again = Http.postJson(url("/api/v1/admin/holidays"),
                "{\"date\": \"2028-04-12\", \"name\": \"중복\", \"kind\": \"ELECTION\"}", ADMIN_TOKEN);
        assertThat(again.status()).isEqualTo(409);
        var removed = Http.send(Http.request(url("/api/v1/admin/holidays/2028-04-12"))
                .header("Authorization", "Bearer " + ADMIN_TOKEN).DELETE().build());
        assertThat(removed.status()).isEqualTo(204);
        assertThat(Http.get(url("/api/v1/holidays?year=2028"), null).body()).doesNotContain("2028-04-12");
        assertThat(Http.get(url("/api/v1/holidays?year=1800"), null).status()).isEqualTo(400);
    }
}
