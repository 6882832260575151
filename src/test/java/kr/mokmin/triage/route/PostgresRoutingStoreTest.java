package kr.mokmin.triage.route;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import kr.mokmin.support.Postgres;

/** The routing store contract on a real PostgreSQL server (MOKMIN_TEST_PG_URL), in a fresh schema. */
@EnabledIfEnvironmentVariable(named = "MOKMIN_TEST_PG_URL", matches = ".+")
class PostgresRoutingStoreTest extends RoutingStoreContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        Postgres.register(registry);
        registry.add("mokmin.knowledge.load-demo", () -> "false");
    }
}
