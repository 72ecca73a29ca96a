package org.mimeo.copy;

import java.io.Serializable;
import java.util.List;

/** The blocks of one copy, in order, and the column they range over (null for page ranges and views). */
public record BlockPlan(List<Block> blocks, String keyColumn) implements Serializable {

    public boolean isPhysical() {
        return !blocks.isEmpty() && blocks.get(0) instanceof Block.PageRange;
    }
}
