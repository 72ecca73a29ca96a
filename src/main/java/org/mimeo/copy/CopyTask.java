package org.mimeo.copy;

/** A block rendered into the two COPY statements that move it. */
public record CopyTask(Block source, int block, int blocks, String copyOutSql, String copyInSql) {
}
