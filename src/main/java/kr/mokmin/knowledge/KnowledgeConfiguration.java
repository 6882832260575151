package kr.mokmin.knowledge;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import kr.mokmin.MokminProperties;
import kr.mokmin.audit.AuditTrail;
import kr.mokmin.common.ContentStore;
import kr.mokmin.knowledge.chunk.Chunker;
import kr.mokmin.knowledge.demo.DemoCorpus;
import kr.mokmin.knowledge.parse.DocumentParsers;
import kr.mokmin.knowledge.parse.OcrEngine;
import kr.mokmin.knowledge.parse.ParseLimits;
import kr.mokmin.knowledge.parse.TesseractOcr;
import kr.mokmin.search.Embedder;
import kr.mokmin.search.SearchIndex;

/**
 * Wires the knowledge module: the document store under {@code <data-dir>/documents}, the pipeline with the
 * configured limits, the service, the job pool; and after startup (never before readiness) the index repair, the
 * resumption of unfinished jobs and the first-run demo load, in that order on the job threads.
 */
@Configuration(proxyBeanMethods = false)
class KnowledgeConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeConfiguration.class);
    /** Temporary upload files older than this at startup are leftovers of a crash. */
    private static final Duration STALE_UPLOAD = Duration.ofHours(1);

    @Bean
    DocumentFiles documentFiles(MokminProperties properties) throws IOException {
        ContentStore store = new ContentStore(properties.dataDir().resolve("documents"));
        int swept = store.sweepTemporaryFiles(STALE_UPLOAD);
        if (swept > 0) {
            log.info("Deleted {} temporary document upload(s) left over from an interrupted run", swept);
        }
        return new DocumentFiles(store);
    }

    @Bean
    DocumentPipeline documentPipeline(MokminProperties properties, ObjectProvider<Embedder> embedder) {
        var k = properties.knowledge();
        ParseLimits limits = ParseLimits.defaults().withMaxFileBytes(k.maxFileSize().toBytes())
                .withRefuseExtensionMismatch(k.refuseExtensionMismatch());
        OcrEngine ocr = k.ocr() ? new TesseractOcr() : OcrEngine.NONE;
        return new DocumentPipeline(DocumentParsers.create(limits, ocr), new Chunker(), embedder.getIfAvailable());
    }

    @Bean
    DemoDocuments demoDocuments(DocumentRepository documents, JobRepository jobs, DocumentFiles files,
                                AuditTrail audit, TransactionTemplate tx, JdbcClient jdbc, Clock clock) {
        return new DemoDocuments(DemoCorpus.load(), documents, jobs, files, audit, tx, jdbc, clock);
    }

    @Bean
    KnowledgeService knowledgeService(DocumentRepository documents, JobRepository jobs, DocumentFiles files,
                                      DocumentPipeline pipeline, SearchIndex index, AuditTrail audit,
                                      TransactionTemplate tx, Clock clock, MokminProperties properties,
                                      DemoDocuments demo) {
        long max = properties.knowledge().maxFileSize().toBytes();
        if (max <= 0) {
            throw new IllegalStateException("mokmin.knowledge.max-file-size must be positive");
        }
        return new KnowledgeService(documents, jobs, files, pipeline, index, audit, tx, clock, max, demo);
    }

    @Bean(destroyMethod = "close")
    JobRunner jobRunner(KnowledgeService service, MokminProperties properties) {
        return new JobRunner(service, properties.knowledge().workers(), properties.knowledge().queueCapacity());
    }

    /** After the server is up: repair, resume, then the demo load; all on the job threads. */
    @Bean
    Startup knowledgeStartup(KnowledgeService service, JobRunner runner, DemoDocuments demo,
                             MokminProperties properties) {
        return new Startup(service, runner, demo, properties.knowledge().loadDemo());
    }

    record Startup(KnowledgeService service, JobRunner runner, DemoDocuments demo, boolean loadDemo) {

        @EventListener(ApplicationReadyEvent.class)
        public void onReady() {
            runner.execute(() -> {
                service.reconcile();
                for (String jobId : service.jobs().unfinished()) {
                    log.info("Resuming job {}", jobId);
                    runner.submit(jobId);
                }
                if (loadDemo) {
                    demo.createJobOnce().ifPresent(jobId -> {
                        log.info("Loading the demo knowledge base in the background (job {})", jobId);
                        runner.submit(jobId);
                    });
                }
            });
        }
    }
}
