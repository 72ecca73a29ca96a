package org.mimeo.source;

import org.mimeo.sql.QualifiedName;

/** A table or view on a source database, with the planner's size estimates. */
public record SourceRelation(QualifiedName name, long oid, char kind, long pages, double tuples) {

    /** Plain and partitioned tables, materialized views: relations with physical rows (ctid). */
    public boolean hasPhysicalRows() {
        return kind == 'r' || kind == 'm';
    }

    public boolean isView() {
        return kind == 'v';
    }
}
