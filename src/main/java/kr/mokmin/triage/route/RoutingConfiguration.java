package kr.mokmin.triage.route;

import java.time.Clock;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionTemplate;

import kr.mokmin.MokminProperties;
import kr.mokmin.audit.AuditTrail;
import kr.mokmin.complaint.TaxonomyStore;
import kr.mokmin.triage.pii.PiiMasker;
import tools.jackson.databind.json.JsonMapper;

/** Wires department routing (the {@link DepartmentRouter} bean) and the 민원 type classifier. */
@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

    @Bean(destroyMethod = "close")
    RoutingService routingService(RoutingStore store, TaxonomyStore taxonomy, PiiMasker masker, AuditTrail audit,
                                  TransactionTemplate tx, Clock clock, JsonMapper json, MokminProperties properties) {
        RouterTrainer.Options product = RouterTrainer.Options.product();
        int folds = properties.triage().routing().calibrationFolds();
        RouterTrainer.Options options = new RouterTrainer.Options(product.algorithm(), product.features(),
                product.params(), folds, product.seed());
        LearningRouter router = new LearningRouter(taxonomy::current, options.features());
        return new RoutingService(router, store, taxonomy, masker, audit, tx, clock, json,
                properties.dataDir().resolve("triage"), options);
    }

    @Bean
    ComplaintTypeClassifier complaintTypeClassifier() {
        return new PhrasingTypeClassifier();
    }

    /** Loads the active model after the server is up, on the router's own thread: startup never waits for it. */
    @Bean
    Startup routingStartup(RoutingService service) {
        return new Startup(service);
    }

    record Startup(RoutingService service) {
        @EventListener(ApplicationReadyEvent.class)
        public void onReady() {
            service.loadInBackground();
        }
    }
}
