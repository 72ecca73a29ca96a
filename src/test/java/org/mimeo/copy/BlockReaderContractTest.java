package org.mimeo.copy;

import java.io.Serializable;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mimeo.error.MimeoException;
import org.mimeo.source.Column;
import org.mimeo.sql.QualifiedName;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The full-copy reader and the block writer against a real PostgreSQL: open, read, checkpoint, close,
 * reopen from the checkpoint, and the destination holds exactly the source's rows.
 */
class BlockReaderContractTest {

    private static final String SOURCE_ROWS = "SELECT id, v FROM public.items ORDER BY id";
    private static final List<Column> COLUMNS = List.of(new Column("id", "bigint"), new Column("v", "text"));

    @BeforeAll
    static void tables() throws Exception {
        CopyStepHarness.execute(CopyStepHarness.SOURCE_DB,
                "CREATE TABLE public.items (id bigint PRIMARY KEY, v text)",
                "INSERT INTO public.items SELECT g, 'row ' || g FROM generate_series(1, 1000) g",
                "CREATE TABLE public.heap_items (id bigint, v text)",
                "INSERT INTO public.heap_items SELECT g, repeat('x', 200) || g FROM generate_series(1, 1000) g",
                "ANALYZE public.items", "ANALYZE public.heap_items");
        CopyStepHarness.await(CopyStepHarness.SOURCE_DB, "SELECT 1 FROM pg_stat_user_tables WHERE relname = 'heap_items' AND n_tup_ins = 1000");
    }

    private static void destination(String table) throws Exception {
        CopyStepHarness.execute(CopyStepHarness.DEST_DB, "DROP TABLE IF EXISTS public." + table, "CREATE TABLE public." + table + " (id bigint, v text)");
    }

    /** A reader of one step: its own session, as JBeret gives every step execution a new one. */
    private static BlockReader reader(CopyStepHarness step, CopySession session, String source, String target) throws Exception {
        CopySpec spec = new CopySpec(CopyStepHarness.mapping(), QualifiedName.parse(source), COLUMNS, null, QualifiedName.parse(target), true);
        BlockReader reader = step.wire(new BlockReader(), session, target, 100);
        reader.mode = "test";
        reader.providers = List.of(new CopySpecProvider() {
            @Override
            public String mode() {
                return "test";
            }

            @Override
            public CopySpec spec(String destTable) {
                return spec;
            }
        });
        return reader;
    }

    private static Serializable run(Serializable checkpoint, int chunks, String source, String target) throws Exception {
        return CopyStepHarness.execute((step, session) -> reader(step, session, source, target), checkpoint, chunks);
    }

    @Test
    void aRestartFromTheCheckpointCopiesTheRemainingKeyRangesExactly() throws Exception {
        destination("items");
        BlockCheckpoint first = (BlockCheckpoint) run(null, 4, "public.items", "public.items");
        assertEquals(4, first.nextBlock());
        assertInstanceOf(BlockPlan.KeyRanges.class, first.plan());
        assertEquals(10, first.plan().size());
        assertEquals(400, CopyStepHarness.rows(CopyStepHarness.DEST_DB, SOURCE_ROWS).size(), "four blocks of 100 keys committed");

        // rows inserted after the plan was made still land in the open-ended last range
        CopyStepHarness.execute(CopyStepHarness.SOURCE_DB, "INSERT INTO public.items VALUES (5000, 'late')");
        BlockCheckpoint end = (BlockCheckpoint) run(first, Integer.MAX_VALUE, "public.items", "public.items");
        assertEquals(first.plan(), end.plan(), "the restart used the checkpoint's plan");
        assertEquals(10, end.nextBlock());
        assertEquals(CopyStepHarness.rows(CopyStepHarness.SOURCE_DB, SOURCE_ROWS), CopyStepHarness.rows(CopyStepHarness.DEST_DB, SOURCE_ROWS));
        CopyStepHarness.execute(CopyStepHarness.SOURCE_DB, "DELETE FROM public.items WHERE id = 5000");
    }

    @Test
    void aChunkThatFailsInTheMiddleIsRolledBackAndCopiedAgainOnRestart() throws Exception {
        destination("items_failing");
        CopyStepHarness.execute(CopyStepHarness.DEST_DB, "ALTER TABLE public.items_failing ADD CONSTRAINT no_550 CHECK (id <> 550)");
        CopyStepHarness step = new CopyStepHarness();
        CopySession session = new CopySession();
        BlockReader reader = reader(step, session, "public.items", "public.items_failing");
        BlockCopyWriter writer = step.writer(session);
        assertThrows(MimeoException.class, () -> step.run(reader, CopyStepHarness.renderer(session), writer, null, Integer.MAX_VALUE));
        assertEquals(500, CopyStepHarness.rows(CopyStepHarness.DEST_DB, "SELECT * FROM public.items_failing").size(),
                "the five blocks before the failing one stayed committed, nothing of the failing block");
        BlockCheckpoint committed = (BlockCheckpoint) step.committed();
        assertEquals(5, committed.nextBlock());

        CopyStepHarness.execute(CopyStepHarness.DEST_DB, "ALTER TABLE public.items_failing DROP CONSTRAINT no_550");
        run(committed, Integer.MAX_VALUE, "public.items", "public.items_failing");
        assertEquals(CopyStepHarness.rows(CopyStepHarness.SOURCE_DB, SOURCE_ROWS),
                CopyStepHarness.rows(CopyStepHarness.DEST_DB, "SELECT id, v FROM public.items_failing ORDER BY id"));
    }

    @Test
    void aPagePlanIsDroppedWhenTheSourceWasWrittenAndTheCopyStartsOverIntoAnEmptiedTarget() throws Exception {
        String heapRows = "SELECT id, v FROM public.heap_items ORDER BY id";
        destination("heap_items");
        BlockCheckpoint first = (BlockCheckpoint) run(null, 2, "public.heap_items", "public.heap_items");
        assertTrue(first.plan().isPhysical(), first.plan().toString());
        assertTrue(first.plan().size() > 2, first.plan().toString());

        BlockCheckpoint unchanged = (BlockCheckpoint) run(first, 1, "public.heap_items", "public.heap_items");
        assertEquals(first.plan(), unchanged.plan(), "an unwritten source resumes the page plan");
        assertEquals(3, unchanged.nextBlock());

        CopyStepHarness.execute(CopyStepHarness.SOURCE_DB, "UPDATE public.heap_items SET v = 'moved' WHERE id = 1");
        CopyStepHarness.await(CopyStepHarness.SOURCE_DB, "SELECT 1 FROM pg_stat_user_tables WHERE relname = 'heap_items' AND n_tup_upd > 0");
        run(unchanged, Integer.MAX_VALUE, "public.heap_items", "public.heap_items");
        assertEquals(CopyStepHarness.rows(CopyStepHarness.SOURCE_DB, heapRows), CopyStepHarness.rows(CopyStepHarness.DEST_DB, heapRows),
                "the copy started over and emptied the target first: no row twice");
    }
}
