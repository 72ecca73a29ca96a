package org.mimeo;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import javax.sql.DataSource;
import org.mimeo.config.SchemaMigrations;
import org.mimeo.internal.MimeoLogger;
import org.mimeo.internal.TestHooks;
import org.mimeo.queue.MakerIntents;
import org.mimeo.job.OrphanedExecutions;
import org.mimeo.source.PlainPasswordUpgrade;
import org.mimeo.source.SourceCredentials;

/** At deployment: bring schema mimeo up to date, encrypt passwords stored in plain text, then mark executions a crash left running as FAILED and remove what makers a crash interrupted left on sources. */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Bootstrap {

    @Resource(lookup = "java:jboss/datasources/MimeoDS")
    DataSource ds;

    @Inject
    SourceCredentials credentials;

    @Inject
    MakerIntents makerIntents;

    @PostConstruct
    void start() {
        if (TestHooks.enabled()) {
            MimeoLogger.LOG.testHooksOn();
        }
        try (Connection c = ds.getConnection()) {
            SchemaMigrations.Outcome schema = SchemaMigrations.migrate(ds, c);
            MimeoLogger.LOG.schemaReady(schema.version(), schema.applied());
            credentials.ensureKey();
            int encrypted = PlainPasswordUpgrade.run(c, credentials);
            if (encrypted > 0) {
                MimeoLogger.LOG.sourcePasswordsEncrypted(encrypted, credentials.location().toString());
            }
            c.setAutoCommit(true);
            int orphans = OrphanedExecutions.markFailed(c);
            if (orphans > 0) {
                MimeoLogger.LOG.orphansMarkedFailed(orphans);
            }
            makerIntents.cleanUp();
        } catch (Exception e) {
            throw new IllegalStateException("Mimeo could not prepare its schema in the destination database; check MIMEO_DB_URL, MIMEO_DB_USER and MIMEO_DB_PASSWORD", e);
        }
    }
}
