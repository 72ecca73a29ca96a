package org.mimeo.incremental;

import java.io.Serializable;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mimeo.copy.CopySession;
import org.mimeo.copy.CopySpec;
import org.mimeo.copy.CopyStepHarness;
import org.mimeo.source.Column;
import org.mimeo.sql.QualifiedName;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The incremental reader and the block writer against a real PostgreSQL: blocks of whole control values,
 * a checkpoint after some of them, a restart from it, and the destination ends with exactly the source's rows.
 */
class ValueRangeReaderContractTest {

    private static final List<Column> COLUMNS = List.of(new Column("id", "bigint"), new Column("seq", "bigint"), new Column("v", "text"));
    private static final String ROWS = "SELECT id, seq, v FROM public.events ORDER BY id";

    @BeforeAll
    static void source() throws Exception {
        // three rows share every control value, so a block boundary must never split a value
        CopyStepHarness.execute(CopyStepHarness.SOURCE_DB, "CREATE TABLE public.events (id bigint PRIMARY KEY, seq bigint NOT NULL, v text)",
                "INSERT INTO public.events SELECT g, g / 3, 'event ' || g FROM generate_series(1, 900) g");
    }

    private static ValueRangeReader reader(CopyStepHarness step, CopySession session, String target, List<String> key) throws Exception {
        CopySpec spec = new CopySpec(CopyStepHarness.mapping(), QualifiedName.parse("public.events"), COLUMNS, null, QualifiedName.parse(target),
                true, key, null);
        ValueRangeReader reader = step.wire(new ValueRangeReader(), session, target, 100);
        reader.specs = new IncrementalCopySpecs() {
            @Override
            public Prepared prepare(String destTable) {
                return new Prepared(spec, "seq", ControlType.INTEGER, "0", null);
            }

            @Override
            public boolean destinationEmpty(String destTable) {
                return false;
            }
        };
        return reader;
    }

    private static Serializable run(Serializable checkpoint, int chunks, String target, List<String> key) throws Exception {
        return CopyStepHarness.execute((step, session) -> reader(step, session, target, key), checkpoint, chunks);
    }

    @Test
    void anInserterRestartedFromItsCheckpointCopiesEveryRowOnce() throws Exception {
        CopyStepHarness.execute(CopyStepHarness.DEST_DB, "CREATE TABLE public.events_ins (id bigint, seq bigint, v text)");
        IncrementalCheckpoint first = (IncrementalCheckpoint) run(null, 3, "public.events_ins", null);
        assertEquals("300", first.window().upper());
        List<String> copied = CopyStepHarness.rows(CopyStepHarness.DEST_DB, "SELECT id, seq, v FROM public.events_ins ORDER BY id");
        assertEquals(Long.parseLong(first.committed()) * 3 + 2, copied.size(), "whole control values only, up to the committed one");

        IncrementalCheckpoint end = (IncrementalCheckpoint) run(first, Integer.MAX_VALUE, "public.events_ins", null);
        assertEquals(first.window(), end.window(), "the restart kept the run's window");
        assertEquals("300", end.committed());
        assertEquals(CopyStepHarness.rows(CopyStepHarness.SOURCE_DB, ROWS),
                CopyStepHarness.rows(CopyStepHarness.DEST_DB, "SELECT id, seq, v FROM public.events_ins ORDER BY id"));
    }

    @Test
    void anUpdaterReplacesRowsByKeyAcrossARestart() throws Exception {
        CopyStepHarness.execute(CopyStepHarness.DEST_DB, "CREATE TABLE public.events_upd (id bigint PRIMARY KEY, seq bigint, v text)",
                "INSERT INTO public.events_upd SELECT g, -1, 'stale' FROM generate_series(1, 900, 7) g");
        Serializable first = run(null, 2, "public.events_upd", List.of("id"));
        assertTrue(CopyStepHarness.rows(CopyStepHarness.DEST_DB, "SELECT 1 FROM public.events_upd WHERE v = 'stale'").size() > 0);
        run(first, Integer.MAX_VALUE, "public.events_upd", List.of("id"));
        assertEquals(CopyStepHarness.rows(CopyStepHarness.SOURCE_DB, ROWS),
                CopyStepHarness.rows(CopyStepHarness.DEST_DB, "SELECT id, seq, v FROM public.events_upd ORDER BY id"));
    }
}
