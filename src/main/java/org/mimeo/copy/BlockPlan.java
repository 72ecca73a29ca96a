package org.mimeo.copy;

import java.io.Serializable;

/**
 * The blocks of one full copy, in order, described by the few numbers that define them (never a list):
 * block {@code i} is computed when it is read. A checkpoint keeps the plan, so a restart copies exactly the
 * same blocks however large the table, and the checkpoint's size does not grow with it.
 */
public sealed interface BlockPlan extends Serializable permits BlockPlan.KeyRanges, BlockPlan.PageRanges, BlockPlan.Whole {

    /** The most blocks a plan has: larger tables get larger blocks. */
    int MAX_BLOCKS = 100_000;

    int size();

    /** The {@code index}-th block, 0-based. */
    Block block(int index);

    /** The column the blocks range over, or null (page ranges, whole relations). */
    default String keyColumn() {
        return null;
    }

    /** Page ranges are only valid while the source has not been written (rows may move between pages). */
    default boolean isPhysical() {
        return this instanceof PageRanges;
    }

    /**
     * {@code blocks} ranges of equal width over the integer key's values [min, max], open-ended at both far
     * ends so rows that appear after planning are not lost. At most one block per key value, so no range is empty.
     */
    record KeyRanges(String keyColumn, long min, long max, int blocks) implements BlockPlan {

        @Override
        public int size() {
            return blocks;
        }

        @Override
        public Block block(int index) {
            return new Block.KeyRange(index == 0 ? null : bound(index), index == blocks - 1 ? null : bound(index + 1));
        }

        /** Computed in floating point, so keys spanning the whole bigint range cannot overflow. */
        private long bound(int index) {
            double width = ((double) max - (double) min + 1) / blocks;
            return (long) Math.floor(min + width * index);
        }
    }

    /** Heap pages [0, pages) in ranges of {@code pagesPerBlock} pages; the last range is open, so pages added later are copied too. */
    record PageRanges(long pages, long pagesPerBlock) implements BlockPlan {

        @Override
        public int size() {
            return (int) (Math.max(0, pages - 1) / pagesPerBlock) + 1;
        }

        @Override
        public Block block(int index) {
            long from = index * pagesPerBlock;
            return new Block.PageRange(from, index == size() - 1 ? null : from + pagesPerBlock);
        }
    }

    /** One block of all rows: views and relations without a usable position. */
    record Whole() implements BlockPlan {

        @Override
        public int size() {
            return 1;
        }

        @Override
        public Block block(int index) {
            return new Block.Whole();
        }
    }
}
