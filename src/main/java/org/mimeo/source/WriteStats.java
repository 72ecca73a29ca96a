package org.mimeo.source;

/** A source table's cumulative write counters from pg_stat_all_tables. */
public record WriteStats(long inserted, long updated, long deleted) {

    public long total() {
        return inserted + updated + deleted;
    }
}
