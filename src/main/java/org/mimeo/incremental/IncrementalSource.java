package org.mimeo.incremental;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.mimeo.sql.ConditionText;
import org.mimeo.sql.Identifiers;
import org.mimeo.sql.QualifiedName;

/**
 * Queries on a source's control column. The replication's condition stays verbatim after
 * {@code FROM source} inside a subquery; control predicates apply outside it.
 */
final class IncrementalSource {

    static final String POSITION = Identifiers.quote("mimeo$position");
    /** The rendered value's own name: a rendering named like the position would make ORDER BY sort the text. */
    private static final String VALUE = Identifiers.quote("mimeo$value");

    private final Connection connection;
    private final String rows;
    private final ControlType type;

    IncrementalSource(Connection connection, QualifiedName table, String control, String condition, ControlType type) {
        this.connection = connection;
        String src = table.sql();
        this.rows = "(SELECT " + src + "." + Identifiers.quote(control) + " AS " + POSITION + " FROM " + src
                + ConditionText.sql(condition) + ") AS " + Identifiers.quote("mimeo$rows");
        this.type = type;
    }

    ControlType type() {
        return type;
    }

    /** SQL predicate: above the lower bound (exclusive; null: no bound). */
    String above(String lowerText) {
        return lowerText == null ? "true" : POSITION + " > " + type.sourceLiteral(lowerText);
    }

    /** SQL predicate: at or below an inclusive upper value. */
    String atMost(String upperText) {
        return POSITION + " <= " + type.sourceLiteral(upperText);
    }

    String single(String sql) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** Canonical text of the highest control value matching {@code predicate}, or null when no row does. */
    String max(String predicate) throws SQLException {
        return single("SELECT " + type.render("max(" + POSITION + ")") + " FROM " + rows + " WHERE " + predicate);
    }

    /** The {@code n}-th control value (1-based, ascending) matching {@code predicate}, or null when fewer rows match. */
    String nth(String predicate, long n) throws SQLException {
        return single("SELECT " + type.render(POSITION) + " AS " + VALUE + " FROM " + rows + " WHERE " + predicate + " ORDER BY " + POSITION
                + " OFFSET " + (n - 1) + " LIMIT 1");
    }

    /** The first {@code n} control values matching {@code predicate}, ascending. */
    List<String> first(String predicate, long n) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + type.render(POSITION) + " AS " + VALUE + " FROM " + rows + " WHERE " + predicate
                + " ORDER BY " + POSITION + " LIMIT " + n); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    /** Canonical text of a request's value (bound as a parameter, cast by the source to the control's type). */
    String canonical(String value) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + type.render("CAST(? AS " + type.sqlType() + ")"))) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
