package org.mimeo.queue;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import javax.sql.DataSource;
import org.mimeo.config.ConfigRepository;
import org.mimeo.config.QueueConfig;
import org.mimeo.ddl.DestinationDdl;
import org.mimeo.error.MimeoException;
import org.mimeo.internal.MimeoMessages;
import org.mimeo.replication.SourceAccess;
import org.mimeo.sql.Identifiers;

/**
 * The ends of a dml/logdel run. Source queue entries are deleted only up to the position the
 * destination has already committed, so a crash anywhere replays them harmlessly and never loses one.
 */
@ApplicationScoped
public class QueueRefresh {

    @Resource(lookup = "java:jboss/datasources/MimeoDS")
    DataSource destination;

    @Inject
    ConfigRepository config;

    @Inject
    SourceAccess sources;

    /** Deletes the source queue entries up to the committed position; returns how many. */
    public int trimQueue(String destTable) {
        QueueConfig c = config.replication(destTable, QueueConfig.class);
        try (Connection s = sources.open(config.source(c.getSourceId()))) {
            if (!SourceQueue.exists(s, c.queue())) {
                throw MimeoException.sourceError(MimeoMessages.MSG.sourceQueueMissing(c.queue(), destTable));
            }
            return SourceQueue.trim(s, c.queue(), QueuePosition.of(c.getLastQueuePosition()));
        } catch (SQLException e) {
            throw SourceAccess.sourceFailure("trimming the change queue", c.source(), e);
        }
    }

    /**
     * Repull: empty the destination (logdel keeps its deleted rows) and remember the queue's end now;
     * the reload's snapshot, taken later, contains every change queued up to it.
     */
    @Transactional(rollbackOn = Exception.class)
    public String prepareRepull(String destTable) throws SQLException {
        QueueConfig c = config.replication(destTable, QueueConfig.class);
        try (Connection s = sources.open(config.source(c.getSourceId())); Connection d = destination.getConnection()) {
            // every entry of a transaction that ended before now is covered by the reload, whose snapshot is taken later
            s.setAutoCommit(false);
            QueuePosition end = SourceQueue.lastFinished(s, c.queue(), QueuePosition.of(c.getLastQueuePosition()), SourceQueue.snapshotXmin(s));
            s.rollback();
            QueuePosition from = QueuePosition.of(c.getLastQueuePosition());
            QueuePosition covered = end == null ? from : end;
            c.setRepullQueuePosition(new long[] {covered.xid(), covered.id()});
            if (c.keepsDeletedRows()) {
                DestinationDdl.execute(d, "DELETE FROM " + c.destination().sql() + " WHERE " + Identifiers.quote(QueueApply.DELETED_COLUMN) + " IS NULL");
                return "Deleted the live rows of " + destTable + " (kept the deleted ones) to pull all rows again";
            }
            DestinationDdl.truncate(d, c.destination(), false);
            return "Truncated " + destTable + " to pull all rows again";
        }
    }

    /** Records the run; after a repull the queue position jumps to where the repull started. */
    @Transactional(rollbackOn = Exception.class)
    public void finish(String destTable) {
        QueueConfig c = config.replication(destTable, QueueConfig.class);
        if (c.getRepullQueuePosition() != null) {
            QueuePosition repulled = QueuePosition.of(c.getRepullQueuePosition());
            if (repulled.compareTo(QueuePosition.of(c.getLastQueuePosition())) > 0) {
                c.setLastQueuePosition(repulled.xid(), repulled.id());
            }
            c.setRepullQueuePosition(null);
        }
        c.setLastRun(OffsetDateTime.now());
    }
}
