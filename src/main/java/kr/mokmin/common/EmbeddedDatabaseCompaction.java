package kr.mokmin.common;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Embedded H2 only: compacts the database file when Mokmin stops. The JDBC URL sets REUSE_SPACE=FALSE (see
 * application.yml), so the file only grows while Mokmin runs; SHUTDOWN COMPACT rewrites it to the size of its
 * live data. Runs after the web server has stopped (graceful shutdown), before the connection pool closes. H2
 * finishes or cleans up an interrupted compaction the next time it opens the file. Tests whose Spring contexts
 * share one database file turn it off (mokmin.embedded-db.compact-on-shutdown=false): closing one cached context
 * must not close the database under the others.
 */
@Component
class EmbeddedDatabaseCompaction implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseCompaction.class);

    /** Once per process: after SHUTDOWN COMPACT the database is closed for every context sharing it. */
    private static final AtomicBoolean DONE = new AtomicBoolean();

    private final DataSource dataSource;
    private final boolean enabled;

    EmbeddedDatabaseCompaction(DataSource dataSource,
                               @Value("${mokmin.embedded-db.compact-on-shutdown:true}") boolean enabled) {
        this.dataSource = dataSource;
        this.enabled = enabled;
    }

    @Override
    public void destroy() {
        if (!enabled || DONE.getAndSet(true)) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            String url = c.getMetaData().getURL();
            if (url == null || !url.startsWith("jdbc:h2:file:")) {
                return;
            }
            long start = System.nanoTime();
            try (Statement s = c.createStatement()) {
                s.execute("SHUTDOWN COMPACT");
            }
            log.info("Embedded database compacted in {} ms", (System.nanoTime() - start) / 1_000_000);
        } catch (SQLException e) {
            log.warn("Could not compact the embedded database on shutdown: {}", e.getMessage());
        }
    }
}
