package org.mimeo.config;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import org.mimeo.sql.QualifiedName;

/** Columns of dml and logdel replications: the source queue objects, the key and the committed queue position. */
@MappedSuperclass
public abstract class QueueConfig extends KeyedConfig {

    @Column(name = "insert_on_fetch", nullable = false)
    private boolean insertOnFetch = true;

    @Column(name = "queue_function", nullable = false)
    private String queueFunction;

    @Column(name = "queue_triggers", nullable = false)
    private String[] queueTriggers;

    @Column(name = "last_queue_xid", nullable = false)
    private long lastQueueXid;

    @Column(name = "last_queue_id", nullable = false)
    private long lastQueueId;

    @Column(name = "repull_queue_xid")
    private Long repullQueueXid;

    @Column(name = "repull_queue_id")
    private Long repullQueueId;

    protected QueueConfig() {
    }

    protected QueueConfig(String type) {
        super(type);
    }

    public abstract boolean keepsDeletedRows();

    /** The source queue table. */
    public QualifiedName queue() {
        return QualifiedName.parse(getControl());
    }

    public boolean isInsertOnFetch() {
        return insertOnFetch;
    }

    public void setInsertOnFetch(boolean insertOnFetch) {
        this.insertOnFetch = insertOnFetch;
    }

    public String getQueueFunction() {
        return queueFunction;
    }

    public void setQueueFunction(String queueFunction) {
        this.queueFunction = queueFunction;
    }

    public String[] getQueueTriggers() {
        return queueTriggers;
    }

    public void setQueueTriggers(String[] queueTriggers) {
        this.queueTriggers = queueTriggers;
    }

    /** The queue position (transaction id, entry id) up to which changes are committed here. */
    public long[] getLastQueuePosition() {
        return new long[] {lastQueueXid, lastQueueId};
    }

    public void setLastQueuePosition(long xid, long id) {
        this.lastQueueXid = xid;
        this.lastQueueId = id;
    }

    /** Where a repull in progress started (null when none is). */
    public long[] getRepullQueuePosition() {
        return repullQueueXid == null ? null : new long[] {repullQueueXid, repullQueueId};
    }

    public void setRepullQueuePosition(long[] position) {
        this.repullQueueXid = position == null ? null : position[0];
        this.repullQueueId = position == null ? null : position[1];
    }
}
