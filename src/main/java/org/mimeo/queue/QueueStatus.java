package org.mimeo.queue;

import java.sql.Connection;
import java.sql.SQLException;
import org.mimeo.config.QueueConfig;

/** What a dml/logdel replication still has to replay, for the monitor. */
public final class QueueStatus {

    private QueueStatus() {
    }

    /** Changes queued on the source after the position committed on the destination. */
    public static long pending(Connection source, QueueConfig config) throws SQLException {
        return SourceQueue.pending(source, config.queue(), QueuePosition.of(config.getLastQueuePosition()));
    }
}
