package kr.mokmin.triage;

import java.time.Clock;
import java.time.Instant;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import kr.mokmin.MokminProperties;
import kr.mokmin.complaint.TaxonomyStore;
import kr.mokmin.triage.duplicate.DuplicateIndex;
import kr.mokmin.triage.facts.FactExtractor;
import kr.mokmin.triage.facts.Summarizer;
import kr.mokmin.triage.pii.KoreanPiiMasker;
import kr.mokmin.triage.pii.PiiMasker;
import kr.mokmin.triage.route.ComplaintTypeClassifier;
import kr.mokmin.triage.route.DepartmentRouter;

/** Wires the triage parts into one {@link TriageService} and into intake. */
@Configuration(proxyBeanMethods = false)
class TriageConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TriageConfiguration.class);

    @Bean
    PiiMasker piiMasker() {
        return new KoreanPiiMasker();
    }

    @Bean
    TriageService triageService(PiiMasker masker, ComplaintTypeClassifier types, DepartmentRouter router,
                                FactExtractor facts, Summarizer summarizer, DuplicateIndex duplicates,
                                TaxonomyStore taxonomy, MokminProperties properties) {
        var t = properties.triage();
        return new TriageService(masker, types, router, facts, summarizer, duplicates, taxonomy::current,
                new TriageSettings(t.autoRouteThreshold(), t.departments(), t.similar(), t.summaryChars()));
    }

    @Bean
    TriageIntake triageIntake(TriageService triage, TriageRepository repository, DuplicateIndex duplicates,
                              DepartmentRouter router, Clock clock, MeterRegistry meters) {
        return new TriageIntake(triage, repository, duplicates, router, clock, meters);
    }

    /** The duplicate index is memory only: after a restart it is filled again, off the startup path. */
    @EventListener(ApplicationReadyEvent.class)
    void loadRecentComplaints(ApplicationReadyEvent ready) {
        var context = ready.getApplicationContext();
        TriageIntake intake = context.getBean(TriageIntake.class);
        Instant since = Instant.now(context.getBean(Clock.class))
                .minus(context.getBean(MokminProperties.class).triage().duplicates().window());
        Thread.ofPlatform().name("triage-recent-load").daemon().start(() -> {
            try {
                long started = System.nanoTime();
                int n = intake.loadRecent(since);
                log.info("Duplicate index: {} recent complaint(s) loaded in {} ms", n,
                        (System.nanoTime() - started) / 1_000_000);
            } catch (RuntimeException e) {
                log.error("Could not load recent complaints into the duplicate index", e);
            }
        });
    }
}
