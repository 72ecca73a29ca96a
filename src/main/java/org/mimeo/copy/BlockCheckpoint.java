package org.mimeo.copy;

import java.io.Serializable;

/**
 * The copy reader's checkpoint: the plan (kept so that a restart uses exactly the same blocks), the
 * index of the first block not yet committed, and the source's write counter when the plan was made.
 */
public record BlockCheckpoint(int version, BlockPlan plan, int nextBlock, Long sourceWrites) implements Serializable {

    public static final int CURRENT_VERSION = 1;
}
