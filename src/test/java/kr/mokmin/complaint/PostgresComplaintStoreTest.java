package kr.mokmin.complaint;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import kr.mokmin.support.Postgres;

/**
 * The complaint store contract on a real PostgreSQL server (MOKMIN_TEST_PG_URL; .ci/run starts one on loopback),
 * in a fresh schema per run so runs never see each other's rows.
 */
@EnabledIfEnvironmentVariable(named = "MOKMIN_TEST_PG_URL", matches = ".+")
class PostgresComplaintStoreTest extends ComplaintStoreContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        Postgres.register(registry);
    }
}
