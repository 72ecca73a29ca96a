package org.mimeo.queue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.mimeo.error.MimeoException;
import org.mimeo.internal.MimeoMessages;
import org.mimeo.sql.Identifiers;
import org.mimeo.sql.QualifiedName;

/**
 * What a dml/logdel maker needs on the source, checked before it creates anything: SELECT and TRIGGER on
 * the table, and a schema {@code mimeo} the role may create in (the original's setup: owned by the role,
 * created by the DBA), or CREATE on the database so the maker can create that schema. Each refusal names
 * the statement that grants what is missing.
 */
final class SourceQueuePrivileges {

    private SourceQueuePrivileges() {
    }

    /** What the connection's role may do; {@code schemaExists} false leaves the schema fields meaningless. */
    record Privileges(String role, String database, boolean select, boolean trigger, boolean schemaExists, String schemaOwner,
                      boolean schemaUsage, boolean schemaCreate, boolean databaseCreate) {
    }

    static Privileges read(Connection c, QualifiedName table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT current_user, current_database(),
                       pg_catalog.has_table_privilege(t.oid, 'SELECT'), pg_catalog.has_table_privilege(t.oid, 'TRIGGER'),
                       n.oid IS NOT NULL, pg_catalog.pg_get_userbyid(n.nspowner),
                       coalesce(pg_catalog.has_schema_privilege(n.oid, 'USAGE'), false),
                       coalesce(pg_catalog.has_schema_privilege(n.oid, 'CREATE'), false),
                       pg_catalog.has_database_privilege(current_database(), 'CREATE')
                  FROM (SELECT pg_catalog.to_regclass(?)::oid AS oid) t
                  LEFT JOIN pg_catalog.pg_namespace n ON n.nspname = ?""")) {
            ps.setString(1, table.sql());
            ps.setString(2, QueueNames.SCHEMA);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Privileges(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4), rs.getBoolean(5), rs.getString(6),
                        rs.getBoolean(7), rs.getBoolean(8), rs.getBoolean(9));
            }
        }
    }

    /** 422 naming the GRANT or DDL to run when the role lacks anything the maker needs. */
    static void require(Connection c, QualifiedName table) throws SQLException {
        Privileges p = read(c, table);
        String role = Identifiers.quote(p.role());
        String schema = Identifiers.quote(QueueNames.SCHEMA);
        if (!p.select()) {
            throw MimeoException.sourceError(MimeoMessages.MSG.queueNeedsSelect(role, table, table.sql()));
        }
        if (!p.trigger()) {
            throw MimeoException.sourceError(MimeoMessages.MSG.queueNeedsTrigger(role, table, table.sql()));
        }
        if (!p.schemaExists()) {
            if (!p.databaseCreate()) {
                throw MimeoException.sourceError(MimeoMessages.MSG.queueNeedsSchema(role, table, schema, Identifiers.quote(p.database())));
            }
            return;
        }
        if (!p.schemaUsage() || !p.schemaCreate()) {
            throw MimeoException.sourceError(MimeoMessages.MSG.queueNeedsSchemaCreate(role, table, schema, Identifiers.quote(p.schemaOwner())));
        }
    }
}
