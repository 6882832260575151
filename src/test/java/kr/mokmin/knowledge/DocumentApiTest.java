package kr.mokmin.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import kr.mokmin.audit.AuditTrail;
import kr.mokmin.knowledge.cli.MultipartBody;
import kr.mokmin.knowledge.parse.TestDocuments;
import kr.mokmin.search.DocumentKind;
import kr.mokmin.search.SearchHit;
import kr.mokmin.search.SearchIndex;
import kr.mokmin.search.SearchQuery;
import kr.mokmin.support.Http;
import tools.jackson.databind.JsonNode;

/** The documents API end to end: real HTTP, real multipart, real parsers, real Lucene index, real H2. */
class DocumentApiTest extends KnowledgeTest {

    @TempDir
    Path dir;
    @Autowired
    SearchIndex index;
    @Autowired
    AuditTrail audit;

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private List<SearchHit> search(String q, DocumentKind kind) {
        SearchQuery query = SearchQuery.forStaff(q, 50);
        return index.search(kind == null ? query : query.withKinds(java.util.Set.of(kind)));
    }

    @Test
    void anUploadedFileIsIndexedWithItsMetadataAndProvenance() throws Exception {
        Path docx = TestDocuments.docx(dir, "수수료 조례.docx");
        String source = "https://www.law.go.kr/자치법규/" + unique();
        var r = upload(ADMIN_TOKEN, new MultipartBody().file("file", docx, "수수료 조례.docx")
                .field("kind", "ORDINANCE").field("issuer", "파주시").field("effectiveDate", "2024-01-01")
                .field("sourceUrl", source).field("audience", "PUBLIC"));
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        String jobId = r.json().get("jobId").asString();
        String id = r.json().get("documentIds").get(0).asString();
        assertThat(r.headers().firstValue("Location")).hasValue("/api/v1/jobs/" + jobId);
        assertThat(r.json().get("job").get("status").asString()).isIn("QUEUED", "RUNNING", "DONE");

        JsonNode job = awaitJob(jobId);
        assertThat(job.get("total").asInt()).isEqualTo(1);
        assertThat(job.get("failed").asInt()).isZero();
        assertThat(job.get("items").get(0).get("status").asString()).isEqualTo("INDEXED");

        JsonNode doc = document(id);
        assertThat(doc.get("status").asString()).isEqualTo("INDEXED");
        assertThat(doc.get("version").asInt()).isEqualTo(1);
        assertThat(doc.get("title").asString()).isEqualTo("수수료 조례"); // the file name when no title is given
        assertThat(doc.get("kind").asString()).isEqualTo("ORDINANCE");
        assertThat(doc.get("effectiveDate").asString()).isEqualTo("2024-01-01");
        assertThat(doc.get("mediaType").asString()).contains("wordprocessingml");
        assertThat(doc.get("chunkCount").asInt()).isPositive();
        assertThat(doc.get("sha256").asString()).hasSize(64);
        assertThat(doc.get("viewUrl").asString()).isEqualTo("/staff/documents/" + id);

        List<SearchHit> hits = search("민원 사무의 수수료", DocumentKind.ORDINANCE).stream()
                .filter(h -> h.chunk().documentId().equals(id)).toList();
        assertThat(hits).isNotEmpty();
        var chunk = hits.get(0).chunk();
        assertThat(chunk.documentVersion()).isEqualTo(1);
        assertThat(chunk.issuer()).isEqualTo("파주시");
        assertThat(chunk.sourceUrl()).isEqualTo(source);
        assertThat(chunk.locator()).startsWith("제1조");
        assertThat(index.chunkCountsByDocument()).containsEntry(id, doc.get("chunkCount").asInt());
        assertThat(audit.forEntity("document", id)).extracting(e -> e.action())
                .containsExactly("document.ingested", "document.indexed");
    }

    @Test
    void reIngestingTheSameSourceOrIdMakesANewVersionAndReplacesItsChunks() {
        String source = "https://example.go.kr/notice/" + unique();
        String first = ingestText("주차 안내", "거주자우선주차 신청은 매년 일월에 받습니다. elephantkey", source);
        String second = ingestText("주차 안내", "거주자우선주차 신청은 이제 상시 받습니다. giraffekey", source);
        assertThat(second).isEqualTo(first);
        JsonNode doc = document(first);
        assertThat(doc.get("version").asInt()).isEqualTo(2);
        assertThat(search("elephantkey", null)).noneMatch(h -> h.chunk().documentId().equals(first));
        assertThat(search("giraffekey", null)).anyMatch(h -> h.chunk().documentId().equals(first)
                && h.chunk().documentVersion() == 2);

        // by id: the JSON form names the document to replace
        var r = Http.postJson(url("/api/v1/documents"), Http.json(java.util.Map.of("id", first, "title", "주차 안내",
                "text", "세 번째 판입니다. hippokey")), ADMIN_TOKEN);
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        awaitJob(r.json().get("jobId").asString());
        assertThat(document(first).get("version").asInt()).isEqualTo(3);
        assertThat(search("hippokey", null)).anyMatch(h -> h.chunk().documentId().equals(first));
        assertThat(search("giraffekey", null)).noneMatch(h -> h.chunk().documentId().equals(first));

        var missing = Http.postJson(url("/api/v1/documents"), Http.json(java.util.Map.of("id", "nope", "title", "x",
                "text", "y")), ADMIN_TOKEN);
        assertThat(missing.status()).isEqualTo(404);
    }

    private String ingestText(String title, String text, String source) {
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("title", title);
        body.put("text", text);
        body.put("kind", "NOTICE");
        body.put("audience", "PUBLIC");
        if (source != null) {
            body.put("sourceUrl", source);
        }
        var r = Http.postJson(url("/api/v1/documents"), Http.json(body), ADMIN_TOKEN);
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        JsonNode job = awaitJob(r.json().get("jobId").asString());
        assertThat(job.get("items").get(0).get("status").asString()).isEqualTo("INDEXED");
        return r.json().get("documentIds").get(0).asString();
    }

    @Test
    void badFilesFailTheirOwnDocumentWithAReasonWhileTheBatchGoesOn() throws Exception {
        List<Path> files = new ArrayList<>(List.of(
                TestDocuments.hwp(dir, "좋은 문서.hwp"),
                TestDocuments.encryptedPdf(dir, "암호.pdf"),
                TestDocuments.truncatedDocx(dir, "잘림.docx"),
                TestDocuments.zipBombDocx(dir, "폭탄.docx"),
                TestDocuments.mislabelled(dir, "사실은html.pdf"),
                TestDocuments.junk(dir, "알수없음.bin"),
                TestDocuments.hwpx(dir, "좋은 문서.hwpx")));
        MultipartBody body = new MultipartBody().field("kind", "ORDINANCE").field("audience", "INTERNAL");
        for (Path f : files) {
            body.file("file", f, f.getFileName().toString());
        }
        var r = upload(ADMIN_TOKEN, body);
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        JsonNode job = awaitJob(r.json().get("jobId").asString());
        assertThat(job.get("total").asInt()).isEqualTo(7);
        assertThat(job.get("done").asInt()).isEqualTo(7);
        assertThat(job.get("failed").asInt()).isEqualTo(5);
        List<String> outcomes = new ArrayList<>();
        for (JsonNode item : job.get("items")) {
            outcomes.add(item.get("name").asString() + "=" + (item.hasNonNull("reason") ? item.get("reason").asString()
                    : item.get("status").asString()));
        }
        assertThat(outcomes).containsExactly("좋은 문서.hwp=INDEXED", "암호.pdf=ENCRYPTED", "잘림.docx=TRUNCATED",
                "폭탄.docx=ZIP_BOMB", "사실은html.pdf=EXTENSION_MISMATCH", "알수없음.bin=UNSUPPORTED_FORMAT",
                "좋은 문서.hwpx=INDEXED");
        JsonNode encrypted = document(r.json().get("documentIds").get(1).asString());
        assertThat(encrypted.get("status").asString()).isEqualTo("FAILED");
        assertThat(encrypted.get("failure").get("reason").asString()).isEqualTo("ENCRYPTED");
        assertThat(encrypted.get("failure").get("message").asString()).contains("암호");
        assertThat(encrypted.get("chunkCount").asInt()).isZero();
        assertThat(index.chunkCountsByDocument()).doesNotContainKey(encrypted.get("id").asString());
    }

    @Test
    void everyBadRequestIsAProblemAndStoresNothing() throws Exception {
        long before = Http.get(url("/api/v1/documents?limit=1"), ADMIN_TOKEN).json().get("total").asLong();
        Path text = TestDocuments.text(dir, "조례.txt");

        var unknownKind = upload(ADMIN_TOKEN, new MultipartBody().file("file", text, "조례.txt").field("kind", "LAW")
                .field("effectiveDate", "2024-13-01"));
        assertProblem(unknownKind, 400, "/problems/validation");
        assertThat(unknownKind.json().get("errors").findValuesAsString("field")).contains("kind", "effectiveDate");

        assertProblem(upload(ADMIN_TOKEN, new MultipartBody().field("title", "파일 없음")), 400, "/problems/validation");

        var junk = upload(ADMIN_TOKEN, new MultipartBody().file("file", TestDocuments.junk(dir, "x.bin"), "x.bin"));
        assertProblem(junk, 415, "/problems/unsupported-media-type");
        assertThat(junk.json().get("reason").asString()).isEqualTo("UNSUPPORTED_FORMAT");

        var mislabelled = upload(ADMIN_TOKEN, new MultipartBody().file("file",
                TestDocuments.mislabelled(dir, "공고.pdf"), "공고.pdf"));
        assertProblem(mislabelled, 415, "/problems/unsupported-media-type");
        assertThat(mislabelled.json().get("reason").asString()).isEqualTo("EXTENSION_MISMATCH");

        byte[] big = new byte[(int) MAX_FILE + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        var tooLarge = upload(ADMIN_TOKEN, new MultipartBody().file("file", big, "큰 파일.txt"));
        assertProblem(tooLarge, 413, "/problems/payload-too-large");

        var empty = upload(ADMIN_TOKEN, new MultipartBody().file("file", new byte[0], "빈.txt"));
        assertProblem(empty, 400, "/problems/validation");
        assertThat(empty.json().get("reason").asString()).isEqualTo("EMPTY");

        var wrongType = Http.send(Http.request(url("/api/v1/documents")).header("Authorization", "Bearer " + ADMIN_TOKEN)
                .header("Content-Type", "text/plain").POST(java.net.http.HttpRequest.BodyPublishers.ofString("x"))
                .build());
        assertProblem(wrongType, 415, "/problems/unsupported-media-type");
        var noText = Http.postJson(url("/api/v1/documents"), "{\"title\":\"제목\"}", ADMIN_TOKEN);
        assertProblem(noText, 400, "/problems/validation");
        var unknownField = Http.postJson(url("/api/v1/documents"), "{\"title\":\"t\",\"text\":\"x\",\"foo\":1}",
                ADMIN_TOKEN);
        assertProblem(unknownField, 400, "/problems/malformed-request");
        assertProblem(Http.get(url("/api/v1/documents?kind=LAW"), ADMIN_TOKEN), 400, "/problems/validation");
        assertProblem(Http.get(url("/api/v1/documents/none"), ADMIN_TOKEN), 404, "/problems/not-found");
        assertProblem(Http.get(url("/api/v1/jobs/none"), ADMIN_TOKEN), 404, "/problems/not-found");

        assertThat(Http.get(url("/api/v1/documents?limit=1"), ADMIN_TOKEN).json().get("total").asLong())
                .isEqualTo(before);
        try (var tmp = Files.list(dataDir().resolve("documents").resolve(".tmp"))) {
            assertThat(tmp.toList()).isEmpty();
        }
    }

    private static void assertProblem(Http.Response r, int status, String type) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("type").asString()).isEqualTo(type);
    }

    @Test
    void rolesDecideWhoIngestsDeletesAndReads() throws IOException {
        String officer = token("doc.officer", "OFFICER", "ROAD_MANAGEMENT");
        String head = token("doc.head", "DEPT_HEAD", "ROAD_MANAGEMENT");
        Path text = Files.writeString(dir.resolve("내부 지침.txt"), "도로 보수 내부 지침입니다. 비밀열쇠" + unique(),
                StandardCharsets.UTF_8);

        assertProblem(upload(officer, new MultipartBody().file("file", text, "내부 지침.txt")), 403, "/problems/forbidden");
        assertProblem(upload(null, new MultipartBody().file("file", text, "내부 지침.txt")), 401, "/problems/unauthorized");
        var byHead = upload(head, new MultipartBody().file("file", text, "내부 지침.txt").field("kind", "GUIDELINE"));
        assertThat(byHead.status()).as(byHead.body()).isEqualTo(202);
        awaitJob(byHead.json().get("jobId").asString());
        String internal = byHead.json().get("documentIds").get(0).asString();
        assertThat(document(internal).get("audience").asString()).isEqualTo("INTERNAL"); // the safe default
        String pub = ingestText("공개 안내", "누구나 읽는 안내문입니다.", null);

        // citizens (no token) see PUBLIC indexed documents only, without staff names
        assertThat(Http.get(url("/api/v1/documents/" + internal), null).status()).isEqualTo(404);
        var citizenView = Http.get(url("/api/v1/documents/" + pub), null);
        assertThat(citizenView.status()).isEqualTo(200);
        assertThat(citizenView.json().get("createdBy").isNull()).isTrue();
        var citizenList = Http.get(url("/api/v1/documents?limit=200"), null).json();
        assertThat(citizenList.get("items").findValuesAsString("audience")).containsOnly("PUBLIC");
        assertThat(citizenList.get("items").findValuesAsString("status")).containsOnly("INDEXED");
        assertThat(Http.get(url("/api/v1/documents?audience=INTERNAL"), null).json().get("total").asLong()).isZero();
        // staff see everything
        assertThat(Http.get(url("/api/v1/documents/" + internal), officer).status()).isEqualTo(200);
        assertThat(Http.get(url("/api/v1/documents?audience=INTERNAL&limit=200"), officer).json().get("items")
                .findValuesAsString("id")).contains(internal);

        var delete = Http.request(url("/api/v1/documents/" + internal)).DELETE();
        assertThat(Http.send(delete.build()).status()).isEqualTo(401);
        assertThat(Http.send(Http.request(url("/api/v1/documents/" + internal)).DELETE()
                .header("Authorization", "Bearer " + officer).build()).status()).isEqualTo(403);
        assertThat(Http.send(Http.request(url("/api/v1/documents/" + internal)).DELETE()
                .header("Authorization", "Bearer " + head).build()).status()).isEqualTo(204);
        assertThat(Http.get(url("/api/v1/documents/" + internal), ADMIN_TOKEN).status()).isEqualTo(404);
        assertThat(index.chunkCountsByDocument()).doesNotContainKey(internal);
        assertThat(audit.forEntity("document", internal)).extracting(e -> e.action() + ":" + e.actor())
                .containsExactly("document.ingested:doc.head", "document.indexed:system", "document.deleted:doc.head");
        assertThat(Http.send(Http.request(url("/api/v1/documents/" + internal)).DELETE()
                .header("Authorization", "Bearer " + head).build()).status()).isEqualTo(404);
    }

    @Test
    void theListFiltersAndPages() {
        String issuer = "시험기관" + unique();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            var body = new java.util.LinkedHashMap<String, Object>();
            body.put("title", "목록 시험 " + i + (i == 2 ? " 특별" : ""));
            body.put("text", "목록 시험 문서 " + i);
            body.put("kind", i == 0 ? "FAQ" : "NOTICE");
            body.put("issuer", issuer);
            body.put("audience", "PUBLIC");
            var r = Http.postJson(url("/api/v1/documents"), Http.json(body), ADMIN_TOKEN);
            awaitJob(r.json().get("jobId").asString());
            ids.add(r.json().get("documentIds").get(0).asString());
        }
        String base = "/api/v1/documents?issuer=" + java.net.URLEncoder.encode(issuer, StandardCharsets.UTF_8);
        assertThat(Http.get(url(base), ADMIN_TOKEN).json().get("total").asLong()).isEqualTo(3);
        assertThat(Http.get(url(base + "&kind=NOTICE"), ADMIN_TOKEN).json().get("total").asLong()).isEqualTo(2);
        assertThat(Http.get(url(base + "&status=FAILED"), ADMIN_TOKEN).json().get("total").asLong()).isZero();
        assertThat(Http.get(url(base + "&q=" + java.net.URLEncoder.encode("특별", StandardCharsets.UTF_8)),
                ADMIN_TOKEN).json().get("items").findValuesAsString("id")).containsExactly(ids.get(2));
        var page2 = Http.get(url(base + "&limit=2&offset=2"), ADMIN_TOKEN).json();
        assertThat(page2.get("total").asLong()).isEqualTo(3);
        assertThat(page2.get("items").size()).isEqualTo(1);
        assertProblem(Http.get(url(base + "&limit=0"), ADMIN_TOKEN), 400, "/problems/validation");
    }
}
