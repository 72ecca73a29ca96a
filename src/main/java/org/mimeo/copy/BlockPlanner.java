package org.mimeo.copy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.mimeo.source.SourceCatalog;
import org.mimeo.source.SourceRelation;
import org.mimeo.sql.Identifiers;

/**
 * Splits a full copy into blocks of about {@code rowsPerBlock} rows: by ranges of a single-column
 * integer primary key when there is one (a restart after source changes stays exact per key), else by
 * ranges of heap pages for tables, else one block for views. The plan is made of numbers read once
 * (key bounds, page count), so it stays the same for a restart however the source changed since.
 */
public final class BlockPlanner {

    /** Rows per page assumed when the planner's statistics have none. */
    private static final double DEFAULT_ROWS_PER_PAGE = 60;

    private BlockPlanner() {
    }

    public static BlockPlan plan(Connection source, SourceRelation relation, long rowsPerBlock) throws SQLException {
        if (relation.isView() || !(relation.hasPhysicalRows() || relation.kind() == 'p')) {
            return new BlockPlan.Whole();
        }
        Optional<String> key = SourceCatalog.integerPrimaryKey(source, relation.oid());
        if (key.isPresent()) {
            return keyRanges(source, relation, key.get(), rowsPerBlock);
        }
        if (relation.kind() == 'p') {
            return new BlockPlan.Whole();
        }
        return pageRanges(source, relation, rowsPerBlock);
    }

    private static BlockPlan keyRanges(Connection source, SourceRelation relation, String key, long rowsPerBlock) throws SQLException {
        String k = Identifiers.quote(key);
        try (PreparedStatement ps = source.prepareStatement("SELECT min(" + k + "), max(" + k + ") FROM " + relation.name().sql());
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            long min = rs.getLong(1);
            if (rs.wasNull()) {
                return new BlockPlan.KeyRanges(key, 0, 0, 1);
            }
            return keyRanges(key, min, rs.getLong(2), relation.tuples(), rowsPerBlock);
        }
    }

    /** About {@code estimatedRows / rowsPerBlock} ranges over [min, max], never more than there are key values. */
    static BlockPlan.KeyRanges keyRanges(String key, long min, long max, double estimatedRows, long rowsPerBlock) {
        long rows = Math.max(1, (long) Math.max(estimatedRows, 0));
        double keyValues = (double) max - (double) min + 1;
        long blocks = Math.max(1, Math.min(BlockPlan.MAX_BLOCKS, (rows + rowsPerBlock - 1) / rowsPerBlock));
        return new BlockPlan.KeyRanges(key, min, max, (int) Math.min(blocks, keyValues));
    }

    private static BlockPlan pageRanges(Connection source, SourceRelation relation, long rowsPerBlock) throws SQLException {
        try (PreparedStatement ps = source.prepareStatement(
                "SELECT pg_catalog.pg_relation_size(?::oid) / current_setting('block_size')::bigint")) {
            ps.setLong(1, relation.oid());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                double rowsPerPage = relation.pages() > 0 && relation.tuples() > 0 ? relation.tuples() / relation.pages() : DEFAULT_ROWS_PER_PAGE;
                return pageRanges(rs.getLong(1), rowsPerPage, rowsPerBlock);
            }
        }
    }

    /** Ranges of about {@code rowsPerBlock / rowsPerPage} pages, at most {@link BlockPlan#MAX_BLOCKS} of them. */
    static BlockPlan.PageRanges pageRanges(long pages, double rowsPerPage, long rowsPerBlock) {
        long pagesPerBlock = Math.max(1, (long) (rowsPerBlock / Math.max(1, rowsPerPage)));
        long fewestPages = (pages + BlockPlan.MAX_BLOCKS - 1) / BlockPlan.MAX_BLOCKS;
        return new BlockPlan.PageRanges(pages, Math.max(pagesPerBlock, fewestPages));
    }
}
