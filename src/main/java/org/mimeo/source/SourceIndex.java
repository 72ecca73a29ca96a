package org.mimeo.source;

import java.util.List;
import org.mimeo.sql.QualifiedName;

/**
 * An index of a source table, in catalog parts from which an equivalent index is built: the access
 * method's name, the key columns or expressions with their collation, operator class and ordering, the
 * INCLUDE columns, the predicate and the storage parameters. Expressions and the predicate are
 * PostgreSQL's own deparsing ({@code pg_get_indexdef} of one column, {@code pg_get_expr}), read with an
 * empty search_path so every name in them is schema-qualified; no part is cut out of a definition text.
 */
public record SourceIndex(String name, boolean primary, boolean unique, String accessMethod, List<Key> keys, List<String> included,
                          String predicate, List<String> storageParameters, boolean nullsNotDistinct) {

    /**
     * One key of the index: a column (by name) or an expression (catalog-deparsed SQL), its collation when
     * it differs from the column's (null otherwise), its operator class, and for access methods that
     * order, whether it sorts descending and puts nulls first.
     */
    public record Key(String column, String expression, QualifiedName collation, QualifiedName operatorClass, boolean orderable,
                      boolean descending, boolean nullsFirst) {
    }

    /** The plain key columns and INCLUDE columns (expressions left out): what a column filter must keep. */
    public List<String> columns() {
        return java.util.stream.Stream.concat(keys.stream().map(Key::column).filter(java.util.Objects::nonNull), included.stream()).toList();
    }

    public boolean hasExpressions() {
        return keys.stream().anyMatch(k -> k.column() == null);
    }
}
