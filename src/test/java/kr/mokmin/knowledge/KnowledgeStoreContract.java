package kr.mokmin.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import kr.mokmin.account.Actor;
import kr.mokmin.account.Role;
import kr.mokmin.common.MokminException;
import kr.mokmin.common.ProblemKind;
import kr.mokmin.common.Upload;
import kr.mokmin.search.Audience;
import kr.mokmin.search.DocumentKind;
import kr.mokmin.search.IndexedChunk;
import kr.mokmin.search.SearchIndex;

/**
 * The knowledge store's behaviour against each real database (embedded H2 and PostgreSQL, by subclasses) with the
 * real Lucene index: ingestion through jobs, listing, re-ingestion, deletion, and repair after a crash (unfinished
 * jobs resume; index and database are reconciled in both directions).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
abstract class KnowledgeStoreContract {

    static final Actor ADMIN = new Actor("admin", Role.ADMIN, null);
    static final Actor OFFICER = new Actor("kim", Role.OFFICER, "ROAD_MANAGEMENT");

    @Autowired
    KnowledgeService knowledge;
    @Autowired
    JobRunner runner;
    @Autowired
    SearchIndex index;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    KnowledgeConfiguration.Startup startup;
    @Autowired
    DemoDocuments demo;

    record Bytes(String fileName, byte[] content) implements Upload {
        @Override
        public InputStream open() {
            return new ByteArrayInputStream(content);
        }
    }

    static Upload text(String name, String text) {
        return new Bytes(name, text.getBytes(StandardCharsets.UTF_8));
    }

    static KnowledgeService.Fields fields(String kind, String issuer, String audience, String sourceUrl) {
        return new KnowledgeService.Fields(kind, null, issuer, null, sourceUrl, audience);
    }

    Job await(String jobId) throws InterruptedException {
        Instant guard = Instant.now().plus(Duration.ofMinutes(3));
        while (true) {
            Job job = knowledge.job(jobId).orElseThrow();
            if (job.finished()) {
                return job;
            }
            assertThat(Instant.now()).as("job %s hangs", jobId).isBefore(guard);
            Thread.sleep(50);
        }
    }

    Job ingestAndWait(Upload upload, KnowledgeService.Fields fields) throws InterruptedException {
        var accepted = knowledge.ingest(List.of(upload), fields, null, ADMIN);
        runner.submit(accepted.job().id());
        return await(accepted.job().id());
    }

    @Test
    void ingestListReingestAndDelete() throws Exception {
        String issuer = "기관" + UUID.randomUUID();
        Job a = ingestAndWait(text("가.txt", "제1조(목적) 이 조례는 주차장 설치에 관하여 규정한다."),
                fields("ORDINANCE", issuer, "PUBLIC", "https://law.example/a-" + issuer));
        Job b = ingestAndWait(text("나.md", "# 내부 지침\n\n도로 보수 절차를 정한다."),
                fields("GUIDELINE", issuer, null, null));
        String idA = a.items().get(0).documentId();
        String idB = b.items().get(0).documentId();
        assertThat(a.items().get(0).status()).isEqualTo(Job.ItemStatus.INDEXED);

        KnowledgeDocument docA = knowledge.get(idA, ADMIN);
        assertThat(docA.status()).isEqualTo(DocumentStatus.INDEXED);
        assertThat(docA.kind()).isEqualTo(DocumentKind.ORDINANCE);
        assertThat(docA.chunkCount()).isEqualTo(index.chunkCountsByDocument().get(idA));
        assertThat(knowledge.extraction(docA).orElseThrow().text()).contains("주차장 설치");
        assertThat(knowledge.get(idB, OFFICER).audience()).isEqualTo(Audience.INTERNAL);
        assertThatThrownBy(() -> knowledge.get(idB, Actor.CITIZEN)).isInstanceOf(MokminException.class);

        DocumentQuery all = new DocumentQuery(null, issuer, null, null, null, 10, 0);
        assertThat(knowledge.list(all, ADMIN).total()).isEqualTo(2);
        assertThat(knowledge.list(all, Actor.CITIZEN).items()).extracting(KnowledgeDocument::id).containsExactly(idA);
        assertThat(knowledge.list(new DocumentQuery(DocumentKind.GUIDELINE, issuer, null, null, null, 10, 0), ADMIN)
                .items()).extracting(KnowledgeDocument::id).containsExactly(idB);
        assertThat(knowledge.list(new DocumentQuery(null, issuer, null, null, "나", 10, 0), ADMIN).items())
                .extracting(KnowledgeDocument::id).containsExactly(idB);
        assertThat(knowledge.list(new DocumentQuery(null, issuer, null, DocumentStatus.FAILED, null, 10, 0), ADMIN)
                .total()).isZero();

        Job again = ingestAndWait(text("가.txt", "제1조(목적) 이 조례는 주차장 관리에 관하여 규정한다.\n제2조(정의) 용어는 다음과 같다."),
                fields("ORDINANCE", issuer, "PUBLIC", "https://law.example/a-" + issuer));
        assertThat(again.items().get(0).documentId()).isEqualTo(idA);
        assertThat(knowledge.get(idA, ADMIN).version()).isEqualTo(2);

        assertThatThrownBy(() -> knowledge.delete(idA, OFFICER))
                .satisfies(e -> assertThat(((MokminException) e).kind()).isEqualTo(ProblemKind.FORBIDDEN));
        knowledge.delete(idA, ADMIN);
        assertThat(index.chunkCountsByDocument()).doesNotContainKey(idA);
        assertThat(knowledge.list(all, ADMIN).total()).isEqualTo(1);
    }

    @Test
    void aJobLeftUnfinishedByACrashResumesAtTheNextStart() throws Exception {
        // accepted but never run: what a crash right after the 202 leaves behind
        var accepted = knowledge.ingest(List.of(text("재개.txt", "중단된 작업도 다시 시작하면 끝까지 처리된다.")),
                fields("NOTICE", null, "PUBLIC", null), null, ADMIN);
        String id = accepted.documentIds().get(0);
        assertThat(knowledge.get(id, ADMIN).status()).isEqualTo(DocumentStatus.PENDING);
        startup.onReady();
        Job job = await(accepted.job().id());
        assertThat(job.done()).isEqualTo(1);
        assertThat(knowledge.get(id, ADMIN).status()).isEqualTo(DocumentStatus.INDEXED);
        assertThat(index.chunkCountsByDocument()).containsKey(id);
    }

    @Test
    void reconciliationRepairsTheIndexInBothDirections() throws Exception {
        Job kept = ingestAndWait(text("유지.txt", "색인이 사라져도 저장된 본문에서 다시 색인된다."),
                fields("NOTICE", null, "PUBLIC", null));
        String keptId = kept.items().get(0).documentId();
        int chunks = index.chunkCountsByDocument().get(keptId);
        // the index lost a document (e.g. restored from an older backup) ...
        index.deleteDocument(keptId);
        // ... and holds one the database does not know (a crash between deleting the row and the chunks)
        String ghost = "ghost-" + UUID.randomUUID();
        index.replaceDocument(ghost, List.of(new IndexedChunk(ghost + "#0", ghost, 1, "유령", "지워진 문서의 조각",
                DocumentKind.OTHER, null, null, Audience.PUBLIC, null, null, 0, 9, null, null)));

        KnowledgeService.Reconciliation r = knowledge.reconcile();
        assertThat(r.orphansDeleted()).isGreaterThanOrEqualTo(1);
        assertThat(r.reindexed()).isGreaterThanOrEqualTo(1);
        assertThat(index.chunkCountsByDocument()).doesNotContainKey(ghost).containsEntry(keptId, chunks);
        assertThat(knowledge.reconcile()).isEqualTo(new KnowledgeService.Reconciliation(0, 0, 0, false));
    }

    @Test
    void aFailedDocumentHasNoChunksAndABadFileDoesNotStopTheOthers() throws Exception {
        var accepted = knowledge.ingest(List.of(new Bytes("깨짐.docx", "PK\u0003\u0004 not a zip".getBytes(
                        StandardCharsets.ISO_8859_1)), text("정상.txt", "정상 문서는 색인된다.")),
                fields("OTHER", null, null, null), null, ADMIN);
        runner.submit(accepted.job().id());
        Job job = await(accepted.job().id());
        assertThat(job.failed()).isEqualTo(1);
        assertThat(job.items()).extracting(Job.Item::status)
                .containsExactly(Job.ItemStatus.FAILED, Job.ItemStatus.INDEXED);
        KnowledgeDocument broken = knowledge.get(accepted.documentIds().get(0), ADMIN);
        assertThat(broken.status()).isEqualTo(DocumentStatus.FAILED);
        assertThat(broken.failureReason()).isIn("TRUNCATED", "CORRUPT");
        assertThat(index.chunkCountsByDocument()).doesNotContainKey(broken.id());
    }

    @Test
    void theDemoJobIsCreatedOnceAndDeletedDemoDocumentsStayDeleted() throws Exception {
        String jobId = demo.jobId().orElseGet(() -> demo.createJobOnce().orElseThrow());
        assertThat(demo.createJobOnce()).isEmpty();
        Job job = knowledge.job(jobId).orElseThrow();
        assertThat(job.kind()).isEqualTo(Job.Kind.DEMO_LOAD);
        assertThat(job.total()).isEqualTo(kr.mokmin.knowledge.demo.DemoCorpus.load().documents().size());

        // the first two items, as the job would run them
        for (Job.Item item : job.items().subList(0, 2)) {
            knowledge.process(job, item);
        }
        List<Job.Item> items = knowledge.job(jobId).orElseThrow().items();
        assertThat(items.subList(0, 2)).extracting(Job.Item::status).containsOnly(Job.ItemStatus.INDEXED);
        String first = items.get(0).documentId();
        assertThat(first).startsWith("demo-");
        KnowledgeDocument doc = knowledge.get(first, Actor.CITIZEN);
        assertThat(doc.audience()).isEqualTo(Audience.PUBLIC);
        assertThat(doc.sourceUrl()).startsWith("https://www.law.go.kr/");

        knowledge.delete(first, ADMIN);
        // a restart: no new demo job, and the finished items are not redone
        assertThat(demo.createJobOnce()).isEmpty();
        for (Job.Item item : knowledge.job(jobId).orElseThrow().items().subList(0, 2)) {
            knowledge.process(job, item);
        }
        assertThatThrownBy(() -> knowledge.get(first, ADMIN)).isInstanceOf(MokminException.class);
        // the other 160 documents are not this test's business; a resumed job would load them all
        knowledge.tx().executeWithoutResult(s -> knowledge.jobs().markDone(jobId, knowledge.now()));
    }
}
