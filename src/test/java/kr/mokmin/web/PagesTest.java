package kr.mokmin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import kr.mokmin.account.AccountService;
import kr.mokmin.account.Actor;
import kr.mokmin.account.Role;
import kr.mokmin.complaint.Channel;
import kr.mokmin.complaint.Complaint;
import kr.mokmin.complaint.ComplaintQuery;
import kr.mokmin.complaint.ComplaintService;
import kr.mokmin.complaint.ComplaintStatus;
import kr.mokmin.complaint.NewComplaint;
import kr.mokmin.complaint.TransitionRequest;
import kr.mokmin.support.Http;
import kr.mokmin.support.IntegrationTest;

/** The citizen and staff pages over real HTTP: forms with CSRF, validation, lookup, visibility, escaping, errors. */
class PagesTest extends IntegrationTest {

    private static final Pattern RECEIPT = Pattern.compile("id=\"receipt-no\">(\\d{4}-\\d{6})<");
    private static final Pattern KOREAN_DATE_TIME =
            Pattern.compile("\\d{4}년 \\d{1,2}월 \\d{1,2}일 \\([월화수목금토일]\\) \\d{2}:\\d{2}");
    private static final AtomicInteger USERS = new AtomicInteger();

    @Autowired
    ComplaintService complaints;
    @Autowired
    AccountService accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    private PageClient citizen() {
        return new PageClient(url(""));
    }

    private static Map<String, String> complaintFields(String title, String body, String phone) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("serviceCode", "STREETLIGHT");
        f.put("title", title);
        f.put("body", body);
        f.put("name", "김시민");
        f.put("phone", phone);
        f.put("email", "citizen@example.kr");
        f.put("address", "경기도 파주시 시청로 50");
        return f;
    }

    private static String receiptNo(Http.Response r) {
        Matcher m = RECEIPT.matcher(r.body());
        assertThat(m.find()).as("receipt number on the result page:\n" + r.body()).isTrue();
        return m.group(1);
    }

    private String file(String title, String body, String phone, String department) {
        var result = complaints.submit(new NewComplaint(title, body, Channel.API,
                new Complaint.Contact("시민", phone, null), Complaint.Location.NONE, null), null, Actor.SYSTEM);
        String no = result.complaint().receiptNo();
        if (department != null) {
            complaints.transition(no, new TransitionRequest(ComplaintStatus.ASSIGNED, department, null, null, null,
                    null, null), Actor.SYSTEM);
        }
        return no;
    }

    private String officer(String department) {
        String username = "officer" + USERS.incrementAndGet() + "-" + department.toLowerCase(Locale.ROOT);
        accounts.createUser(new AccountService.NewUser(username, "담당자" + USERS.get(), Role.OFFICER, department,
                "officer-password-1"), Actor.SYSTEM);
        return username;
    }

    private PageClient loggedIn(String username, String password) {
        PageClient c = citizen();
        Http.Response r = c.login(username, password);
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElse("")).contains("/staff");
        return c;
    }

    private long complaintCount() {
        return complaints.list(ComplaintQuery.all(), Actor.SYSTEM).total();
    }

    @Test
    void homeHasLayoutWithCityNameNavigationAndStrictCsp() {
        Http.Response r = citizen().get("/");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/html");
        assertThat(r.body()).contains("<html lang=\"ko\">", "파주시 민원 포털", "Mokmin", "href=\"/minwon/new\"",
                "href=\"/minwon/status\"", "담당자 로그인", "href=\"/css/mokmin.css\"", "<footer");
        assertThat(r.body()).doesNotContain("<script", "로그아웃");
        assertThat(r.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'self'");
        assertThat(citizen().get("/css/mokmin.css").status()).isEqualTo(200);
    }

    @Test
    void citizenFilesComplaintThroughFormAndSeesReceiptAndDueDate() {
        PageClient c = citizen();
        Http.Response form = c.get("/minwon/new");
        assertThat(form.body()).contains("<optgroup label=\"교통·주차\">", "<label for=\"title\">", "<label for=\"phone\">");
        assertThat(PageClient.hidden(form.body(), "_csrf")).isNotBlank();
        assertThat(PageClient.hidden(form.body(), "formKey")).matches("[0-9a-f]{32}");

        Http.Response r = c.submit("/minwon/new", "/minwon/new",
                complaintFields("가로등이 꺼져 있습니다", "시청 앞 가로등 3개가 꺼져 있습니다.", "010-2222-3333"));

        assertThat(r.status()).isEqualTo(200);
        String no = receiptNo(r);
        Complaint stored = complaints.find(no);
        assertThat(stored.channel()).isEqualTo(Channel.WEB);
        assertThat(stored.serviceCode()).isEqualTo("STREETLIGHT");
        assertThat(stored.contact().email()).isEqualTo("citizen@example.kr");
        assertThat(stored.location().address()).isEqualTo("경기도 파주시 시청로 50");
        String due = DateTimeFormatter.ofPattern("yyyy년 M월 d일 (E) HH:mm", Locale.KOREAN)
                .format(stored.dueAt().atZone(ZoneId.of("Asia/Seoul")));
        assertThat(due).matches(KOREAN_DATE_TIME);
        assertThat(r.body()).contains("처리기한", due, "가로등·보안등 고장 신고", "/minwon/status?receiptNo=" + no);
    }

    @Test
    void doubleSubmitOfOneFormCreatesOneComplaint() {
        PageClient c = citizen();
        Http.Response form = c.get("/minwon/new");
        Map<String, String> fields = new LinkedHashMap<>(PageClient.hiddenFields(form.body()));
        fields.putAll(complaintFields("두 번 누른 신청", "버튼을 두 번 눌렀습니다.", "010-4444-5555"));
        long before = complaintCount();

        Http.Response first = c.post("/minwon/new", fields);
        Http.Response second = c.post("/minwon/new", fields);

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(200);
        assertThat(receiptNo(second)).isEqualTo(receiptNo(first));
        assertThat(second.body()).contains("새로 접수되지 않았습니다");
        assertThat(complaintCount()).isEqualTo(before + 1);

        // The same form changed after it was filed (back button) is offered again as a new form.
        fields.put("title", "고친 제목");
        Http.Response changed = c.post("/minwon/new", fields);
        assertThat(changed.status()).isEqualTo(422);
        assertThat(changed.body()).contains("이미 접수되었습니다", "value=\"고친 제목\"");
        assertThat(PageClient.hidden(changed.body(), "formKey")).isNotEqualTo(fields.get("formKey"));
        assertThat(complaintCount()).isEqualTo(before + 1);
    }

    @Test
    void formPostWithoutCsrfTokenIsRefused() {
        PageClient c = citizen();
        String formKey = PageClient.hidden(c.get("/minwon/new").body(), "formKey");
        Map<String, String> fields = complaintFields("토큰 없음", "CSRF 토큰이 없습니다.", "010-1111-2222");
        fields.put("formKey", formKey);
        long before = complaintCount();

        Http.Response r = c.post("/minwon/new", fields);

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body()).contains("접근 권한이 없습니다");
        assertThat(complaintCount()).isEqualTo(before);
    }

    @Test
    void validationErrorsReRenderTheFormWithMessagesAndEnteredValues() {
        PageClient c = citizen();
        Http.Response form = c.get("/minwon/new");
        Map<String, String> fields = new LinkedHashMap<>(PageClient.hiddenFields(form.body()));
        fields.putAll(complaintFields("", "보도블록이 깨져 있어요 & 위험합니다", "12345"));
        fields.put("serviceCode", "POTHOLE");
        fields.put("email", "not-an-email");
        long before = complaintCount();

        Http.Response r = c.post("/minwon/new", fields);

        assertThat(r.status()).isEqualTo(400);
        String html = r.body();
        assertThat(html).contains("민원 내용을 확인해 주세요.");
        assertThat(html).containsPattern("id=\"title-error\">제목을 입력하세요.<");
        assertThat(html).containsPattern("id=\"phone-error\">전화번호 형식이 올바르지 않습니다");
        assertThat(html).containsPattern("id=\"email-error\">전자우편 주소 형식이 올바르지 않습니다");
        assertThat(html).contains("aria-invalid=\"true\" aria-describedby=\"title-error\"");
        // What the citizen typed is kept (escaped), the chosen service stays selected, the form key is kept.
        assertThat(html).contains(">보도블록이 깨져 있어요 &amp; 위험합니다</textarea>", "value=\"12345\"",
                "value=\"not-an-email\"", "value=\"김시민\"", "<option value=\"POTHOLE\" selected=\"selected\">");
        assertThat(PageClient.hidden(html, "formKey")).isEqualTo(fields.get("formKey"));
        assertThat(complaintCount()).isEqualTo(before);

        // Corrected and sent again, the same form is filed.
        fields.put("title", "보도블록 파손");
        fields.put("phone", "010-1234-5678");
        fields.put("email", "");
        fields.put("_csrf", PageClient.hidden(html, "_csrf"));
        Http.Response fixed = c.post("/minwon/new", fields);
        assertThat(fixed.status()).isEqualTo(200);
        assertThat(complaints.find(receiptNo(fixed)).serviceCode()).isEqualTo("POTHOLE");
    }

    @Test
    void citizenLooksUpStatusWithReceiptNumberAndPhone() {
        String no = file("불법 현수막", "사거리에 현수막이 많습니다.", "010-7777-8888", "ADVERTISING");
        complaints.transition(no, new TransitionRequest(ComplaintStatus.ANSWERED, null, null, null, null,
                "현수막 12개를 철거했습니다.", "내부 메모: 현장 확인"), Actor.SYSTEM);
        PageClient c = citizen();
        assertThat(c.get("/minwon/status?receiptNo=" + no).body()).contains("value=\"" + no + "\"");

        Http.Response r = c.submit("/minwon/status", "/minwon/status",
                Map.of("receiptNo", " " + no + " ", "phone", "01077778888"));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains(no, "답변완료", "광고물관리과", "현수막 12개를 철거했습니다.", "접수일시", "처리기한",
                "처리 이력", "접수", "배정");
        assertThat(r.body()).containsPattern(KOREAN_DATE_TIME);
        // Citizens never see staff names, internal notes or contact data.
        assertThat(r.body()).doesNotContain("내부 메모", "system", "010-7777-8888");
    }

    @Test
    void unknownReceiptOrWrongPhoneGivesAFriendlyMessage() {
        String no = file("조회 시험", "내용", "010-3333-4444", null);
        PageClient c = citizen();

        Http.Response wrongPhone = c.submit("/minwon/status", "/minwon/status",
                Map.of("receiptNo", no, "phone", "010-9999-9999"));
        Http.Response unknown = c.submit("/minwon/status", "/minwon/status",
                Map.of("receiptNo", "1999-000001", "phone", "010-3333-4444"));

        for (Http.Response r : new Http.Response[] {wrongPhone, unknown}) {
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.contentType()).startsWith("text/html");
            assertThat(r.body()).contains("일치하는 민원이 없습니다", "<form");
            assertThat(r.body()).doesNotContain("조회 시험");
        }
    }

    @Test
    void complaintTextIsEscapedEverywhere() {
        PageClient c = citizen();
        Http.Response r = c.submit("/minwon/new", "/minwon/new",
                complaintFields("<img src=x onerror=alert(2)>제목", "<script>alert(1)</script>", "010-5555-6666"));
        assertThat(r.status()).isEqualTo(200);
        String no = receiptNo(r);
        assertThat(r.body()).contains("&lt;img src=x onerror=alert(2)&gt;제목").doesNotContain("<img src=x");

        Http.Response status = c.submit("/minwon/status", "/minwon/status",
                Map.of("receiptNo", no, "phone", "010-5555-6666"));
        assertThat(status.body()).contains("&lt;img src=x onerror=alert(2)&gt;제목").doesNotContain("<img src=x");

        PageClient admin = loggedIn("admin", ADMIN_PASSWORD);
        Http.Response queue = admin.get("/staff?q=onerror");
        assertThat(queue.body()).contains("&lt;img src=x onerror=alert(2)&gt;제목").doesNotContain("<img src=x");
        Http.Response detail = admin.get("/staff/complaints/" + no);
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script", "<img src=x");
    }

    @Test
    void loginPageShowsErrorOnBadCredentialsAndStaffPagesNeedLogin() {
        PageClient c = citizen();
        Http.Response staff = c.get("/staff");
        assertThat(staff.status()).isEqualTo(302);
        assertThat(staff.headers().firstValue("Location").orElse("")).endsWith("/login");

        Http.Response bad = c.login("admin", "wrong-password");
        assertThat(bad.status()).isEqualTo(302);
        assertThat(bad.headers().firstValue("Location").orElse("")).endsWith("/login?error");
        assertThat(c.get("/login?error").body()).contains("아이디 또는 비밀번호가 올바르지 않습니다",
                "<label for=\"username\">", "<label for=\"password\">");

        PageClient admin = loggedIn("admin", ADMIN_PASSWORD);
        Http.Response home = admin.get("/");
        assertThat(home.body()).contains("업무 목록", "로그아웃", "(admin)").doesNotContain("담당자 로그인");
        Http.Response logout = admin.submit("/", "/logout", Map.of());
        assertThat(logout.status()).isEqualTo(302);
        assertThat(admin.get("/staff").status()).isEqualTo(302);
    }

    @Test
    void officerSeesOnlyOwnDepartmentAndGets404ForOthers() {
        String road = file("도로 파손 " + System.nanoTime(), "도로가 파였습니다.", "010-1212-3434", "ROAD_MANAGEMENT");
        String tax = file("재산세 문의 " + System.nanoTime(), "고지서가 두 번 왔습니다.", "010-1212-3434", "TAX");
        String unassigned = file("미배정 " + System.nanoTime(), "분류 전 민원", "010-1212-3434", null);
        String officer = officer("TAX");
        PageClient c = loggedIn(officer, "officer-password-1");

        Http.Response queue = c.get("/staff");
        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.body()).contains(tax, "세정과").doesNotContain(road, unassigned, "분류 대기");
        assertThat(c.get("/staff/complaints/" + tax).status()).isEqualTo(200);

        Http.Response other = c.get("/staff/complaints/" + road);
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.contentType()).startsWith("text/html");
        assertThat(other.body()).contains("페이지를 찾을 수 없습니다", "파주시 민원 포털").doesNotContain("도로 파손");
        assertThat(c.get("/staff/complaints/" + unassigned).status()).isEqualTo(404);

        // Nor can the officer change it: the form post gets the same 404 and nothing changes.
        Http.Response post = c.submit("/staff/complaints/" + tax, "/staff/complaints/" + road + "/transitions",
                Map.of("to", "IN_PROGRESS"));
        assertThat(post.status()).isEqualTo(404);
        assertThat(complaints.find(road).status()).isEqualTo(ComplaintStatus.ASSIGNED);

        // Asking for another department or the routing queue in the URL changes nothing.
        assertThat(c.get("/staff?dept=ROAD_MANAGEMENT&queue=routing").body()).doesNotContain(road, unassigned);
    }

    @Test
    void routingOfficerHasTheRoutingQueueAndAssignsAway() {
        String unassigned = file("어디로 가나요 " + System.nanoTime(), "부서를 모르겠습니다.", "010-5656-7878", null);
        String officer = officer("CIVIL_SERVICE");
        PageClient c = loggedIn(officer, "officer-password-1");

        Http.Response own = c.get("/staff");
        assertThat(own.body()).contains("민원여권과", "분류 대기 (부서 미배정)").doesNotContain(unassigned);
        Http.Response routing = c.get("/staff?queue=routing");
        assertThat(routing.body()).contains(unassigned, "미배정");

        Http.Response assigned = c.submit("/staff/complaints/" + unassigned,
                "/staff/complaints/" + unassigned + "/transitions",
                Map.of("to", "ASSIGNED", "departmentCode", "PARKS", "type", "GRIEVANCE", "note", "공원 관련"));

        // Assigned away, the officer no longer sees it: back to the queue with a notice.
        assertThat(assigned.status()).isEqualTo(302);
        assertThat(assigned.headers().firstValue("Location").orElse("")).endsWith("/staff");
        assertThat(c.get("/staff").body()).contains(unassigned + " 민원을 배정 상태로 변경했습니다 (담당부서: 공원녹지과).");
        Complaint after = complaints.find(unassigned);
        assertThat(after.status()).isEqualTo(ComplaintStatus.ASSIGNED);
        assertThat(after.departmentCode()).isEqualTo("PARKS");
        assertThat(after.type()).isEqualTo(kr.mokmin.complaint.ComplaintType.GRIEVANCE);
        assertThat(c.get("/staff/complaints/" + unassigned).status()).isEqualTo(404);
    }

    @Test
    void detailShowsEverythingAndTransitionsReportErrorsOnThePage() {
        String no = file("공원 벤치 파손 " + System.nanoTime(), "벤치 다리가 부러졌습니다.", "010-9090-8080", null);
        PageClient admin = loggedIn("admin", ADMIN_PASSWORD);

        Http.Response detail = admin.get("/staff/complaints/" + no);
        assertThat(detail.body()).contains("벤치 다리가 부러졌습니다.", "010-9090-8080", "시민", "처리기한",
                "id=\"transition-ASSIGNED\"", "id=\"transition-REJECTED\"", "id=\"transition-TRIAGED\"",
                "id=\"transition-TRANSFERRED\"", "처리 이력", "system", "채널: API");
        assertThat(detail.body()).doesNotContain("id=\"transition-CLOSED\"", "id=\"transition-ANSWERED\"");
        String path = "/staff/complaints/" + no;

        Http.Response assigned = admin.submit(path, path + "/transitions",
                Map.of("to", "ASSIGNED", "departmentCode", "PARKS"));
        assertThat(assigned.status()).isEqualTo(302);
        assertThat(assigned.headers().firstValue("Location").orElse("")).endsWith(path);
        Http.Response after = admin.get(path);
        assertThat(after.body()).contains("민원을 배정 상태로 변경했습니다 (담당부서: 공원녹지과).", "id=\"department\">공원녹지과<",
                "id=\"transition-ANSWERED\"", "admin");

        // A move the state machine forbids (a stale or forged form) is explained on the page.
        Http.Response illegal = admin.submit(path, path + "/transitions", Map.of("to", "CLOSED"));
        assertThat(illegal.status()).isEqualTo(409);
        assertThat(illegal.body()).contains("상태를 변경하지 못했습니다", "변경할 수 없습니다", "벤치 다리가 부러졌습니다.");

        // An answer is required; what was typed in the form is kept.
        Http.Response noAnswer = admin.submit(path, path + "/transitions",
                Map.of("to", "ANSWERED", "answer", "  ", "note", "메모를 남김"));
        assertThat(noAnswer.status()).isEqualTo(400);
        assertThat(noAnswer.body()).contains("답변(answer)이 필요합니다", "value=\"메모를 남김\"",
                "<details class=\"transition\" open=\"open\">");

        // A form from before someone else's change is refused, not applied on top.
        String stale = PageClient.hidden(after.body(), "version");
        complaints.transition(no, TransitionRequest.to(ComplaintStatus.IN_PROGRESS), Actor.SYSTEM);
        Map<String, String> fields = new LinkedHashMap<>(PageClient.hiddenFields(after.body()));
        fields.put("to", "TRANSFERRED");
        fields.put("version", stale);
        fields.put("departmentCode", "SEWER");
        Http.Response conflict = admin.post(path + "/transitions", fields);
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.body()).contains("다른 사용자가 민원을 변경했습니다", "처리중");
        assertThat(complaints.find(no).departmentCode()).isEqualTo("PARKS");

        Http.Response answered = admin.submit(path, path + "/transitions",
                Map.of("to", "ANSWERED", "answer", "벤치를 교체했습니다.", "type", "GRIEVANCE"));
        assertThat(answered.status()).isEqualTo(302);
        assertThat(admin.get(path).body()).contains("벤치를 교체했습니다.", "답변완료", "고충민원");
    }

    @Test
    void staffSeeAndDownloadTheCitizensAttachmentOnTheDetailPage() {
        var result = complaints.submit(new NewComplaint("사진 첨부 민원", "사진을 첨부합니다.", Channel.API,
                new Complaint.Contact("시민", "010-3333-4444", null), Complaint.Location.NONE, null), null,
                Actor.CITIZEN);
        String no = result.complaint().receiptNo();
        byte[] text = "현장 메모: 가로등 3번 기둥".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String boundary = "mokmin-test-boundary";
        byte[] multipart = concat(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; "
                + "filename=\"현장메모.txt\"\r\nContent-Type: text/plain\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), text,
                ("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        var upload = Http.send(Http.request(url("/api/v1/complaints/" + no + "/attachments"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("X-Citizen-Token", result.citizenToken())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(multipart)).build());
        assertThat(upload.status()).as(upload.body()).isEqualTo(201);
        long id = upload.json().get(0).get("id").asLong();

        PageClient admin = loggedIn("admin", ADMIN_PASSWORD);
        String page = admin.get("/staff/complaints/" + no).body();
        assertThat(page).contains("현장메모.txt", "/staff/complaints/" + no + "/attachments/" + id);
        Http.Response download = admin.get("/staff/complaints/" + no + "/attachments/" + id);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo("현장 메모: 가로등 3번 기둥");
        assertThat(download.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
        // Another department's officer gets nothing.
        String parks = officer("PARKS");
        complaints.transition(no, new TransitionRequest(ComplaintStatus.ASSIGNED, "ROAD_MANAGEMENT", null, null,
                null, null, null), Actor.SYSTEM);
        assertThat(loggedIn(parks, "officer-password-1").get("/staff/complaints/" + no + "/attachments/" + id)
                .status()).isEqualTo(404);
    }

    private static byte[] concat(byte[]... parts) {
        var out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void queueFiltersHighlightsAndPages() {
        String tag = "필터" + System.nanoTime();
        String late = file(tag + " 지연", "기한이 지난 민원", "010-1000-2000", "SAFETY");
        String soon = file(tag + " 임박", "기한이 다가온 민원", "010-1000-2000", "SAFETY");
        String later = file(tag + " 여유", "기한이 남은 민원", "010-1000-2000", "SAFETY");
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        setDue(late, now.minus(2, ChronoUnit.HOURS));
        setDue(soon, now.plus(2, ChronoUnit.HOURS));
        PageClient admin = loggedIn("admin", ADMIN_PASSWORD);

        Http.Response all = admin.get("/staff?q=" + enc(tag));
        assertThat(all.body()).contains(late, soon, later, "총 3건");
        assertThat(all.body()).containsPattern("(?s)<tr class=\"overdue\">\\s*<td[^>]*><a[^>]*>" + late
                + "</a>.*?<strong class=\"flag overdue-flag\">지연</strong>");
        assertThat(all.body()).containsPattern("(?s)<tr class=\"due-soon\">\\s*<td[^>]*><a[^>]*>" + soon
                + "</a>.*?<strong class=\"flag soon-flag\">임박</strong>");
        // Ordered by due date.
        assertThat(all.body().indexOf(late)).isLessThan(all.body().indexOf(soon));
        assertThat(all.body().indexOf(soon)).isLessThan(all.body().indexOf(later));

        assertThat(admin.get("/staff?overdue=true&q=" + enc(tag)).body()).contains(late, "총 1건")
                .doesNotContain(soon, later);
        assertThat(admin.get("/staff?dueSoon=true&q=" + enc(tag)).body()).contains(late, soon)
                .doesNotContain(later);
        assertThat(admin.get("/staff?dept=SAFETY&status=ASSIGNED&q=" + enc(tag)).body()).contains("총 3건");
        assertThat(admin.get("/staff?status=ANSWERED&q=" + enc(tag)).body()).contains("조건에 맞는 민원이 없습니다");
        assertThat(admin.get("/staff?status=OPEN&dept=TAX&q=" + enc(tag)).body()).contains("총 0건");

        String many = "페이지" + System.nanoTime();
        for (int i = 0; i < StaffPageController.PAGE_SIZE + 3; i++) {
            file(many + " " + i, "여러 건", "010-1000-2000", "SAFETY");
        }
        Http.Response first = admin.get("/staff?q=" + enc(many));
        assertThat(first.body()).contains("총 23건", "1 / 2 쪽", "rel=\"next\"").doesNotContain("rel=\"prev\"");
        assertThat(countRows(first.body())).isEqualTo(StaffPageController.PAGE_SIZE);
        Matcher next = Pattern.compile("href=\"([^\"]+)\" rel=\"next\"").matcher(first.body());
        assertThat(next.find()).isTrue();
        Http.Response second = admin.get(next.group(1).replace("&amp;", "&"));
        assertThat(second.body()).contains("2 / 2 쪽", "rel=\"prev\"").doesNotContain("rel=\"next\"");
        assertThat(countRows(second.body())).isEqualTo(3);

        assertThat(admin.get("/staff?status=NOPE").status()).isEqualTo(400);
        assertThat(admin.get("/staff?page=abc").status()).isEqualTo(400);
    }

    @Test
    void errorPagesAreKoreanHtmlWhileTheApiKeepsProblemJson() {
        PageClient c = citizen();
        Http.Response unknown = c.get("/minwon/nope");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("text/html");
        assertThat(unknown.body()).contains("<html lang=\"ko\">", "페이지를 찾을 수 없습니다", "파주시 민원 포털");

        String officer = officer("TAX");
        Http.Response forbidden = loggedIn(officer, "officer-password-1").get("/admin/settings");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.body()).contains("접근 권한이 없습니다", "업무 목록");

        Http.Response apiMissingPath = Http.get(url("/api/v1/nope"), ADMIN_TOKEN);
        assertThat(apiMissingPath.status()).isEqualTo(404);
        assertThat(apiMissingPath.contentType()).startsWith("application/problem+json");
        assertThat(apiMissingPath.json().get("status").asInt()).isEqualTo(404);

        Http.Response apiMissingComplaint = Http.get(url("/api/v1/complaints/1999-000001"), ADMIN_TOKEN);
        assertThat(apiMissingComplaint.status()).isEqualTo(404);
        assertThat(apiMissingComplaint.contentType()).startsWith("application/problem+json");

        Http.Response apiInvalid = Http.postJson(url("/api/v1/complaints"), "{\"title\":\"\",\"body\":\"\"}", null);
        assertThat(apiInvalid.status()).isEqualTo(400);
        assertThat(apiInvalid.contentType()).startsWith("application/problem+json");
        assertThat(apiInvalid.json().get("errors").size()).isEqualTo(2);
    }

    private void setDue(String receiptNo, Instant due) {
        jdbc.sql("UPDATE complaint SET due_at = ? WHERE receipt_no = ?")
                .params(due.atOffset(ZoneOffset.UTC), receiptNo).update();
    }

    private static int countRows(String html) {
        Matcher m = Pattern.compile("<a href=\"/staff/complaints/").matcher(html);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
