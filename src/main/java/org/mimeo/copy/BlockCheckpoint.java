package org.mimeo.copy;

import java.io.Serializable;
import java.util.Objects;

/**
 * The copy reader's checkpoint, of constant size: the plan's parameters (so a restart uses exactly the
 * same blocks), the index of the first block not yet committed, and the source's write counter when the
 * plan was made.
 */
public record BlockCheckpoint(int version, BlockPlan plan, int nextBlock, Long sourceWrites) implements Serializable {

    /** 2: the plan is its parameters; version 1 carried the list of blocks. */
    public static final int CURRENT_VERSION = 2;

    /** Whether a restart may resume at {@link #nextBlock}: key ranges always, page ranges only while the source was not written. */
    public boolean validFor(Long currentSourceWrites) {
        return version == CURRENT_VERSION && (!plan.isPhysical() || Objects.equals(sourceWrites, currentSourceWrites));
    }
}
