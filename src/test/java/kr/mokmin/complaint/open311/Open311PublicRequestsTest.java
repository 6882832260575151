package kr.mokmin.complaint.open311;

import static kr.mokmin.complaint.open311.Open311Client.child;
import static kr.mokmin.complaint.open311.Open311Client.form;
import static kr.mokmin.complaint.open311.Open311Client.get;
import static kr.mokmin.complaint.open311.Open311Client.json;
import static kr.mokmin.complaint.open311.Open311Client.jsonError;
import static kr.mokmin.complaint.open311.Open311Client.postForm;
import static kr.mokmin.complaint.open311.Open311Client.text;
import static kr.mokmin.complaint.open311.Open311Client.xml;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import kr.mokmin.account.AccountService;
import kr.mokmin.account.Actor;
import kr.mokmin.account.CredentialKind;
import kr.mokmin.support.IntegrationTest;

/** With mokmin.open311.public-requests=true anyone may read requests, still without contact data. */
@TestPropertySource(properties = "mokmin.open311.public-requests=true")
class Open311PublicRequestsTest extends IntegrationTest {

    @Autowired
    AccountService accounts;

    private String create() {
        String key = accounts.issueCredential("admin", CredentialKind.OPEN311, "open311-public-test", Actor.SYSTEM);
        var r = postForm(url("/open311/v2/requests.json"), form("api_key", key, "service_code", "ILLEGAL_DUMPING",
                "lat", "37.7599", "long", "126.7802", "first_name", "순신", "last_name", "이",
                "phone", "031-940-1234", "email", "sunsin@example.kr", "description", "골목에 쓰레기가 쌓여 있습니다."));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return json(r).get(0).get("service_request_id").asString();
    }

    @Test
    void requestsAreReadableWithoutAKey() {
        String id = create();
        var list = get(url("/open311/v2/requests.json?service_code=ILLEGAL_DUMPING"));
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        json(list).forEach(n -> ids.add(n.get("service_request_id").asString()));
        assertThat(ids).contains(id);
        assertThat(list.body()).doesNotContain("031-940-1234", "0319401234", "sunsin", "이순신", "순신");

        var one = get(url("/open311/v2/requests/" + id + ".xml"));
        assertThat(one.status()).isEqualTo(200);
        var request = child(xml(one).getDocumentElement(), "request");
        assertThat(text(request, "description")).isEqualTo("골목에 쓰레기가 쌓여 있습니다.");
        assertThat(text(request, "agency_responsible")).isEqualTo("자원순환과");
        assertThat(one.body()).doesNotContain("031-940-1234", "sunsin", "이순신", "순신");
    }

    @Test
    void aWrongKeyIsStillRefusedAndPostStillNeedsAKey() {
        jsonError(get(url("/open311/v2/requests.json?api_key=not-a-valid-key-000")), 403);
        jsonError(postForm(url("/open311/v2/requests.json"), form("service_code", "POTHOLE",
                "address_string", "파주시 조리읍")), 403);
    }
}
