package org.mimeo.copy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mimeo.source.Column;
import org.mimeo.sql.QualifiedName;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CopyStatementsTest {

    private static CopySpec spec(String condition) {
        return new CopySpec(null, QualifiedName.parse("src.Order-Items"), List.of(new Column("id", "bigint"), new Column("group", "text")),
                condition, QualifiedName.parse("dst.items_snap1"), true);
    }

    @Test
    void keyRangesApplyOutsideTheConditionSoOrCannotWidenThem() {
        String sql = CopyStatements.select(spec("WHERE a = 1 OR b = 2"), "id", new Block.KeyRange(10L, null));
        assertEquals("SELECT \"id\", \"group\" FROM (SELECT \"src\".\"Order-Items\".\"id\", \"src\".\"Order-Items\".\"group\", "
                + "\"src\".\"Order-Items\".\"id\" AS \"mimeo$position\" FROM \"src\".\"Order-Items\" WHERE a = 1 OR b = 2\n) AS \"mimeo$rows\" "
                + "WHERE \"mimeo$position\" >= 10", sql);
    }

    @Test
    void aTrailingLineCommentInTheConditionEndsAtItsLine() {
        String sql = CopyStatements.select(spec("WHERE a = 1 -- only a"), "id", new Block.KeyRange(10L, null));
        assertEquals(true, sql.endsWith("WHERE a = 1 -- only a\n) AS \"mimeo$rows\" WHERE \"mimeo$position\" >= 10"), sql);
    }

    @Test
    void aConditionThatCouldEndTheQueryIsNeverRendered() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> CopyStatements.select(spec("WHERE a = 1; DROP TABLE t"), null, new Block.Whole()));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> CopyStatements.select(spec("WHERE a = 1) x"), null, new Block.Whole()));
    }

    @Test
    void pageRangesUseTidBounds() {
        BlockPlan plan = new BlockPlan.PageRanges(200, 100);
        String first = CopyStatements.select(spec(null), plan.keyColumn(), plan.block(0));
        assertEquals(true, first.endsWith("WHERE \"mimeo$position\" >= '(0,0)'::tid AND \"mimeo$position\" < '(100,0)'::tid"), first);
        String last = CopyStatements.select(spec(null), plan.keyColumn(), plan.block(1));
        assertEquals(true, last.endsWith("WHERE \"mimeo$position\" >= '(100,0)'::tid"), last);
    }

    @Test
    void wholeRelationsKeepTheConditionVerbatim() {
        BlockPlan plan = new BlockPlan.Whole();
        assertEquals("SELECT \"src\".\"Order-Items\".\"id\", \"src\".\"Order-Items\".\"group\" FROM \"src\".\"Order-Items\" , other WHERE x\n",
                CopyStatements.select(spec(", other WHERE x"), plan.keyColumn(), plan.block(0)));
        assertEquals("COPY \"dst\".\"items_snap1\" (\"id\", \"group\") FROM STDIN (FORMAT binary)", CopyStatements.copyIn(spec(null), true));
        assertEquals("COPY (SELECT 1) TO STDOUT", CopyStatements.copyOut("SELECT 1", false));
    }
}
