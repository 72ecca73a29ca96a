package org.mimeo.copy;

import java.sql.Connection;

/**
 * State a copy step's reader, processor and writer share for one execution: the source connection
 * (one REPEATABLE READ transaction, so all blocks come from one snapshot), what to copy, and the plan.
 */
public final class CopySession {

    private final Connection source;
    private final CopySpec spec;
    private final BlockPlan plan;
    private boolean truncatePending;
    private int blocksWritten;

    CopySession(Connection source, CopySpec spec, BlockPlan plan, boolean truncatePending) {
        this.source = source;
        this.spec = spec;
        this.plan = plan;
        this.truncatePending = truncatePending;
    }

    public Connection source() {
        return source;
    }

    public CopySpec spec() {
        return spec;
    }

    public BlockPlan plan() {
        return plan;
    }

    /** True once: when the target must be emptied before the first block of this execution is written. */
    boolean takeTruncatePending() {
        boolean pending = truncatePending;
        truncatePending = false;
        return pending;
    }

    int recordBlockWritten() {
        return ++blocksWritten;
    }
}
