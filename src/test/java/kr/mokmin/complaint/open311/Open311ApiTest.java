package kr.mokmin.complaint.open311;

import static kr.mokmin.complaint.open311.Open311Client.child;
import static kr.mokmin.complaint.open311.Open311Client.children;
import static kr.mokmin.complaint.open311.Open311Client.form;
import static kr.mokmin.complaint.open311.Open311Client.get;
import static kr.mokmin.complaint.open311.Open311Client.json;
import static kr.mokmin.complaint.open311.Open311Client.jsonError;
import static kr.mokmin.complaint.open311.Open311Client.postForm;
import static kr.mokmin.complaint.open311.Open311Client.q;
import static kr.mokmin.complaint.open311.Open311Client.text;
import static kr.mokmin.complaint.open311.Open311Client.xml;
import static kr.mokmin.complaint.open311.Open311Client.xmlError;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.w3c.dom.Element;

import kr.mokmin.account.AccountService;
import kr.mokmin.account.Actor;
import kr.mokmin.account.CredentialKind;
import kr.mokmin.complaint.ComplaintService;
import kr.mokmin.support.Http;
import kr.mokmin.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** GeoReport v2 over real HTTP, with the spec's example requests adapted to our host, codes and Korean data. */
class Open311ApiTest extends IntegrationTest {

    private static final String V2 = "/open311/v2/";
    private static final String PHONE = "010-2345-6789";
    private static final String EMAIL = "gildong.hong@example.kr";

    @Autowired
    AccountService accounts;

    @Autowired
    ComplaintService complaints;

    private static String apiKey;

    @BeforeEach
    void key() {
        if (apiKey == null) {
            apiKey = accounts.issueCredential("admin", CredentialKind.OPEN311, "open311-api-test", Actor.SYSTEM);
        }
    }

    /** The spec's example POST, in Korean, with a Korean phone number (our intake checks the format). */
    private Map<String, String> example(String marker) {
        return form("api_key", apiKey, "jurisdiction_id", "paju.go.kr", "service_code", "ILLEGAL_PARKING",
                "lat", "37.76524078", "long", "126.7800043", "address_string", "경기도 파주시 시청로 50",
                "email", EMAIL, "device_id", "tt222111", "account_id", "123456", "first_name", "길동",
                "last_name", "홍", "phone", PHONE,
                "description", "소화전 앞에 차량이 장시간 주차되어 있습니다. " + marker,
                "media_url", "https://photos.example.kr/2212426634_5ed477a060.jpg",
                "attribute[WHISPAWN]", "123456", "attribute[WHISDORN]", "COISL001");
    }

    private String create(Map<String, String> form) {
        var r = postForm(url(V2 + "requests.json"), form);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return json(r).get(0).get("service_request_id").asString();
    }

    private static String marker() {
        return "#" + UUID.randomUUID().toString().substring(0, 8);
    }

    private void transition(String receiptNo, String json) {
        var r = Http.postJson(url("/api/v1/complaints/" + receiptNo + "/transitions"), json, ADMIN_TOKEN);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    // ------------------------------------------------------------------ services

    @Test
    void servicesXmlListsTheTaxonomyAsInTheSpecExample() {
        var r = get(url(V2 + "services.xml?jurisdiction_id=paju.go.kr"));
        assertThat(r.status()).isEqualTo(200);
        Element root = xml(r).getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("services");
        List<Element> services = children(root, "service");
        assertThat(services).hasSizeGreaterThanOrEqualTo(20);
        Element parking = services.stream().filter(s -> text(s, "service_code").equals("ILLEGAL_PARKING"))
                .findFirst().orElseThrow();
        assertThat(text(parking, "service_name")).isEqualTo("불법 주정차 신고");
        assertThat(text(parking, "description")).startsWith("소화전·횡단보도·인도 위");
        assertThat(text(parking, "metadata")).isEqualTo("false");
        assertThat(text(parking, "type")).isEqualTo("realtime");
        assertThat(text(parking, "keywords")).isEqualTo("불법주차, 주정차, 단속, 견인");
        assertThat(text(parking, "group")).isEqualTo("교통·주차");
    }

    @Test
    void servicesJson() {
        var r = get(url(V2 + "services.json"));
        assertThat(r.status()).isEqualTo(200);
        JsonNode services = json(r);
        assertThat(services.isArray()).isTrue();
        JsonNode pothole = null;
        for (JsonNode s : services) {
            if (s.get("service_code").asString().equals("POTHOLE")) {
                pothole = s;
            }
        }
        assertThat(pothole).isNotNull();
        assertThat(pothole.get("service_name").asString()).isEqualTo("도로 파손(포트홀) 신고");
        assertThat(pothole.get("metadata").isBoolean()).isTrue();
        assertThat(pothole.get("metadata").asBoolean()).isFalse();
        assertThat(pothole.get("type").asString()).isEqualTo("realtime");
        assertThat(pothole.get("group").asString()).isEqualTo("도로·시설");
        assertThat(pothole.get("keywords").asString()).isEqualTo("포트홀, 도로파손, 보도블록, 맨홀");
    }

    @Test
    void serviceDefinitionHasNoAttributes() {
        var j = get(url(V2 + "services/POTHOLE.json?jurisdiction_id=paju.go.kr"));
        assertThat(j.status()).isEqualTo(200);
        assertThat(json(j).get("service_code").asString()).isEqualTo("POTHOLE");
        assertThat(json(j).get("attributes").isArray()).isTrue();
        assertThat(json(j).get("attributes").size()).isZero();

        var x = get(url(V2 + "services/ILLEGAL_PARKING.xml"));
        Element root = xml(x).getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("service_definition");
        assertThat(text(root, "service_code")).isEqualTo("ILLEGAL_PARKING");
        assertThat(children(child(root, "attributes"), "attribute")).isEmpty();
    }

    @Test
    void unknownServiceDefinitionIs404InBothFormats() {
        jsonError(get(url(V2 + "services/033.json")), 404);
        assertThat(xmlError(get(url(V2 + "services/033.xml")), 404).getFirst()).contains("033");
    }

    // ------------------------------------------------------------------ POST requests

    @Test
    void postRequestJsonCreatesAComplaintAnd201() {
        String marker = marker();
        var r = postForm(url(V2 + "requests.json"), example(marker));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode created = json(r);
        assertThat(created.isArray()).isTrue();
        assertThat(created.size()).isEqualTo(1);
        String id = created.get(0).get("service_request_id").asString();
        assertThat(id).matches("\\d{4}-\\d{6}");
        assertThat(created.get(0).get("service_notice").asString()).contains("교통행정과", "처리기한");
        assertThat(created.get(0).has("account_id")).isTrue();
        assertThat(created.get(0).get("account_id").isNull()).isTrue();
        // Spec: service_request_id and token are not both returned in the body; the token is in a header.
        assertThat(created.get(0).has("token")).isFalse();
        assertThat(r.headers().firstValue("Location")).hasValue("/open311/v2/requests/" + id + ".json");
        assertThat(r.headers().firstValue(Open311Controller.TOKEN_HEADER)).isPresent();

        // Staff see the complaint with its contact data and channel OPEN311.
        var staff = Http.get(url("/api/v1/complaints/" + id), ADMIN_TOKEN);
        assertThat(staff.status()).isEqualTo(200);
        JsonNode c = staff.json();
        assertThat(c.get("channel").asString()).isEqualTo("OPEN311");
        assertThat(c.get("serviceCode").asString()).isEqualTo("ILLEGAL_PARKING");
        assertThat(c.get("title").asString()).startsWith("불법 주정차 신고: 소화전 앞에 차량이");
        assertThat(c.get("body").asString()).contains(marker)
                .endsWith("첨부 미디어: https://photos.example.kr/2212426634_5ed477a060.jpg");
        assertThat(c.get("contact").get("name").asString()).isEqualTo("홍길동");
        assertThat(c.get("contact").get("phone").asString()).isEqualTo(PHONE);
        assertThat(c.get("contact").get("email").asString()).isEqualTo(EMAIL);
        assertThat(c.get("location").get("address").asString()).isEqualTo("경기도 파주시 시청로 50");
        assertThat(c.get("location").get("latitude").asDouble()).isEqualTo(37.76524078);
    }

    @Test
    void postRequestXml() {
        var r = postForm(url(V2 + "requests.xml"), example(marker()));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        Element root = xml(r).getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("service_requests");
        Element request = child(root, "request");
        assertThat(text(request, "service_request_id")).matches("\\d{4}-\\d{6}");
        assertThat(text(request, "service_notice")).contains("처리기한");
        assertThat(text(request, "account_id")).isEmpty();
        assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith(".xml");
    }

    @Test
    void postWithoutDescriptionUsesTheServiceNameAndAddressAloneIsALocation() {
        String id = create(form("api_key", apiKey, "service_code", "STREETLIGHT",
                "address_string", "파주시 금촌동 123-4 앞"));
        JsonNode c = Http.get(url("/api/v1/complaints/" + id), ADMIN_TOKEN).json();
        assertThat(c.get("title").asString()).isEqualTo("가로등·보안등 고장 신고");
        assertThat(c.get("body").asString()).isEqualTo("가로등·보안등 고장 신고");
        assertThat(c.get("contact").get("phone").isNull()).isTrue();
    }

    @Test
    void parametersInTheQueryStringAreAcceptedToo() {
        // Some clients (node-open311) send everything in the query string with an empty form body.
        var r = Http.send(Http.request(url(V2 + "requests.json?api_key=" + q(apiKey)
                        + "&service_code=POTHOLE&lat=37.7&long=126.78&description=" + q("도로가 움푹 패였습니다")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    @Test
    void idempotencyKeyReplaysTheFirstRequest() {
        String key = "open311-" + UUID.randomUUID();
        var form = example(marker());
        var first = postForm(url(V2 + "requests.json"), form, "Idempotency-Key", key);
        var again = postForm(url(V2 + "requests.json"), form, "Idempotency-Key", key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(json(again).get(0).get("service_request_id").asString())
                .isEqualTo(json(first).get(0).get("service_request_id").asString());

        var other = example(marker());
        jsonError(postForm(url(V2 + "requests.json"), other, "Idempotency-Key", key), 400);
    }

    @Test
    void postErrors() {
        // api_key
        var noKey = example(marker());
        noKey.remove("api_key");
        jsonError(postForm(url(V2 + "requests.json"), noKey), 403);
        var badKey = example(marker());
        badKey.put("api_key", "mk311_not-a-real-key-at-all");
        assertThat(xmlError(postForm(url(V2 + "requests.xml"), badKey), 403).getFirst()).contains("api_key");
        // service_code
        var noCode = example(marker());
        noCode.remove("service_code");
        assertThat(jsonError(postForm(url(V2 + "requests.json"), noCode), 400).get(0).get("description")
                .asString()).contains("service_code");
        var unknownCode = example(marker());
        unknownCode.put("service_code", "001");
        jsonError(postForm(url(V2 + "requests.json"), unknownCode), 404);
        // jurisdiction_id (the spec: 404 - jurisdiction_id provided was not found)
        var otherCity = example(marker());
        otherCity.put("jurisdiction_id", "sfgov.org");
        assertThat(jsonError(postForm(url(V2 + "requests.json"), otherCity), 404).get(0).get("description")
                .asString()).contains("jurisdiction_id");
        // location
        var nowhere = example(marker());
        nowhere.remove("lat");
        nowhere.remove("long");
        nowhere.remove("address_string");
        assertThat(jsonError(postForm(url(V2 + "requests.json"), nowhere), 400).get(0).get("description")
                .asString()).contains("위치");
        var latOnly = example(marker());
        latOnly.remove("long");
        jsonError(postForm(url(V2 + "requests.json"), latOnly), 400);
        var badLat = example(marker());
        badLat.put("lat", "north");
        jsonError(postForm(url(V2 + "requests.json"), badLat), 400);
        // several problems at once come back as several errors
        var twoProblems = example(marker());
        twoProblems.remove("service_code");
        twoProblems.remove("lat");
        twoProblems.remove("long");
        twoProblems.remove("address_string");
        assertThat(jsonError(postForm(url(V2 + "requests.json"), twoProblems), 400).size()).isEqualTo(2);
        // description limit of the spec
        var tooLong = example(marker());
        tooLong.put("description", "가".repeat(4001));
        assertThat(jsonError(postForm(url(V2 + "requests.json"), tooLong), 400).get(0).get("description")
                .asString()).contains("4000");
        // media_url must be a web URL
        var script = example(marker());
        script.put("media_url", "javascript:alert(1)");
        jsonError(postForm(url(V2 + "requests.json"), script), 400);
    }

    @Test
    void intakeValidationErrorsNameTheOpen311Parameters() {
        var spec = example(marker());
        spec.put("phone", "111111111"); // the spec's example number is not a Korean phone number
        spec.put("email", "not-an-address");
        spec.put("lat", "137.5");
        JsonNode errors = jsonError(postForm(url(V2 + "requests.json"), spec), 400);
        List<String> descriptions = new ArrayList<>();
        errors.forEach(e -> descriptions.add(e.get("description").asString()));
        assertThat(descriptions).anySatisfy(d -> assertThat(d).startsWith("phone: "))
                .anySatisfy(d -> assertThat(d).startsWith("email: "))
                .anySatisfy(d -> assertThat(d).startsWith("lat: "));
    }

    @Test
    void payloadTooLargeIsRefused() {
        var big = example(marker());
        big.put("description", "가".repeat(170_000)); // 1.5 MB once percent-encoded; the limit is 1 MB
        var r = postForm(url(V2 + "requests.json"), big);
        assertThat(r.status()).isEqualTo(413);
    }

    // ------------------------------------------------------------------ GET requests

    @Test
    void getRequestShowsPublicFieldsAndNeverContactData() {
        String marker = marker();
        String id = create(example(marker));

        var r = get(url(V2 + "requests/" + id + ".json?api_key=" + q(apiKey) + "&jurisdiction_id=paju.go.kr"));
        assertThat(r.status()).isEqualTo(200);
        JsonNode list = json(r);
        assertThat(list.size()).isEqualTo(1);
        JsonNode req = list.get(0);
        assertThat(req.get("service_request_id").asString()).isEqualTo(id);
        assertThat(req.get("status").asString()).isEqualTo("open");
        // triage routed it at intake to the chosen service's department
        assertThat(req.get("status_notes").asString()).isEqualTo("분류: 민원이 분류되었습니다. 담당 부서 배정을 기다리고 있습니다.");
        assertThat(req.get("service_name").asString()).isEqualTo("불법 주정차 신고");
        assertThat(req.get("service_code").asString()).isEqualTo("ILLEGAL_PARKING");
        assertThat(req.get("description").asString()).isEqualTo("소화전 앞에 차량이 장시간 주차되어 있습니다. " + marker);
        assertThat(req.get("agency_responsible").asString()).isEqualTo("교통행정과");
        assertThat(req.get("service_notice").asString()).contains("처리기한");
        String requested = req.get("requested_datetime").asString();
        assertThat(requested).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+09:00");
        assertThat(OffsetDateTime.parse(requested)).isCloseTo(OffsetDateTime.now(), org.assertj.core.api
                .Assertions.within(5, ChronoUnit.MINUTES));
        assertThat(req.get("updated_datetime").asString()).endsWith("+09:00");
        assertThat(OffsetDateTime.parse(req.get("expected_datetime").asString()))
                .isAfter(OffsetDateTime.parse(requested));
        assertThat(req.get("address").asString()).isEqualTo("경기도 파주시 시청로 50");
        assertThat(req.get("address_id").isNull()).isTrue();
        assertThat(req.get("zipcode").isNull()).isTrue();
        assertThat(req.get("lat").asDouble()).isEqualTo(37.76524078);
        assertThat(req.get("long").asDouble()).isEqualTo(126.7800043);
        assertThat(req.get("media_url").asString()).isEqualTo("https://photos.example.kr/2212426634_5ed477a060.jpg");
        assertNoContactData(r.body());

        var x = get(url(V2 + "requests/" + id + ".xml?api_key=" + q(apiKey)));
        Element request = child(xml(x).getDocumentElement(), "request");
        assertThat(xml(x).getDocumentElement().getTagName()).isEqualTo("service_requests");
        assertThat(text(request, "service_request_id")).isEqualTo(id);
        assertThat(text(request, "description")).endsWith(marker);
        assertThat(text(request, "lat")).isEqualTo("37.76524078");
        assertThat(text(request, "address_id")).isEmpty();
        assertNoContactData(x.body());
    }

    @Test
    void koreanAndMarkupSurviveXmlIntact() {
        String description = "인도 <보도블록> 파손 & \"위험\" — 어르신 통행 주의 🚧";
        String id = create(form("api_key", apiKey, "service_code", "POTHOLE", "address_string", "파주시 문산읍",
                "description", description));
        var x = get(url(V2 + "requests/" + id + ".xml?api_key=" + q(apiKey)));
        assertThat(text(child(xml(x).getDocumentElement(), "request"), "description")).isEqualTo(description);
        assertThat(x.body()).contains("&lt;보도블록&gt;");
    }

    @Test
    void getRequestsWithTheSpecExampleQuery() {
        var r = get(url(V2 + "requests.xml?start_date=2010-05-24T00:00:00Z&end_date=2010-06-24T00:00:00Z"
                + "&status=open&jurisdiction_id=paju.go.kr&api_key=" + q(apiKey)));
        assertThat(r.status()).isEqualTo(200);
        Element root = xml(r).getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("service_requests");
        assertThat(children(root, "request")).isEmpty();
    }

    @Test
    void getRequestsFiltersByServiceCodeStatusAndDates() {
        String parking = create(example(marker()));
        var potholeForm = example(marker());
        potholeForm.put("service_code", "POTHOLE");
        String pothole = create(potholeForm);
        String rejected = create(example(marker()));
        transition(rejected, "{\"to\":\"REJECTED\",\"reason\":\"같은 내용의 민원이 이미 접수되어 있습니다.\"}");

        // Default window: the last 90 days, newest first.
        List<String> all = ids(get(url(V2 + "requests.json?api_key=" + q(apiKey))));
        assertThat(all).contains(parking, pothole, rejected);
        assertThat(all.indexOf(rejected)).isLessThan(all.indexOf(parking));

        List<String> potholes = ids(get(url(V2 + "requests.json?service_code=POTHOLE&api_key=" + q(apiKey))));
        assertThat(potholes).contains(pothole).doesNotContain(parking, rejected);
        assertThat(ids(get(url(V2 + "requests.json?service_code=POTHOLE,ILLEGAL_PARKING&api_key=" + q(apiKey)))))
                .contains(pothole, parking, rejected);

        var closed = get(url(V2 + "requests.json?status=closed&api_key=" + q(apiKey)));
        assertThat(ids(closed)).contains(rejected).doesNotContain(parking, pothole);
        JsonNode rejectedView = find(json(closed), rejected);
        assertThat(rejectedView.get("status").asString()).isEqualTo("closed");
        assertThat(rejectedView.get("status_notes").asString())
                .isEqualTo("반려: 민원이 반려되었습니다. 반려 사유: 같은 내용의 민원이 이미 접수되어 있습니다.");
        assertThat(rejectedView.get("service_notice").isNull()).isTrue();
        assertThat(ids(get(url(V2 + "requests.json?status=open&api_key=" + q(apiKey)))))
                .contains(parking, pothole).doesNotContain(rejected);
        assertThat(ids(get(url(V2 + "requests.json?status=open,closed&api_key=" + q(apiKey)))))
                .contains(parking, pothole, rejected);

        // Dates with the city's offset; an unencoded '+' arrives as a space and is still understood.
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(9));
        DateTimeFormatter w3c = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");
        String start = w3c.format(now.minusHours(1));
        String end = w3c.format(now.plusHours(1));
        assertThat(ids(get(url(V2 + "requests.json?start_date=" + start + "&end_date=" + end + "&api_key="
                + q(apiKey))))).contains(parking, pothole, rejected);
        assertThat(ids(get(url(V2 + "requests.json?start_date=" + q(w3c.format(now.plusHours(1)))
                + "&api_key=" + q(apiKey))))).doesNotContain(parking);
        assertThat(ids(get(url(V2 + "requests.json?end_date=" + q(w3c.format(now.minusHours(1)))
                + "&api_key=" + q(apiKey))))).doesNotContain(parking);
        // A bare date is a whole day in the city's zone.
        String today = now.toLocalDate().toString();
        assertThat(ids(get(url(V2 + "requests.json?start_date=" + today + "&end_date=" + today + "&api_key="
                + q(apiKey))))).contains(parking);
    }

    @Test
    void serviceRequestIdOverridesOtherArgumentsAndKeepsTheGivenOrder() {
        String a = create(example(marker()));
        String b = create(example(marker()));
        var r = get(url(V2 + "requests.json?service_request_id=" + b + "," + a + ",1999-999999"
                + "&status=closed&service_code=POTHOLE&start_date=2010-05-24T00:00:00Z&api_key=" + q(apiKey)));
        assertThat(ids(r)).containsExactly(b, a);
    }

    @Test
    void statusNotesTellOfATransfer() {
        String id = create(example(marker()));
        transition(id, "{\"to\":\"TRANSFERRED\",\"departmentCode\":\"ROAD_MANAGEMENT\"}");
        JsonNode req = json(get(url(V2 + "requests/" + id + ".json?api_key=" + q(apiKey)))).get(0);
        assertThat(req.get("status").asString()).isEqualTo("open");
        assertThat(req.get("status_notes").asString()).isEqualTo("이송: 도로관리과로 이송되었습니다.");
        assertThat(req.get("agency_responsible").asString()).isEqualTo("도로관리과");

        transition(id, "{\"to\":\"ASSIGNED\"}");
        transition(id, "{\"to\":\"ANSWERED\",\"answer\":\"현장 확인 후 조치하였습니다.\"}");
        req = json(get(url(V2 + "requests/" + id + ".json?api_key=" + q(apiKey)))).get(0);
        assertThat(req.get("status").asString()).isEqualTo("closed");
        assertThat(req.get("status_notes").asString()).isEqualTo("답변완료: 답변이 완료되었습니다.");
    }

    @Test
    void getRequestsErrors() {
        // api_key is required by default (mokmin.open311.public-requests=false)
        jsonError(get(url(V2 + "requests.json")), 403);
        xmlError(get(url(V2 + "requests.xml")), 403);
        jsonError(get(url(V2 + "requests.json?api_key=wrong-key-1234567890")), 403);
        String id = create(example(marker()));
        jsonError(get(url(V2 + "requests/" + id + ".json")), 403);
        assertThat(xmlError(get(url(V2 + "requests/" + id + ".xml")), 403).getFirst()).contains("api_key");

        String key = "&api_key=" + q(apiKey);
        assertThat(jsonError(get(url(V2 + "requests.json?start_date=yesterday" + key)), 400).get(0)
                .get("description").asString()).contains("start_date");
        assertThat(jsonError(get(url(V2 + "requests.json?start_date=2026-01-01T00:00:00" + key)), 400).get(0)
                .get("description").asString()).contains("시간대");
        jsonError(get(url(V2 + "requests.json?start_date=2026-06-01T00:00:00Z&end_date=2026-05-01T00:00:00Z"
                + key)), 400);
        assertThat(jsonError(get(url(V2 + "requests.json?start_date=2026-01-01T00:00:00Z"
                + "&end_date=2026-06-01T00:00:00Z" + key)), 400).get(0).get("description").asString()).contains("90");
        jsonError(get(url(V2 + "requests.json?status=pending" + key)), 400);
        jsonError(get(url(V2 + "requests.json?jurisdiction_id=sfgov.org" + key)), 404);
        jsonError(get(url(V2 + "requests/2026-999999.json?api_key=" + q(apiKey))), 404);
        xmlError(get(url(V2 + "requests/no-such-request.xml?api_key=" + q(apiKey))), 404);
    }

    // ------------------------------------------------------------------ tokens

    @Test
    void tokensResolveToTheServiceRequest() {
        var r = postForm(url(V2 + "requests.json"), example(marker()));
        String id = json(r).get(0).get("service_request_id").asString();
        String token = r.headers().firstValue(Open311Controller.TOKEN_HEADER).orElseThrow();

        var j = get(url(V2 + "tokens/" + token + ".json?jurisdiction_id=paju.go.kr"));
        assertThat(j.status()).isEqualTo(200);
        assertThat(json(j).get(0).get("service_request_id").asString()).isEqualTo(id);
        assertThat(json(j).get(0).get("token").asString()).isEqualTo(token);

        Element request = child(xml(get(url(V2 + "tokens/" + token + ".xml"))).getDocumentElement(), "request");
        assertThat(text(request, "service_request_id")).isEqualTo(id);
        assertThat(text(request, "token")).isEqualTo(token);

        jsonError(get(url(V2 + "tokens/12345.json")), 404);
        char last = token.charAt(token.length() - 1);
        String tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        xmlError(get(url(V2 + "tokens/" + tampered + ".xml")), 404);
        // An Open311 token never doubles as the citizen token (which opens attachments).
        assertThat(token).doesNotContain(complaints.citizenToken(id));
    }

    // ------------------------------------------------------------------ formats, paths, discovery

    @Test
    void unknownFormatsPathsAndMethodsAnswerInTheErrorFormat() {
        xmlError(get(url(V2 + "services.html")), 404);
        jsonError(get(url(V2 + "services.html"), "application/json"), 404);
        xmlError(get(url(V2 + "services/POTHOLE")), 404);
        jsonError(get(url(V2 + "nothing-here.json")), 404);
        xmlError(get(url("/open311/v3/services.xml")), 404);
        var delete = Open311Client.method(url(V2 + "requests.json"), "DELETE");
        jsonError(delete, 405);
        assertThat(delete.headers().firstValue("Allow")).hasValue("GET, HEAD, POST");
        var post = Http.send(Http.request(url(V2 + "services.xml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("a=b")).build());
        xmlError(post, 405);
        jsonError(get(url(V2 + "services.json?jurisdiction_id=sfgov.org")), 404);
    }

    @Test
    void discovery() {
        var j = get(url("/open311/discovery.json"));
        assertThat(j.status()).isEqualTo(200);
        JsonNode d = json(j);
        assertThat(d.get("changeset").asString()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d");
        assertThat(d.get("contact").asString()).contains("파주시", "031-940-4114");
        assertThat(d.get("key_service").asString()).isNotBlank();
        JsonNode endpoint = d.get("endpoints").get(0);
        assertThat(endpoint.get("specification").asString()).isEqualTo("http://wiki.open311.org/GeoReport_v2");
        assertThat(endpoint.get("url").asString()).isEqualTo(url("/open311/v2"));
        assertThat(endpoint.get("type").asString()).isEqualTo("production");
        assertThat(endpoint.get("formats").get(0).asString()).isEqualTo("text/xml");
        assertThat(endpoint.get("formats").get(1).asString()).isEqualTo("application/json");

        Element root = xml(get(url("/open311/discovery.xml"))).getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("discovery");
        Element xmlEndpoint = child(child(root, "endpoints"), "endpoint");
        assertThat(text(xmlEndpoint, "url")).isEqualTo(url("/open311/v2"));
        assertThat(children(child(xmlEndpoint, "formats"), "format")).extracting(Element::getTextContent)
                .containsExactly("text/xml", "application/json");
    }

    // ------------------------------------------------------------------ key administration

    @Test
    void administratorsIssueAndRevokeKeys() {
        var issued = Http.postJson(url("/api/v1/admin/open311/keys"), "{\"label\":\"파주 생활불편 앱\"}", ADMIN_TOKEN);
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String key = issued.json().get("apiKey").asString();
        assertThat(key).startsWith("mk311_");
        assertThat(issued.json().get("username").asString()).isEqualTo("admin");

        var form = example(marker());
        form.put("api_key", key);
        assertThat(postForm(url(V2 + "requests.json"), form).status()).isEqualTo(201);

        var revoked = Http.postJson(url("/api/v1/admin/open311/keys/revoke"), Http.json(Map.of("apiKey", key)),
                ADMIN_TOKEN);
        assertThat(revoked.status()).isEqualTo(204);
        jsonError(postForm(url(V2 + "requests.json"), form), 403);

        assertThat(Http.postJson(url("/api/v1/admin/open311/keys"), "{\"label\":\"x\"}", null).status())
                .isEqualTo(401);
        assertThat(Http.postJson(url("/api/v1/admin/open311/keys/revoke"), Http.json(Map.of("apiKey", ADMIN_TOKEN)),
                ADMIN_TOKEN).status()).isEqualTo(404);
    }

    // ------------------------------------------------------------------ helpers

    private static void assertNoContactData(String body) {
        assertThat(body).doesNotContain(PHONE, "01023456789", "2345-6789", EMAIL, "gildong", "홍길동", "길동", "tt222111",
                "123456\"", ">123456<");
    }

    private static List<String> ids(Http.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        json(r).forEach(n -> ids.add(n.get("service_request_id").asString()));
        return ids;
    }

    private static JsonNode find(JsonNode list, String id) {
        for (JsonNode n : list) {
            if (n.get("service_request_id").asString().equals(id)) {
                return n;
            }
        }
        throw new AssertionError(id + " not in " + list);
    }
}
