package kr.mokmin.triage.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

/** Training examples and model versions against each real database (H2 and PostgreSQL, by subclasses). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
abstract class RoutingStoreContract {

    static final Instant NOW = Instant.parse("2026-03-09T01:00:00Z");

    @Autowired
    RoutingStore store;
    @Autowired
    TransactionTemplate tx;

    @Test
    void examplesAreKeptOnceAndReadBackInOrder() {
        long before = store.lastExampleId();
        assertThat(store.addExample("가로등", "골목 가로등 고장", "ROAD_MANAGEMENT", RoutingStore.Source.IMPORT, "admin",
                NOW)).isTrue();
        assertThat(store.addExample("가로등", "골목 가로등 고장", "ROAD_MANAGEMENT", RoutingStore.Source.IMPORT, "admin",
                NOW)).isFalse();
        // the same text under another department is another example (an officer's correction)
        assertThat(store.addExample("가로등", "골목 가로등 고장", "SAFETY", RoutingStore.Source.CORRECTION, "kim",
                NOW)).isTrue();
        String longBody = "가".repeat(RoutingStore.MAX_BODY + 100);
        assertThat(store.addExample("긴 민원", longBody, "PARKS", RoutingStore.Source.IMPORT, "admin", NOW)).isTrue();
        long last = store.lastExampleId();

        List<RoutingStore.StoredExample> all = new ArrayList<>();
        store.forEachExample(before, last, all::add);
        assertThat(all).extracting(RoutingStore.StoredExample::departmentCode)
                .containsExactly("ROAD_MANAGEMENT", "SAFETY", "PARKS");
        assertThat(all.get(2).body()).hasSize(RoutingStore.MAX_BODY);
        List<RoutingStore.StoredExample> corrections = new ArrayList<>();
        store.forEachCorrectionAfter(before, corrections::add);
        assertThat(corrections).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo(RoutingStore.Source.CORRECTION);
            assertThat(e.departmentCode()).isEqualTo("SAFETY");
        });
        assertThat(store.counts().corrections()).isGreaterThanOrEqualTo(1);
        assertThat(store.examplesPerDepartment()).containsKeys("ROAD_MANAGEMENT", "SAFETY", "PARKS");
    }

    @Test
    void versionsAreNumberedAndExactlyOneIsActive() {
        int a = tx.execute(s -> store.insertTraining("softmax", 10, 2, 5, "admin", NOW));
        int b = tx.execute(s -> store.insertTraining("softmax", 12, 3, 7, "admin", NOW));
        assertThat(b).isEqualTo(a + 1);
        store.markReady(a, "{\"cvTop1\": 0.5}", "model-v" + a + ".bin", "ab".repeat(32), NOW);
        tx.executeWithoutResult(s -> store.activate(a));
        assertThat(store.active()).hasValueSatisfying(v -> {
            assertThat(v.version()).isEqualTo(a);
            assertThat(v.status()).isEqualTo(RoutingStore.Status.READY);
            assertThat(v.metrics()).contains("cvTop1");
            assertThat(v.createdAt()).isEqualTo(NOW);
        });
        store.markReady(b, "{}", "model-v" + b + ".bin", "cd".repeat(32), NOW);
        tx.executeWithoutResult(s -> store.activate(b));
        assertThat(store.active()).hasValueSatisfying(v -> assertThat(v.version()).isEqualTo(b));
        assertThat(store.find(a)).hasValueSatisfying(v -> assertThat(v.active()).isFalse());

        int c = tx.execute(s -> store.insertTraining("softmax", 1, 1, 1, "admin", NOW));
        assertThat(store.failUnfinished(NOW)).isEqualTo(1);
        assertThat(store.find(c)).hasValueSatisfying(v -> {
            assertThat(v.status()).isEqualTo(RoutingStore.Status.FAILED);
            assertThat(v.failure()).contains("interrupted");
        });
        assertThat(store.recent(2)).extracting(RoutingStore.Version::version).containsExactly(c, b);
    }
}
