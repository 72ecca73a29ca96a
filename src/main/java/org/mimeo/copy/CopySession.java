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
    private final int blockCount;
    private boolean truncatePending;
    private int blocksWritten;
    private int blocksRendered;

    /**
     * @param plan       the blocks (for lazily planned copies: no blocks, only the position column)
     * @param firstBlock how many blocks earlier executions already committed
     * @param blockCount the number of blocks, or -1 when they are planned as the copy goes
     */
    public CopySession(Connection source, CopySpec spec, BlockPlan plan, boolean truncatePending, int firstBlock, int blockCount) {
        this.source = source;
        this.spec = spec;
        this.plan = plan;
        this.truncatePending = truncatePending;
        this.blocksRendered = firstBlock;
        this.blockCount = blockCount;
    }

    /** 1-based number of the next block rendered. */
    int nextBlockNumber() {
        return ++blocksRendered;
    }

    int blockCount() {
        return blockCount;
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
