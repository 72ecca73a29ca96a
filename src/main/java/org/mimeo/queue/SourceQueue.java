package org.mimeo.queue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.mimeo.source.Column;
import org.mimeo.sql.Identifiers;
import org.mimeo.sql.QualifiedName;

/**
 * The change queue on a source: created with its trigger function and triggers, read by queue id,
 * trimmed only up to a position the destination has committed, and dropped trigger first.
 * <p>
 * Without a column filter the triggers are statement-level with transition tables: one INSERT ... SELECT
 * per statement, so bulk writes on the source pay little. With a filter a row-level trigger fires only on
 * {@code UPDATE OF} the replicated columns. The function is SECURITY DEFINER, owned by the replication
 * role which owns the queue, so any role allowed to write the source table can keep writing.
 */
final class SourceQueue {

    private SourceQueue() {
    }

    /** Creates queue, function and triggers in the caller's source transaction. Returns the trigger names. */
    static List<String> create(Connection c, QueueNames names, QualifiedName table, List<Column> key, List<Column> columns,
                               boolean logdel, boolean filtered) throws SQLException {
        List<Column> image = logdel ? columns : key;
        String imageColumns = Identifiers.quoteAll(image.stream().map(Column::name).toList());
        String keyColumns = Identifiers.quoteAll(key.stream().map(Column::name).toList());
        // Entries are replayed in (transaction id, entry id) order (see QueueReader). The queue has no index:
        // writers pay only for the heap insert; a refresh reads its (short-lived) queue by sequential scans.
        StringBuilder ddl = new StringBuilder("CREATE TABLE " + names.queue().sql() + " (mimeo_id bigserial NOT NULL, "
                + "mimeo_xid xid8 NOT NULL DEFAULT pg_catalog.pg_current_xact_id(), mimeo_op \"char\" NOT NULL, "
                + "mimeo_at timestamptz NOT NULL DEFAULT pg_catalog.statement_timestamp()");
        for (Column col : image) {
            ddl.append(", ").append(col.definition());
        }
        ddl.append(")");
        List<String> triggers;
        String body;
        if (filtered) {
            String newKey = prefixed("NEW", key);
            String oldKey = prefixed("OLD", key);
            body = "BEGIN\n"
                    + "  IF TG_OP IN ('INSERT', 'UPDATE') THEN\n"
                    + "    INSERT INTO " + names.queue().sql() + " (mimeo_op, " + keyColumns + ") VALUES (left(TG_OP, 1), " + newKey + ");\n"
                    + "  END IF;\n"
                    + "  IF TG_OP = 'UPDATE' AND (" + oldKey + ") IS DISTINCT FROM (" + newKey + ") THEN\n"
                    + "    INSERT INTO " + names.queue().sql() + " (mimeo_op, " + keyColumns + ") VALUES ('U', " + oldKey + ");\n"
                    + "  END IF;\n"
                    + "  IF TG_OP = 'DELETE' THEN\n"
                    + "    INSERT INTO " + names.queue().sql() + " (mimeo_op, " + imageColumns + ") VALUES ('D', " + prefixed("OLD", image) + ");\n"
                    + "  END IF;\n"
                    + "  RETURN NULL;\n"
                    + "END";
            triggers = List.of(names.rowTrigger());
        } else {
            // statement level: transaction id and time taken once per statement, one INSERT ... SELECT per event;
            // row level only for rows whose key changed (a WHEN clause filters the others before any call)
            String head = " (mimeo_xid, mimeo_at, mimeo_op, ";
            body = "DECLARE\n"
                    + "  mimeo_q_xid xid8 := pg_catalog.pg_current_xact_id();\n"
                    + "  mimeo_q_at timestamptz := pg_catalog.statement_timestamp();\n"
                    + "BEGIN\n"
                    + "  IF TG_LEVEL = 'ROW' THEN\n"
                    + "    INSERT INTO " + names.queue().sql() + head + keyColumns + ") VALUES (mimeo_q_xid, mimeo_q_at, 'U', " + prefixed("OLD", key) + ");\n"
                    + "  ELSIF TG_OP = 'INSERT' THEN\n"
                    + "    INSERT INTO " + names.queue().sql() + head + keyColumns + ") SELECT mimeo_q_xid, mimeo_q_at, 'I', " + keyColumns + " FROM mimeo_new;\n"
                    + "  ELSIF TG_OP = 'UPDATE' THEN\n"
                    + "    INSERT INTO " + names.queue().sql() + head + keyColumns + ") SELECT mimeo_q_xid, mimeo_q_at, 'U', " + keyColumns + " FROM mimeo_new;\n"
                    + "  ELSE\n"
                    + "    INSERT INTO " + names.queue().sql() + head + imageColumns + ") SELECT mimeo_q_xid, mimeo_q_at, 'D', " + imageColumns + " FROM mimeo_old;\n"
                    + "  END IF;\n"
                    + "  RETURN NULL;\n"
                    + "END";
            triggers = names.statementTriggers();
        }
        try (Statement st = c.createStatement()) {
            // CREATE SCHEMA IF NOT EXISTS needs CREATE on the database even when the schema exists (the DBA's set-up);
            // the transaction lock makes makers of several tables of one source create it once, not race on it
            st.execute("SELECT pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtext('mimeo source schema'))");
            if (!schemaExists(c, QueueNames.SCHEMA)) {
                st.execute("CREATE SCHEMA " + Identifiers.quote(QueueNames.SCHEMA));
            }
            st.execute(ddl.toString());
            st.execute("CREATE FUNCTION " + names.function().sql() + "() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER"
                    + " SET search_path = pg_catalog, pg_temp AS " + dollarQuote(body));
            st.execute("REVOKE ALL ON FUNCTION " + names.function().sql() + "() FROM PUBLIC");
            if (filtered) {
                String updateOf = Identifiers.quoteAll(columns.stream().map(Column::name).toList());
                st.execute("CREATE TRIGGER " + Identifiers.quote(names.rowTrigger()) + " AFTER INSERT OR UPDATE OF " + updateOf + " OR DELETE ON "
                        + table.sql() + " FOR EACH ROW EXECUTE FUNCTION " + names.function().sql() + "()");
            } else {
                st.execute("CREATE TRIGGER " + Identifiers.quote(triggers.get(0)) + " AFTER INSERT ON " + table.sql()
                        + " REFERENCING NEW TABLE AS mimeo_new FOR EACH STATEMENT EXECUTE FUNCTION " + names.function().sql() + "()");
                st.execute("CREATE TRIGGER " + Identifiers.quote(triggers.get(1)) + " AFTER UPDATE ON " + table.sql()
                        + " REFERENCING OLD TABLE AS mimeo_old NEW TABLE AS mimeo_new FOR EACH STATEMENT EXECUTE FUNCTION " + names.function().sql() + "()");
                st.execute("CREATE TRIGGER " + Identifiers.quote(triggers.get(2)) + " AFTER DELETE ON " + table.sql()
                        + " REFERENCING OLD TABLE AS mimeo_old FOR EACH STATEMENT EXECUTE FUNCTION " + names.function().sql() + "()");
                st.execute("CREATE TRIGGER " + Identifiers.quote(triggers.get(3)) + " AFTER UPDATE OF " + keyColumns + " ON " + table.sql()
                        + " FOR EACH ROW WHEN ((" + prefixed("OLD", key) + ") IS DISTINCT FROM (" + prefixed("NEW", key) + "))"
                        + " EXECUTE FUNCTION " + names.function().sql() + "()");
            }
        }
        return triggers;
    }

    /** Drops triggers first (only the table's owner may; a writer must never be left with a trigger whose function is gone), then function and queue. */
    static void drop(Connection c, QualifiedName table, List<String> triggers, QualifiedName function, QualifiedName queue) throws SQLException {
        try (Statement st = c.createStatement()) {
            if (tableExists(c, table)) {
                for (String trigger : triggers) {
                    st.execute("DROP TRIGGER IF EXISTS " + Identifiers.quote(trigger) + " ON " + table.sql());
                }
            }
            st.execute("DROP FUNCTION IF EXISTS " + function.sql() + "()");
            st.execute("DROP TABLE IF EXISTS " + queue.sql());
        }
    }

    private static boolean tableExists(Connection c, QualifiedName table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            ps.setString(1, table.sql());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static boolean schemaExists(Connection c, String schema) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = ?")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    static boolean exists(Connection c, QualifiedName queue) throws SQLException {
        return tableExists(c, queue);
    }

    /** Removes queue entries up to a position the destination has committed. */
    static int trim(Connection c, QualifiedName queue, QueuePosition upTo) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + queue.sql() + " WHERE (mimeo_xid, mimeo_id) <= " + upTo.sql())) {
            return ps.executeUpdate();
        }
    }

    /**
     * The xmin of the connection's current snapshot: every transaction below it has ended, so no queue
     * entry can appear below it any more.
     */
    static long snapshotXmin(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_catalog.pg_snapshot_xmin(pg_catalog.pg_current_snapshot())::text::bigint");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The last entry after {@code after} among those of transactions below {@code xmin}; null when there is none. */
    static QueuePosition lastFinished(Connection c, QualifiedName queue, QueuePosition after, long xmin) throws SQLException {
        return position(c, "SELECT mimeo_xid::text::bigint, mimeo_id FROM " + queue.sql() + " WHERE mimeo_xid < '" + xmin + "'::xid8"
                + " AND (mimeo_xid, mimeo_id) > " + after.sql() + " ORDER BY mimeo_xid DESC, mimeo_id DESC LIMIT 1");
    }

    /** The n-th entry after {@code after} (not beyond {@code upTo}), or null when fewer remain. */
    static QueuePosition nth(Connection c, QualifiedName queue, QueuePosition after, QueuePosition upTo, long n) throws SQLException {
        return position(c, "SELECT mimeo_xid::text::bigint, mimeo_id FROM " + queue.sql() + " WHERE (mimeo_xid, mimeo_id) > " + after.sql()
                + " AND (mimeo_xid, mimeo_id) <= " + upTo.sql() + " ORDER BY mimeo_xid, mimeo_id OFFSET " + (n - 1) + " LIMIT 1");
    }

    /** How many entries follow {@code after}. */
    static long pending(Connection c, QualifiedName queue, QueuePosition after) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + queue.sql() + " WHERE (mimeo_xid, mimeo_id) > " + after.sql());
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static QueuePosition position(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? new QueuePosition(rs.getLong(1), rs.getLong(2)) : null;
        }
    }

    private static String prefixed(String record, List<Column> columns) {
        return columns.stream().map(col -> record + "." + Identifiers.quote(col.name())).collect(Collectors.joining(", "));
    }

    private static String dollarQuote(String body) {
        String tag = "$mimeo$";
        if (body.contains(tag)) {
            throw new IllegalArgumentException("trigger body contains " + tag);
        }
        return tag + "\n" + body + "\n" + tag;
    }

    static List<String> names(List<Column> columns) {
        return new ArrayList<>(columns.stream().map(Column::name).toList());
    }
}
