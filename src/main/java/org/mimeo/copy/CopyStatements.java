package org.mimeo.copy;

import java.util.stream.Collectors;
import org.mimeo.source.Column;
import org.mimeo.sql.ConditionText;
import org.mimeo.sql.Identifiers;

/** Renders the COPY statements for one block of a copy. */
public final class CopyStatements {

    private static final String POSITION = Identifiers.quote("mimeo$position");

    private CopyStatements() {
    }

    /**
     * The source query of a block. The replication's condition is kept verbatim after {@code FROM source}
     * in an inner query, and the block predicate is applied outside it, so a condition with OR or a
     * join ({@code , other WHERE ...}) cannot change its meaning. PostgreSQL flattens the inner query,
     * so key and TID range predicates still reach the scan. {@code positionColumn} is the column key and
     * value ranges range over (null for page ranges and whole relations).
     */
    public static String select(CopySpec spec, String positionColumn, Block block) {
        String src = spec.sourceTable().sql();
        String keyColumn = positionColumn == null ? null : Identifiers.quote(positionColumn);
        String position = block.positionOf(src, keyColumn);
        String qualifiedColumns = spec.columns().stream()
                .map(c -> src + "." + Identifiers.quote(c.name()))
                .collect(Collectors.joining(", "));
        String columnList = spec.columns().stream().map(c -> Identifiers.quote(c.name())).collect(Collectors.joining(", "));
        String condition = ConditionText.sql(spec.condition());
        String predicate = position == null ? null : block.predicate(POSITION);
        if (predicate == null) {
            return "SELECT " + qualifiedColumns + " FROM " + src + condition;
        }
        return "SELECT " + columnList + " FROM (SELECT " + qualifiedColumns + ", " + position + " AS " + POSITION
                + " FROM " + src + condition + ") AS " + Identifiers.quote("mimeo$rows") + " WHERE " + predicate;
    }

    public static String copyOut(String select, boolean binary) {
        return "COPY (" + select + ") TO STDOUT" + (binary ? " (FORMAT binary)" : "");
    }

    public static String copyIn(CopySpec spec, boolean binary) {
        return "COPY " + spec.target().sql() + " (" + Identifiers.quoteAll(spec.columns().stream().map(Column::name).toList())
                + ") FROM STDIN" + (binary ? " (FORMAT binary)" : "");
    }
}
