package kr.mokmin.complaint.attachment;

import static kr.mokmin.complaint.attachment.AttachmentHttp.part;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import kr.mokmin.account.AccountService;
import kr.mokmin.account.Actor;
import kr.mokmin.account.CredentialKind;
import kr.mokmin.account.Role;
import kr.mokmin.audit.AuditEvent;
import kr.mokmin.audit.AuditTrail;
import kr.mokmin.common.ContentStore;
import kr.mokmin.support.Http;
import kr.mokmin.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** Attachments over real HTTP, with real files under the data directory. */
class AttachmentApiTest extends IntegrationTest {

    private static final String ADMIN = ADMIN_TOKEN;

    @Autowired
    AccountService accounts;
    @Autowired
    AuditTrail audit;
    @Autowired
    AttachmentService attachmentService;

    record Filed(String receiptNo, String citizenToken) {
    }

    @Test
    void pngAndKoreanNamedPdfRoundTripWithSafeHeaders() throws Exception {
        Filed c = file();
        byte[] png = TestFiles.png(40, 30, Color.ORANGE);
        byte[] pdf = TestFiles.pdf("Mokmin attachment test");
        String pdfName = "민원 증빙자료(2024).pdf";

        var citizenUpload = AttachmentHttp.upload(attachmentsUrl(c), null, c.citizenToken(),
                part("도로 파손.png", "image/png", png));
        assertThat(citizenUpload.status()).as(citizenUpload.text()).isEqualTo(201);
        JsonNode pngView = citizenUpload.json().get(0);
        assertThat(pngView.get("fileName").asString()).isEqualTo("도로 파손.png");
        assertThat(pngView.get("contentType").asString()).isEqualTo("image/png");
        assertThat(pngView.get("size").asLong()).isEqualTo(png.length);
        assertThat(pngView.get("sha256").asString()).isEqualTo(sha256(png));
        assertThat(pngView.get("createdAt").asString()).endsWith("+09:00");

        // The client's Content-Type is not what counts.
        var staffUpload = AttachmentHttp.upload(attachmentsUrl(c), ADMIN, null,
                part(pdfName, "application/octet-stream", pdf));
        assertThat(staffUpload.status()).as(staffUpload.text()).isEqualTo(201);
        JsonNode pdfView = staffUpload.json().get(0);
        assertThat(pdfView.get("fileName").asString()).isEqualTo(pdfName);
        assertThat(pdfView.get("contentType").asString()).isEqualTo("application/pdf");

        var list = AttachmentHttp.get(attachmentsUrl(c), null, c.citizenToken());
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().size()).isEqualTo(2);
        assertThat(list.json().get(0).get("id").asLong()).isEqualTo(pngView.get("id").asLong());
        assertThat(list.json().get(1).get("fileName").asString()).isEqualTo(pdfName);

        var pngDownload = AttachmentHttp.get(attachmentUrl(c, pngView), ADMIN, null);
        assertThat(pngDownload.status()).isEqualTo(200);
        assertThat(pngDownload.body()).isEqualTo(png);
        assertThat(pngDownload.header("Content-Type")).isEqualTo("image/png");
        assertSafeDownloadHeaders(pngDownload, "도로 파손.png");

        var pdfDownload = AttachmentHttp.get(attachmentUrl(c, pdfView), null, c.citizenToken());
        assertThat(pdfDownload.status()).isEqualTo(200);
        assertThat(pdfDownload.body()).isEqualTo(pdf);
        assertThat(pdfDownload.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(pdfDownload.header("Content-Length")).isEqualTo(String.valueOf(pdf.length));
        assertSafeDownloadHeaders(pdfDownload, pdfName);
        assertThat(pdfDownload.header("Content-Disposition")).contains(
                "filename*=UTF-8''%EB%AF%BC%EC%9B%90%20%EC%A6%9D%EB%B9%99%EC%9E%90%EB%A3%8C(2024).pdf"
                        .replace("(", "%28").replace(")", "%29"));

        // Stored by content, not by name, and not executable.
        Path stored = attachmentsDir().resolve(sha256(pdf).substring(0, 2)).resolve(sha256(pdf).substring(2, 4))
                .resolve(sha256(pdf));
        assertThat(stored).exists().hasBinaryContent(pdf);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(Files.getPosixFilePermissions(stored)).doesNotContain(PosixFilePermission.OWNER_EXECUTE,
                    PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);
        }
        try (Stream<Path> all = Files.walk(attachmentsDir())) {
            assertThat(all.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("민원") || n.endsWith(".pdf"));
        }

        // Audited, without file names or contents.
        List<AuditEvent> events = audit.forEntity("complaint", c.receiptNo());
        List<AuditEvent> added = events.stream().filter(e -> e.action().equals("attachment.added")).toList();
        assertThat(added).hasSize(2);
        assertThat(added.get(0).actor()).isEqualTo("citizen");
        assertThat(added.get(1).actor()).isEqualTo("admin");
        assertThat(added).allSatisfy(e -> assertThat(e.detail()).doesNotContain("민원", "도로", ".pdf", ".png")
                .contains("\"contentType\"", "\"size\"", "\"sha256\""));
        assertThat(events).anyMatch(e -> e.action().equals("attachment.downloaded"));

        // Other modules see the same list.
        long complaintId = attachmentService.requireAccess(c.receiptNo(), Actor.SYSTEM, null).id();
        assertThat(attachmentService.attachmentsOf(complaintId)).extracting(AttachmentInfo::fileName)
                .containsExactly("도로 파손.png", pdfName);
    }

    @Test
    void identicalContentIsStoredOnceButListedTwice() throws Exception {
        Filed c = file();
        byte[] png = TestFiles.png(17, 23, new Color(0x12, 0x34, 0x56)); // unique to this test
        String sha = sha256(png);
        assertThat(AttachmentHttp.upload(attachmentsUrl(c), ADMIN, null, part("a.png", "image/png", png)).status())
                .isEqualTo(201);
        assertThat(AttachmentHttp.upload(attachmentsUrl(c), null, c.citizenToken(),
                part("b.png", "image/png", png)).status()).isEqualTo(201);
        var list = AttachmentHttp.get(attachmentsUrl(c), ADMIN, null).json();
        assertThat(list.size()).isEqualTo(2);
        assertThat(list.get(0).get("sha256").asString()).isEqualTo(sha);
        assertThat(list.get(1).get("sha256").asString()).isEqualTo(sha);
        assertThat(list.get(0).get("id").asLong()).isNotEqualTo(list.get(1).get("id").asLong());
        try (Stream<Path> all = Files.walk(attachmentsDir())) {
            assertThat(all.filter(p -> p.getFileName().toString().equals(sha)).count()).isEqualTo(1);
        }
        assertThat(AttachmentHttp.get(attachmentUrl(c, list.get(1)), ADMIN, null).body()).isEqualTo(png);
    }

    @Test
    void htmlRenamedToPngIsRefused() throws Exception {
        Filed c = file();
        var r = AttachmentHttp.upload(attachmentsUrl(c), ADMIN, null, part("cat.png", "image/png", TestFiles.html()));
        assertUnsupported(r, "text/html");
        var svg = AttachmentHttp.upload(attachmentsUrl(c), ADMIN, null, part("logo.png", "image/png",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(
                        StandardCharsets.UTF_8)));
        assertUnsupported(svg, "image/svg+xml");
        assertNothingStored(c);
    }

    @Test
    void executablesAreRefused() throws Exception {
        Filed c = file();
        assertUnsupported(AttachmentHttp.upload(attachmentsUrl(c), null, c.citizenToken(),
                part("report.pdf", "application/pdf", TestFiles.elf())), "application/x-executable");
        assertUnsupported(AttachmentHttp.upload(attachmentsUrl(c), null, c.citizenToken(),
                part("photo.jpg", "image/jpeg", TestFiles.pe())), "application/x-msdownload");
        assertUnsupported(AttachmentHttp.upload(attachmentsUrl(c), null, c.citizenToken(),
                part("invoice.docx", ContentSniffer.DOCX, TestFiles.docx(true))), ContentSniffer.DOCX);
        assertNothingStored(c);
    }

    @Test
    void oneBadFileRefusesTheWholeRequest() throws Exception {
        Filed c = file();
        var r = AttachmentHttp.upload(attachmentsUrl(c), ADMIN, null,
                part("ok.png", "image/png", TestFiles.png(5, 5, Color.BLUE)),
                part("setup.hwp", "application/x-hwp", TestFiles.pe()));
        assertThat(r.status()).isEqualTo(415);
        assertNothingStored(c);
    }

    @Test
    void severalFilesInOneRequestAndOfficeFormats() throws Exception {
        Filed c = file();
        var r = AttachmentHttp.upload(attachmentsUrl(c), null, c.citizenToken(),
                part("신청서.hwp", "application/haansofthwp", TestFiles.ole2("FileHeader", "DocInfo", "BodyText")),
                part("신청서.hwpx", "application/octet-stream", TestFiles.hwpx()),
                part("명세.docx", "application/octet-stream", TestFiles.docx(false)),
                part("메모.txt", "text/plain",
                        "도로에 구멍이 있습니다.\r\n".getBytes(Charset.forName("x-windows-949"))));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(r.json().valueStream().map(n -> n.get("contentType").asString()).toList()).containsExactly(
                ContentSniffer.HWP5, ContentSniffer.HWPX, ContentSniffer.DOCX, "text/plain");
    }

    @Test
    void emptyFilesAndMissingPartsAreBadRequests() {
        Filed c = file();
        var empty = AttachmentHttp.upload(attachmentsUrl(c), ADMIN, null, part("empty.png", "image/png", new byte[0]));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.header("Content-Type")).startsWith("application/problem+json");
        assertThat(empty.json().get("type").asString()).isEqualTo("/problems/validation");
        var none = AttachmentHttp.upload(attachmentsUrl(c), ADMIN, null);
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.header("Content-Type")).startsWith("application/problem+json");
        var json = Http.postJson(attachmentsUrl(c), "{}", ADMIN);
        assertThat(json.status()).isEqualTo(415);
        assertThat(json.contentType()).startsWith("application/problem+json");
    }

    @Test
    void pathTraversalAndScriptExtensionsAreNeutralised() throws Exception {
        Filed c = file();
        byte[] png = TestFiles.png(9, 9, Color.GREEN);
        var r = AttachmentHttp.upload(attachmentsUrl(c), ADMIN, null,
                part("../../etc/passwd.png", "image/png", png),
                part("..\\..\\windows\\win.ini.png", "image/png", png),
                part("run.bat", "text/plain", "echo 민원\r\n".getBytes(StandardCharsets.UTF_8)),
                part("사진\u202Egnp.exe", "image/png", png));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(r.json().valueStream().map(n -> n.get("fileName").asString()).toList())
                .containsExactly("passwd.png", "win.ini.png", "run.bat.txt", "사진gnp.exe.png");
        var download = AttachmentHttp.get(attachmentUrl(c, r.json().get(0)), ADMIN, null);
        assertThat(download.header("Content-Disposition")).isEqualTo(
                "attachment; filename=\"passwd.png\"; filename*=UTF-8''passwd.png");
        assertThat(Files.exists(dataDir().resolve("etc"))).isFalse();
    }

    @Test
    void wrongOrMissingCitizenTokenGets404() {
        Filed c = file();
        Filed other = file();
        var ok = AttachmentHttp.upload(attachmentsUrl(c), null, c.citizenToken(),
                part("a.png", "image/png", TestFiles.png(3, 3, Color.RED)));
        assertThat(ok.status()).isEqualTo(201);
        String url = attachmentUrl(c, ok.json().get(0));

        for (String token : new String[] {null, "wrong-token", other.citizenToken(), ""}) {
            assertNotFound(AttachmentHttp.get(attachmentsUrl(c), null, token), c);
            assertNotFound(AttachmentHttp.get(url, null, token), c);
            assertNotFound(AttachmentHttp.upload(attachmentsUrl(c), null, token,
                    part("b.png", "image/png", TestFiles.png(3, 3, Color.RED))), c);
        }
        // Indistinguishable from a complaint that does not exist.
        var missing = AttachmentHttp.get(url("/api/v1/complaints/1999-999999/attachments"), null, "x");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("type").asString()).isEqualTo("/problems/not-found");
        // Another complaint's token does not open this complaint's attachment through its own URL either.
        String foreign = url("/api/v1/complaints/" + other.receiptNo() + "/attachments/"
                + ok.json().get(0).get("id").asLong());
        assertThat(AttachmentHttp.get(foreign, null, other.citizenToken()).status()).isEqualTo(404);
        assertThat(AttachmentHttp.get(attachmentsUrl(c), ADMIN, null).json().size()).isEqualTo(1);
    }

    @Test
    void officersSeeOnlyWhatTheirDepartmentMaySee() {
        Filed c = file(); // unassigned: the routing department's queue
        var up = AttachmentHttp.upload(attachmentsUrl(c), null, c.citizenToken(),
                part("a.png", "image/png", TestFiles.png(4, 4, Color.CYAN)));
        assertThat(up.status()).isEqualTo(201);
        String taxOfficer = officer("TAX");
        String router = officer("CIVIL_SERVICE");

        assertNotFound(AttachmentHttp.get(attachmentsUrl(c), taxOfficer, null), c);
        assertNotFound(AttachmentHttp.get(attachmentUrl(c, up.json().get(0)), taxOfficer, null), c);
        assertNotFound(AttachmentHttp.upload(attachmentsUrl(c), taxOfficer, null,
                part("b.png", "image/png", TestFiles.png(4, 4, Color.CYAN))), c);

        assertThat(AttachmentHttp.get(attachmentsUrl(c), router, null).status()).isEqualTo(200);
        assertThat(AttachmentHttp.get(attachmentUrl(c, up.json().get(0)), router, null).status()).isEqualTo(200);

        // Once assigned to TAX, the tax officer sees it.
        var assign = Http.postJson(url("/api/v1/complaints/" + c.receiptNo() + "/transitions"),
                Http.json(Map.of("to", "ASSIGNED", "departmentCode", "TAX")), ADMIN);
        assertThat(assign.status()).as(assign.body()).isEqualTo(200);
        assertThat(AttachmentHttp.get(attachmentsUrl(c), taxOfficer, null).status()).isEqualTo(200);
    }

    @Test
    void attachmentsPerComplaintAreCapped() {
        Filed c = file();
        List<AttachmentHttp.Part> ten = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ten.add(part("메모" + i + ".txt", "text/plain", ("메모 " + i).getBytes(StandardCharsets.UTF_8)));
        }
        var eleven = new ArrayList<>(ten);
        eleven.add(part("extra.txt", "text/plain", "extra".getBytes(StandardCharsets.UTF_8)));
        var tooMany = AttachmentHttp.send(AttachmentHttp.auth(AttachmentHttp.upload(attachmentsUrl(c), eleven),
                ADMIN, null));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().get("maxAttachments").asInt()).isEqualTo(10);

        var r = AttachmentHttp.send(AttachmentHttp.auth(AttachmentHttp.upload(attachmentsUrl(c), ten), ADMIN, null));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(r.json().size()).isEqualTo(10);
        var one = AttachmentHttp.upload(attachmentsUrl(c), ADMIN, null,
                part("one.txt", "text/plain", "one".getBytes(StandardCharsets.UTF_8)));
        assertThat(one.status()).isEqualTo(400);
        assertThat(one.header("Content-Type")).startsWith("application/problem+json");
        assertThat(AttachmentHttp.get(attachmentsUrl(c), ADMIN, null).json().size()).isEqualTo(10);
    }

    @Test
    void unknownAttachmentIdIs404() {
        Filed c = file();
        assertThat(AttachmentHttp.get(attachmentsUrl(c) + "/999999999", ADMIN, null).status()).isEqualTo(404);
        assertThat(AttachmentHttp.get(attachmentsUrl(c) + "/abc", ADMIN, null).status()).isEqualTo(400);
    }

    // --- helpers

    private Filed file() {
        var r = Http.postJson(url("/api/v1/complaints"), Http.json(Map.of("title", "첨부 시험 " + UUID.randomUUID(),
                "body", "보도블록이 깨져 있습니다.")), null);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return new Filed(r.json().get("receiptNo").asString(), r.json().get("citizenToken").asString());
    }

    private String officer(String department) {
        String username = "officer-" + department.toLowerCase().replace('_', '-') + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        accounts.createUser(new AccountService.NewUser(username, "담당자", Role.OFFICER, department, null),
                Actor.SYSTEM);
        return accounts.issueCredential(username, CredentialKind.BEARER, "test", Actor.SYSTEM);
    }

    private String attachmentsUrl(Filed c) {
        return url("/api/v1/complaints/" + c.receiptNo() + "/attachments");
    }

    private String attachmentUrl(Filed c, JsonNode view) {
        return attachmentsUrl(c) + "/" + view.get("id").asLong();
    }

    Path attachmentsDir() {
        return dataDir().resolve("attachments");
    }

    private void assertSafeDownloadHeaders(AttachmentHttp.Response r, String fileName) {
        String disposition = r.header("Content-Disposition");
        assertThat(disposition).startsWith("attachment;");
        String encoded = disposition.substring(disposition.indexOf("filename*=UTF-8''") + 17);
        assertThat(URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8)).isEqualTo(fileName);
        assertThat(r.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(r.header("Content-Security-Policy")).isEqualTo("sandbox");
        assertThat(r.header("Cache-Control")).contains("no-store");
    }

    private void assertUnsupported(AttachmentHttp.Response r, String detected) {
        assertThat(r.status()).as(r.text()).isEqualTo(415);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("type").asString()).isEqualTo("/problems/unsupported-media-type");
        assertThat(r.json().get("detectedType").asString()).isEqualTo(detected);
    }

    private void assertNotFound(AttachmentHttp.Response r, Filed c) {
        assertThat(r.status()).as(r.text()).isEqualTo(404);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("type").asString()).isEqualTo("/problems/not-found");
        assertThat(r.json().get("detail").asString()).isEqualTo("접수번호 " + c.receiptNo() + "의 민원이 없습니다.");
    }

    private void assertNothingStored(Filed c) throws IOException {
        assertThat(AttachmentHttp.get(attachmentsUrl(c), ADMIN, null).json().size()).isZero();
        try (Stream<Path> tmp = Files.list(attachmentsDir().resolve(ContentStore.TEMP_DIR))) {
            assertThat(tmp.toList()).isEmpty();
        }
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
