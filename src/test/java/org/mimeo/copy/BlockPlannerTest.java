package org.mimeo.copy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BlockPlannerTest {

    @Test
    void keyRangesPartitionTheKeysOpenEndedAtBothFarEnds() {
        BlockPlan plan = BlockPlanner.keyRanges("id", 1, 1_000, 1_000, 250);
        assertEquals(4, plan.size());
        assertEquals(List.of(new Block.KeyRange(null, 251L), new Block.KeyRange(251L, 501L), new Block.KeyRange(501L, 751L),
                new Block.KeyRange(751L, null)), blocks(plan));
        assertEquals("id", plan.keyColumn());
    }

    @Test
    void neverMoreKeyRangesThanKeyValuesSoNoRangeIsEmpty() {
        BlockPlan plan = BlockPlanner.keyRanges("id", 10, 12, 1_000_000, 1);
        assertEquals(List.of(new Block.KeyRange(null, 11L), new Block.KeyRange(11L, 12L), new Block.KeyRange(12L, null)), blocks(plan));
    }

    @Test
    void keysSpanningTheWholeBigintRangeDoNotOverflow() {
        BlockPlan plan = BlockPlanner.keyRanges("id", Long.MIN_VALUE, Long.MAX_VALUE, 4_000, 1_000);
        List<Block> blocks = blocks(plan);
        assertEquals(4, blocks.size());
        long previous = Long.MIN_VALUE;
        for (int i = 1; i < blocks.size(); i++) {
            long from = ((Block.KeyRange) blocks.get(i)).from();
            assertTrue(from > previous, blocks.toString());
            assertEquals(from, ((Block.KeyRange) blocks.get(i - 1)).to());
            previous = from;
        }
    }

    @Test
    void pageRangesCoverEveryPageAndLeaveTheLastOneOpen() {
        assertEquals(List.of(new Block.PageRange(0, 5L), new Block.PageRange(5, 10L), new Block.PageRange(10, null)),
                blocks(BlockPlanner.pageRanges(11, 20, 100)));
        assertEquals(List.of(new Block.PageRange(0, 5L), new Block.PageRange(5, null)), blocks(BlockPlanner.pageRanges(10, 20, 100)));
        assertEquals(List.of(new Block.PageRange(0, null)), blocks(BlockPlanner.pageRanges(0, 20, 100)));
    }

    @Test
    void aPlanHasAtMostMaxBlocks() {
        assertEquals(BlockPlan.MAX_BLOCKS, BlockPlanner.keyRanges("id", 1, 1_000_000_000, 1e9, 1).size());
        BlockPlan pages = BlockPlanner.pageRanges(10_000_000, 100, 1);
        assertTrue(pages.size() <= BlockPlan.MAX_BLOCKS, "" + pages.size());
        assertNull(((Block.PageRange) pages.block(pages.size() - 1)).to());
    }

    /**
     * The checkpoint JBeret stores after every chunk (Java serialization, as JBeret writes it) weighs the
     * same for a 1M-row and a 10M-row table: it holds the plan's parameters, not its blocks.
     */
    @Test
    void checkpointBytesDoNotGrowWithTheTable() throws IOException {
        long rowsPerBlock = 10_000;
        int[] keyBytes = new int[2];
        int[] pageBytes = new int[2];
        long[] rows = {1_000_000, 10_000_000};
        for (int i = 0; i < rows.length; i++) {
            BlockPlan byKey = BlockPlanner.keyRanges("id", 1, rows[i], rows[i], rowsPerBlock);
            BlockPlan byPage = BlockPlanner.pageRanges(rows[i] / 185, 185, rowsPerBlock);
            keyBytes[i] = bytes(new BlockCheckpoint(BlockCheckpoint.CURRENT_VERSION, byKey, byKey.size() - 1, 42L));
            pageBytes[i] = bytes(new BlockCheckpoint(BlockCheckpoint.CURRENT_VERSION, byPage, byPage.size() - 1, 42L));
            System.out.printf("checkpoint of a %,d-row table in %,d blocks: %d bytes by key, %d bytes by pages (the list of blocks alone: %,d bytes)%n",
                    rows[i], byKey.size(), keyBytes[i], pageBytes[i], bytes(new ArrayList<>(blocks(byKey))));
        }
        assertEquals(keyBytes[0], keyBytes[1]);
        assertEquals(pageBytes[0], pageBytes[1]);
        assertTrue(keyBytes[1] < 1_000, keyBytes[1] + " bytes");
    }

    private static List<Block> blocks(BlockPlan plan) {
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            blocks.add(plan.block(i));
        }
        return blocks;
    }

    private static int bytes(Serializable checkpoint) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ObjectOutputStream o = new ObjectOutputStream(out)) {
            o.writeObject(checkpoint);
        }
        return out.size();
    }
}
