package org.mimeo.copy;

import java.io.Serializable;

/**
 * One item of a copy step: a slice of the source rows, streamed with one COPY. Blocks of a plan
 * partition the source (open-ended at the far ends, so rows that appear after planning are not lost).
 */
public sealed interface Block extends Serializable permits Block.KeyRange, Block.PageRange, Block.ValueRange, Block.QueueRange, Block.Whole {

    /** SQL predicate on the position expression selecting this block's rows, or null for all rows. */
    String predicate(String position);

    /** Expression selecting a row's position in the source relation ({@code src} is its quoted name). */
    String positionOf(String src, String keyColumnSql);

    /** Rows whose integer key is in [from, to); a null bound is open. */
    record KeyRange(Long from, Long to) implements Block {
        @Override
        public String predicate(String position) {
            if (from == null && to == null) {
                return null;
            }
            if (from == null) {
                return position + " < " + to;
            }
            if (to == null) {
                return position + " >= " + from;
            }
            return position + " >= " + from + " AND " + position + " < " + to;
        }

        @Override
        public String positionOf(String src, String keyColumnSql) {
            return src + "." + keyColumnSql;
        }
    }

    /** Rows stored in heap pages [from, to); a null upper bound is open. Scanned as a TID range (PostgreSQL 14+). */
    record PageRange(long from, Long to) implements Block {
        @Override
        public String predicate(String position) {
            String lower = position + " >= '(" + from + ",0)'::tid";
            return to == null ? lower : lower + " AND " + position + " < '(" + to + ",0)'::tid";
        }

        @Override
        public String positionOf(String src, String keyColumnSql) {
            return src + ".ctid";
        }
    }

    /**
     * Rows whose control value is in (lower, upper]: an incremental copy. Literals are SQL already
     * typed for the column; {@code upperText} is the upper value's canonical text (the new last_value).
     * A null lower bound is open.
     */
    record ValueRange(String lowerLiteral, String upperLiteral, String upperText) implements Block {
        @Override
        public String predicate(String position) {
            String upper = position + " <= " + upperLiteral;
            return lowerLiteral == null ? upper : position + " > " + lowerLiteral + " AND " + upper;
        }

        @Override
        public String positionOf(String src, String keyColumnSql) {
            return src + "." + keyColumnSql;
        }
    }

    /**
     * Entries of a source trigger queue after position (fromXid, fromId) up to and including (toXid, toId),
     * positions ordered by (transaction id, entry id); replayed by a {@link BlockApply}, not copied.
     */
    record QueueRange(long fromXid, long fromId, long toXid, long toId) implements Block {
        @Override
        public String predicate(String position) {
            return null;
        }

        @Override
        public String positionOf(String src, String keyColumnSql) {
            return null;
        }
    }

    /** All rows: views and relations without a usable position. */
    record Whole() implements Block {
        @Override
        public String predicate(String position) {
            return null;
        }

        @Override
        public String positionOf(String src, String keyColumnSql) {
            return null;
        }
    }
}
