package org.mimeo.replication;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.mimeo.config.ConfigRepository;
import org.mimeo.config.RefreshConfig;
import org.mimeo.error.MimeoException;
import org.mimeo.internal.MimeoMessages;

/**
 * The one destroyer every replication type runs (and the maker's undo): the type's objects outside the
 * destination first, then its destination objects (or, when it keeps them, only their data stays) and the
 * configuration row, both in the caller's transaction.
 */
@ApplicationScoped
public class Destroyer {

    @Resource(lookup = "java:jboss/datasources/MimeoDS")
    DataSource destination;

    @Inject
    ConfigRepository config;

    public void destroy(ReplicationMode mode, RefreshConfig replication, boolean archive) {
        mode.dropSourceObjects(replication);
        try (Connection d = destination.getConnection()) {
            mode.dropDestination(d, replication, mode.keeps(replication, archive).isPresent());
            config.remove(replication);
        } catch (SQLException e) {
            throw MimeoException.conflict(MimeoMessages.MSG.destinationNotRemoved(replication.getType(), replication.getDestTable(), e.getMessage()));
        }
    }
}
