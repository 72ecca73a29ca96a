package org.mimeo.copy;

import java.sql.Connection;

/**
 * What a copy step's reader, processor and writer share for one step execution: the source connection
 * (one REPEATABLE READ transaction, so all blocks come from one snapshot), what to copy, the column the
 * blocks range over, and the step's block counters. The reader {@linkplain #begin begins} it when it
 * opens. It is step-scoped ({@link CopySessionProducer}): JBeret discards it when the step ends, so a
 * restart starts from a fresh one.
 */
public class CopySession {

    private Connection source;
    private CopySpec spec;
    private String positionColumn;
    private int blockCount;
    private boolean truncatePending;
    private int blocksWritten;
    private int blocksRendered;

    /**
     * @param positionColumn the column blocks range over (the key or control column), or null
     * @param firstBlock     how many blocks earlier executions already committed
     * @param blockCount     the number of blocks, or -1 when they are planned as the copy goes
     */
    public void begin(Connection source, CopySpec spec, String positionColumn, boolean truncatePending, int firstBlock, int blockCount) {
        this.source = source;
        this.spec = spec;
        this.positionColumn = positionColumn;
        this.truncatePending = truncatePending;
        this.blocksRendered = firstBlock;
        this.blockCount = blockCount;
        this.blocksWritten = 0;
    }

    /** 1-based number of the next block rendered. */
    public int nextBlockNumber() {
        return ++blocksRendered;
    }

    public int blockCount() {
        return blockCount;
    }

    public Connection source() {
        return source;
    }

    public CopySpec spec() {
        return spec;
    }

    public String positionColumn() {
        return positionColumn;
    }

    /** True once: when the target must be emptied before the first block of this execution is written. */
    public boolean takeTruncatePending() {
        boolean pending = truncatePending;
        truncatePending = false;
        return pending;
    }

    /** Counts a written block; returns how many this execution wrote. */
    public int recordBlockWritten() {
        return ++blocksWritten;
    }
}
