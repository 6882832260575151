package kr.mokmin.knowledge;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import kr.mokmin.support.Postgres;

/** The knowledge store contract on a real PostgreSQL server (MOKMIN_TEST_PG_URL), in a fresh schema. */
@EnabledIfEnvironmentVariable(named = "MOKMIN_TEST_PG_URL", matches = ".+")
class PostgresKnowledgeStoreTest extends KnowledgeStoreContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        Postgres.register(registry);
    }
}
