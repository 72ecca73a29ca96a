package org.mimeo.queue;

import java.io.Serializable;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mimeo.config.RefreshConfigDml;
import org.mimeo.copy.BlockCheckpoint;
import org.mimeo.copy.CopySession;
import org.mimeo.copy.CopySpec;
import org.mimeo.copy.CopyStepHarness;
import org.mimeo.source.Column;
import org.mimeo.sql.QualifiedName;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The queue reader and the block writer against a real PostgreSQL with Mimeo's own source queue and triggers:
 * a replay of queued changes, and a repull, each checkpointed, restarted, and ending with the source's rows.
 */
class QueueReaderContractTest {

    private static final QualifiedName SOURCE = QualifiedName.parse("public.orders");
    private static final List<Column> KEY = List.of(new Column("id", "bigint"));
    private static final List<Column> COLUMNS = List.of(new Column("id", "bigint"), new Column("v", "text"));
    private static final String ROWS = "SELECT id, v FROM %s ORDER BY id";
    private static final QueueNames NAMES = QueueNames.of(SOURCE, QualifiedName.parse("public.orders_dml"));

    @BeforeAll
    static void queuedChanges() throws Exception {
        CopyStepHarness.execute(CopyStepHarness.SOURCE_DB, "CREATE TABLE public.orders (id bigint PRIMARY KEY, v text)",
                "INSERT INTO public.orders SELECT g, 'order ' || g FROM generate_series(1, 300) g");
        CopyStepHarness.execute(CopyStepHarness.DEST_DB, "CREATE TABLE public.orders_dml (id bigint PRIMARY KEY, v text)",
                "INSERT INTO public.orders_dml SELECT g, 'order ' || g FROM generate_series(1, 300) g");
        try (Connection c = CopyStepHarness.connect(CopyStepHarness.SOURCE_DB)) {
            c.setAutoCommit(false);
            SourceQueue.create(c, NAMES, SOURCE, KEY, COLUMNS, false, false);
            c.commit();
        }
        // one transaction per statement: entries of several transactions, replayed in (xid, id) order
        CopyStepHarness.execute(CopyStepHarness.SOURCE_DB, "UPDATE public.orders SET v = 'changed ' || id WHERE id % 3 = 0",
                "DELETE FROM public.orders WHERE id BETWEEN 100 AND 119",
                "INSERT INTO public.orders SELECT g, 'new ' || g FROM generate_series(301, 350) g",
                "UPDATE public.orders SET id = id + 1000 WHERE id = 7");
    }

    private static QueueReader reader(CopyStepHarness step, CopySession session, String target, boolean repull) throws Exception {
        RefreshConfigDml dml = new RefreshConfigDml();
        dml.setControl(NAMES.queue().text());
        dml.setPkName(new String[] {"id"});
        QueueReader reader = step.wire(new QueueReader(), session, target, 40);
        reader.repull = repull;
        reader.specs = new QueueCopySpecs() {
            @Override
            public Prepared prepare(String destTable, boolean forRepull) {
                try {
                    CopySpec spec = forRepull
                            ? new CopySpec(CopyStepHarness.mapping(), SOURCE, COLUMNS, null, QualifiedName.parse(target), true)
                            : new CopySpec(CopyStepHarness.mapping(), SOURCE, COLUMNS, null, QualifiedName.parse(target), true, List.of("id"), null,
                                    new QueueApply(NAMES.queue(), false));
                    return new Prepared(dml, spec, CopyStepHarness.mapping());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        return reader;
    }

    private static Serializable run(Serializable checkpoint, int chunks, String target, boolean repull) throws Exception {
        return CopyStepHarness.execute((step, session) -> reader(step, session, target, repull), checkpoint, chunks);
    }

    @Test
    void aReplayRestartedFromItsCheckpointAppliesEveryQueuedChange() throws Exception {
        QueueCheckpoint first = (QueueCheckpoint) run(null, 2, "public.orders_dml", false);
        assertTrue(first.committed().compareTo(first.upTo()) < 0, "the replay stopped half-way: " + first);

        QueueCheckpoint end = (QueueCheckpoint) run(first, Integer.MAX_VALUE, "public.orders_dml", false);
        assertEquals(first.upTo(), end.upTo(), "the restart replayed up to the run's end, not further");
        assertEquals(end.upTo(), end.committed());
        assertEquals(CopyStepHarness.rows(CopyStepHarness.SOURCE_DB, ROWS.formatted("public.orders")),
                CopyStepHarness.rows(CopyStepHarness.DEST_DB, ROWS.formatted("public.orders_dml")));
    }

    @Test
    void aRepullRestartedFromItsCheckpointCopiesTheSourceOnce() throws Exception {
        CopyStepHarness.execute(CopyStepHarness.SOURCE_DB, "ANALYZE public.orders");
        CopyStepHarness.execute(CopyStepHarness.DEST_DB, "CREATE TABLE public.orders_repull (id bigint, v text)");
        BlockCheckpoint first = (BlockCheckpoint) run(null, 3, "public.orders_repull", true);
        assertEquals(3, first.nextBlock());
        assertInstanceOf(org.mimeo.copy.BlockPlan.KeyRanges.class, first.plan());

        run(first, Integer.MAX_VALUE, "public.orders_repull", true);
        assertEquals(CopyStepHarness.rows(CopyStepHarness.SOURCE_DB, ROWS.formatted("public.orders")),
                CopyStepHarness.rows(CopyStepHarness.DEST_DB, ROWS.formatted("public.orders_repull")));
    }
}
