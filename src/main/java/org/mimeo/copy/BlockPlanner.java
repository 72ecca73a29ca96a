package org.mimeo.copy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mimeo.source.SourceCatalog;
import org.mimeo.source.SourceRelation;
import org.mimeo.sql.Identifiers;

/**
 * Splits a full copy into blocks of about {@code rowsPerBlock} rows: by ranges of a single-column
 * integer primary key when there is one (a restart after source changes stays exact per key), else by
 * ranges of heap pages for tables, else one block for views.
 */
public final class BlockPlanner {

    private BlockPlanner() {
    }

    public static BlockPlan plan(Connection source, SourceRelation relation, long rowsPerBlock) throws SQLException {
        if (relation.isView() || !(relation.hasPhysicalRows() || relation.kind() == 'p')) {
            return new BlockPlan(List.of(new Block.Whole()), null);
        }
        Optional<String> key = SourceCatalog.integerPrimaryKey(source, relation.oid());
        if (key.isPresent()) {
            return keyRanges(source, relation, key.get(), rowsPerBlock);
        }
        if (relation.kind() == 'p') {
            return new BlockPlan(List.of(new Block.Whole()), null);
        }
        return pageRanges(source, relation, rowsPerBlock);
    }

    private static BlockPlan keyRanges(Connection source, SourceRelation relation, String key, long rowsPerBlock) throws SQLException {
        String k = Identifiers.quote(key);
        long min;
        long max;
        try (PreparedStatement ps = source.prepareStatement("SELECT min(" + k + "), max(" + k + ") FROM " + relation.name().sql());
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            min = rs.getLong(1);
            if (rs.wasNull()) {
                return new BlockPlan(List.of(new Block.KeyRange(null, null)), key);
            }
            max = rs.getLong(2);
        }
        long estimatedRows = Math.max(1, (long) Math.max(relation.tuples(), 0));
        int blocks = (int) Math.max(1, Math.min(100_000, (estimatedRows + rowsPerBlock - 1) / rowsPerBlock));
        // width computed in floating point to avoid overflow on keys spanning the whole bigint range
        double width = ((double) max - (double) min + 1) / blocks;
        List<Block> plan = new ArrayList<>(blocks);
        Long lower = null;
        for (int i = 1; i < blocks; i++) {
            long upper = (long) Math.floor(min + width * i);
            if (lower != null && upper <= lower) {
                continue;
            }
            plan.add(new Block.KeyRange(lower, upper));
            lower = upper;
        }
        plan.add(new Block.KeyRange(lower, null));
        return new BlockPlan(plan, key);
    }

    private static BlockPlan pageRanges(Connection source, SourceRelation relation, long rowsPerBlock) throws SQLException {
        long pages;
        try (PreparedStatement ps = source.prepareStatement(
                "SELECT pg_catalog.pg_relation_size(?::oid) / current_setting('block_size')::bigint")) {
            ps.setLong(1, relation.oid());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                pages = rs.getLong(1);
            }
        }
        double rowsPerPage = relation.pages() > 0 && relation.tuples() > 0 ? relation.tuples() / relation.pages() : 60;
        long pagesPerBlock = Math.max(1, (long) (rowsPerBlock / Math.max(1, rowsPerPage)));
        List<Block> plan = new ArrayList<>();
        long from = 0;
        while (from + pagesPerBlock < pages) {
            plan.add(new Block.PageRange(from, from + pagesPerBlock));
            from += pagesPerBlock;
        }
        plan.add(new Block.PageRange(from, null));
        return new BlockPlan(plan, null);
    }
}
