package org.mimeo.queue;

import java.io.Serializable;

/** A position in a source queue: (transaction id, entry id), the order entries are replayed in. */
record QueuePosition(long xid, long id) implements Serializable, Comparable<QueuePosition> {

    static final QueuePosition START = new QueuePosition(0, 0);

    static QueuePosition of(long[] pair) {
        return new QueuePosition(pair[0], pair[1]);
    }

    /** SQL row value comparable with {@code (mimeo_xid, mimeo_id)}. */
    String sql() {
        return "('" + xid + "'::xid8, " + id + "::bigint)";
    }

    @Override
    public int compareTo(QueuePosition o) {
        int c = Long.compare(xid, o.xid);
        return c != 0 ? c : Long.compare(id, o.id);
    }
}
