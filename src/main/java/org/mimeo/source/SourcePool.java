package org.mimeo.source;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.AgroalConnectionPoolConfiguration.ConnectionValidator;
import io.agroal.api.configuration.supplier.AgroalConnectionFactoryConfigurationSupplier;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.exceptionsorter.PostgreSQLExceptionSorter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.mimeo.config.DblinkMapping;
import org.mimeo.error.MimeoException;
import org.mimeo.internal.MimeoLogger;
import org.mimeo.internal.MimeoMessages;
import org.mimeo.internal.Settings;
import org.postgresql.Driver;
import org.postgresql.util.PSQLException;

/**
 * The Agroal pool of one source, for one version of its settings (connection string, user, stored password).
 * Bounded by {@link Settings.SourcePool#max()}: a borrower waits {@link Settings.SourcePool#acquire()} for a free
 * connection, then fails. Every connection is validated when it is borrowed, and closing one twice returns it once.
 */
final class SourcePool {

    /** Seconds a borrowed connection has to answer the validation ({@code isValid}). */
    private static final int VALIDATION_SECONDS = 2;
    /** Any idle time at all: validate every connection as it is borrowed, as the pool's users expect a live one. */
    private static final Duration VALIDATE_ALWAYS = Duration.ofNanos(1);

    private final int sourceId;
    private final String username;
    private final Version version;
    private final Settings.SourcePool limits;
    private final AgroalDataSource pool;
    private volatile boolean retired;

    /** What a pool was built from: a source whose settings differ from these needs a new pool. */
    private record Version(String dataSource, String username, String encryptedPassword) {

        static Version of(DblinkMapping source) {
            return new Version(source.getDataSource(), source.getUsername(), source.getEncryptedPassword());
        }
    }

    private SourcePool(DblinkMapping source, Settings.SourcePool limits, AgroalDataSource pool) {
        this.sourceId = source.getId();
        this.username = source.getUsername();
        this.version = Version.of(source);
        this.limits = limits;
        this.pool = pool;
    }

    /** A new, empty pool: it connects on the first borrow. */
    static SourcePool open(DblinkMapping source, SourceCredentials credentials, Settings.SourcePool limits) {
        ConnInfo info = ConnInfo.parse(source.getDataSource());
        SourceLogin login = new SourceLogin(source.getId(), source.getUsername(), source.getEncryptedPassword(), credentials);
        AgroalDataSourceConfigurationSupplier configuration = new AgroalDataSourceConfigurationSupplier()
                .metricsEnabled(true)
                .connectionPoolConfiguration(poolConfig -> poolConfig
                        .initialSize(0)
                        .minSize(0)
                        .maxSize(limits.max())
                        .acquisitionTimeout(limits.acquire())
                        .leakTimeout(limits.leak())
                        .reapTimeout(limits.idle())
                        .idleValidationTimeout(VALIDATE_ALWAYS)
                        .connectionValidator(ConnectionValidator.defaultValidatorWithTimeout(VALIDATION_SECONDS))
                        .exceptionSorter(new PostgreSQLExceptionSorter())
                        .connectionFactoryConfiguration(factory -> driver(factory, info)
                                .addSecurityProvider(login)
                                .credential(login)));
        try {
            AgroalDataSource pool = AgroalDataSource.from(configuration, new SourcePoolEvents(source.getId(), limits.leak()));
            MimeoLogger.LOG.sourcePoolOpened(source.getId(), limits.max(), limits.acquire().toSeconds());
            return new SourcePool(source, limits, pool);
        } catch (SQLException e) {
            throw unreachable(source.getId(), source.getUsername(), e);
        }
    }

    private static AgroalConnectionFactoryConfigurationSupplier driver(AgroalConnectionFactoryConfigurationSupplier factory, ConnInfo info) {
        factory.connectionProviderClass(Driver.class).jdbcUrl(info.jdbcUrl()).autoCommit(true);
        info.properties().forEach((name, value) -> factory.jdbcProperty((String) name, (String) value));
        return factory;
    }

    /** True while {@code source} still has the settings this pool was built from. */
    boolean serves(DblinkMapping source) {
        return !retired && version.equals(Version.of(source));
    }

    boolean isRetired() {
        return retired;
    }

    Connection borrow() {
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private MimeoException failure(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PSQLException driver) {
                return unreachable(sourceId, username, driver);
            }
        }
        if (e.getCause() == null && pool.getMetrics().activeCount() >= limits.max()) {
            return MimeoException.unreachable(MimeoMessages.MSG.sourcePoolExhausted(sourceId, limits.max(), limits.acquire().toSeconds()), e);
        }
        return unreachable(sourceId, username, e);
    }

    static MimeoException unreachable(int sourceId, String username, SQLException e) {
        String state = e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")";
        // pgjdbc messages name host, port and user, never the password.
        return MimeoException.unreachable(MimeoMessages.MSG.sourceUnreachable(sourceId, username, state, e.getMessage()), e);
    }

    /** Stops lending: idle connections close now, borrowed ones when they are given back. */
    void retire(String reason) {
        retired = true;
        pool.flush(AgroalDataSource.FlushMode.GRACEFUL);
        MimeoLogger.LOG.sourcePoolClosed(sourceId, reason);
    }

    /** True when no connection of this pool is borrowed. */
    boolean isIdle() {
        return pool.getMetrics().activeCount() == 0;
    }

    /** Closes every connection, borrowed ones too (at undeploy, or for a retired pool once it is idle). */
    void close() {
        retired = true;
        pool.close();
    }

    int sourceId() {
        return sourceId;
    }

    @Override
    public String toString() {
        return "pool of source " + sourceId + (retired ? " (retired)" : "");
    }
}
