package org.mimeo.incremental;

import java.io.Serializable;
import java.sql.SQLException;
import java.util.List;
import org.mimeo.error.MimeoException;
import org.mimeo.internal.MimeoMessages;
import org.mimeo.sql.Identifiers;

/**
 * The control values one incremental run copies: above {@code lower} (exclusive) up to and including
 * {@code upper}, a value that exists on the source. Null upper: nothing to copy.
 */
record Window(String lower, String upper) implements Serializable {

    /**
     * Time mode copies {@code lower < control < now - boundary} (now as the source sees it); serial mode
     * {@code lower < control <= max - boundary}. A repull window adds {@code control < end}. With a
     * limit, the window ends before rows that share the control value the limit would cut through.
     */
    static Window compute(IncrementalSource source, String lower, String boundary, String repullEnd, Integer limit,
                          String destTable) throws SQLException {
        ControlType type = source.type();
        String upperBound;
        if (type.isTime()) {
            String now = type == ControlType.TIMESTAMPTZ ? "now()" : "localtimestamp";
            upperBound = IncrementalSource.POSITION + " < " + now + " - CAST(" + Identifiers.literal(boundary) + " AS interval)";
        } else {
            String max = source.max("true");
            if (max == null) {
                return new Window(lower, null);
            }
            upperBound = IncrementalSource.POSITION + " <= " + (Long.parseLong(max) - Long.parseLong(boundary));
        }
        String predicate = source.above(lower) + " AND " + upperBound;
        if (repullEnd != null) {
            predicate += " AND " + IncrementalSource.POSITION + " < " + type.sourceLiteral(repullEnd);
        }
        if (limit == null) {
            return new Window(lower, source.max(predicate));
        }
        List<String> values = source.first(predicate, limit + 1L);
        if (values.size() <= limit) {
            return new Window(lower, values.isEmpty() ? null : values.get(values.size() - 1));
        }
        String cut = values.get(limit - 1);
        if (!cut.equals(values.get(limit))) {
            return new Window(lower, cut);
        }
        for (int i = limit - 2; i >= 0; i--) {
            if (!values.get(i).equals(cut)) {
                return new Window(lower, values.get(i));
            }
        }
        throw MimeoException.invalid(MimeoMessages.MSG.batchLimitTooSmall(limit, destTable, cut));
    }
}
