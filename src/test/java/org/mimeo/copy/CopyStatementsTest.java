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
        BlockPlan plan = new BlockPlan(List.of(new Block.KeyRange(null, 10L), new Block.KeyRange(10L, null)), "id");
        String sql = CopyStatements.select(spec("WHERE a = 1 OR b = 2"), plan, plan.blocks().get(1));
        assertEquals("SELECT \"id\", \"group\" FROM (SELECT \"src\".\"Order-Items\".\"id\", \"src\".\"Order-Items\".\"group\", "
                + "\"src\".\"Order-Items\".\"id\" AS \"mimeo$position\" FROM \"src\".\"Order-Items\" WHERE a = 1 OR b = 2\n) AS \"mimeo$rows\" "
                + "WHERE \"mimeo$position\" >= 10", sql);
    }

    @Test
    void aTrailingLineCommentInTheConditionEndsAtItsLine() {
        BlockPlan plan = new BlockPlan(List.of(new Block.KeyRange(null, 10L), new Block.KeyRange(10L, null)), "id");
        String sql = CopyStatements.select(spec("WHERE a = 1 -- only a"), plan, plan.blocks().get(1));
        assertEquals(true, sql.endsWith("WHERE a = 1 -- only a\n) AS \"mimeo$rows\" WHERE \"mimeo$position\" >= 10"), sql);
    }

    @Test
    void aConditionThatCouldEndTheQueryIsNeverRendered() {
        BlockPlan plan = new BlockPlan(List.of(new Block.Whole()), null);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> CopyStatements.select(spec("WHERE a = 1; DROP TABLE t"), plan, plan.blocks().get(0)));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> CopyStatements.select(spec("WHERE a = 1) x"), plan, plan.blocks().get(0)));
    }

    @Test
    void pageRangesUseTidBounds() {
        BlockPlan plan = new BlockPlan(List.of(new Block.PageRange(0, 100L), new Block.PageRange(100, null)), null);
        String first = CopyStatements.select(spec(null), plan, plan.blocks().get(0));
        assertEquals(true, first.endsWith("WHERE \"mimeo$position\" >= '(0,0)'::tid AND \"mimeo$position\" < '(100,0)'::tid"), first);
        String last = CopyStatements.select(spec(null), plan, plan.blocks().get(1));
        assertEquals(true, last.endsWith("WHERE \"mimeo$position\" >= '(100,0)'::tid"), last);
    }

    @Test
    void wholeRelationsKeepTheConditionVerbatim() {
        BlockPlan plan = new BlockPlan(List.of(new Block.Whole()), null);
        assertEquals("SELECT \"src\".\"Order-Items\".\"id\", \"src\".\"Order-Items\".\"group\" FROM \"src\".\"Order-Items\" , other WHERE x\n",
                CopyStatements.select(spec(", other WHERE x"), plan, plan.blocks().get(0)));
        assertEquals("COPY \"dst\".\"items_snap1\" (\"id\", \"group\") FROM STDIN (FORMAT binary)", CopyStatements.copyIn(spec(null), true));
        assertEquals("COPY (SELECT 1) TO STDOUT", CopyStatements.copyOut("SELECT 1", false));
    }
}
