package org.mimeo.ddl;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.mimeo.sql.Identifiers;
import org.mimeo.sql.QualifiedName;

/** The owner and privileges of a relation, saved before it is dropped and replayed on its replacement. */
public record Grants(String owner, List<Privilege> privileges) {

    /** {@code grantee} null means PUBLIC. */
    public record Privilege(String grantee, String privilege, boolean grantable) {
    }

    public static Grants of(Connection c, QualifiedName relation) throws SQLException {
        String owner;
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_catalog.pg_get_userbyid(relowner) FROM pg_catalog.pg_class WHERE oid = to_regclass(?)")) {
            ps.setString(1, relation.sql());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return new Grants(null, List.of());
                }
                owner = rs.getString(1);
            }
        }
        List<Privilege> privileges = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT CASE WHEN a.grantee = 0 THEN NULL ELSE pg_catalog.pg_get_userbyid(a.grantee) END, a.privilege_type, a.is_grantable
                  FROM pg_catalog.pg_class c, LATERAL aclexplode(c.relacl) a
                 WHERE c.oid = to_regclass(?) AND a.grantee <> c.relowner""")) {
            ps.setString(1, relation.sql());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    privileges.add(new Privilege(rs.getString(1), rs.getString(2), rs.getBoolean(3)));
                }
            }
        }
        return new Grants(owner, privileges);
    }

    public void applyTo(Connection c, QualifiedName relation, String kind) throws SQLException {
        try (Statement st = c.createStatement()) {
            if (owner != null) {
                st.execute("ALTER " + kind + " " + relation.sql() + " OWNER TO " + Identifiers.quote(owner));
            }
            for (Privilege p : privileges) {
                st.execute("GRANT " + p.privilege() + " ON " + relation.sql() + " TO "
                        + (p.grantee() == null ? "PUBLIC" : Identifiers.quote(p.grantee()))
                        + (p.grantable() ? " WITH GRANT OPTION" : ""));
            }
        }
    }
}
