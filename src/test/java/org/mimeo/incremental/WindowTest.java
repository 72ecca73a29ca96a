package org.mimeo.incremental;

import java.sql.Connection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mimeo.copy.CopyStepHarness;
import org.mimeo.error.MimeoException;
import org.mimeo.sql.QualifiedName;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where a batch limit cuts an incremental run's window: never through rows that share a control value. */
class WindowTest {

    private static Connection connection;
    private static IncrementalSource source;

    @BeforeAll
    static void values() throws Exception {
        // control values 1, 2, 2, 2, 3, 4, 4 (rows of one value must travel in one run)
        CopyStepHarness.execute(CopyStepHarness.SOURCE_DB, "CREATE TABLE public.window_values (id int PRIMARY KEY, seq bigint)",
                "INSERT INTO public.window_values VALUES (1, 1), (2, 2), (3, 2), (4, 2), (5, 3), (6, 4), (7, 4)");
        connection = CopyStepHarness.connect(CopyStepHarness.SOURCE_DB);
        source = new IncrementalSource(connection, QualifiedName.parse("public.window_values"), "seq", null, ControlType.INTEGER);
    }

    @AfterAll
    static void close() throws Exception {
        connection.close();
    }

    private static Window window(String lower, Integer limit) throws Exception {
        return Window.compute(source, lower, "0", null, limit, "dst.window_values");
    }

    @Test
    void withoutALimitTheWindowEndsAtTheHighestValue() throws Exception {
        assertEquals(new Window(null, "4"), window(null, null));
        assertEquals(new Window("4", null), window("4", null), "nothing above the last value");
    }

    @Test
    void aLimitThatFallsBetweenTwoValuesCutsThere() throws Exception {
        assertEquals(new Window(null, "2"), window(null, 4), "rows 1..4 are values 1, 2, 2, 2; the 5th row has value 3");
        assertEquals(new Window(null, "1"), window(null, 1));
    }

    @Test
    void aLimitThatWouldSplitAValueEndsBeforeIt() throws Exception {
        assertEquals(new Window(null, "1"), window(null, 3), "the 3rd and 4th rows share value 2: the run stops after value 1");
        assertEquals(new Window("2", "3"), window("2", 2), "value 4's two rows would be split: the run takes value 3 only");
    }

    @Test
    void aLimitAboveTheRemainingRowsTakesThemAll() throws Exception {
        assertEquals(new Window("1", "4"), window("1", 100));
    }

    @Test
    void aLimitSmallerThanTheRowsOfOneValueIsRefused() {
        MimeoException e = assertThrows(MimeoException.class, () -> window("1", 2));
        assertTrue(e.getMessage().contains("batch limit of 2 rows for dst.window_values is too small"), e.getMessage());
    }

    @Test
    void theBoundaryKeepsTheNewestValuesForTheNextRun() throws Exception {
        assertEquals(new Window(null, "3"), Window.compute(source, null, "1", null, null, "dst.window_values"));
    }
}
