package org.mimeo.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Plain JDBC access (no password: trust authentication) to the embedded test databases started by
 * {@link EmbeddedDatabases}: the source as its superuser, the destination as {@link #DEST_ROLE}, the
 * non-superuser owner of database mimeo that Mimeo itself connects as (README: least privilege), so what
 * the tests create on the destination belongs to Mimeo's role as a DBA's set-up would.
 */
public final class TestDatabases {

    public static final String USER = "postgres";
    /** Mimeo's role on the destination: LOGIN, no superuser, owner of database mimeo only. */
    public static final String DEST_ROLE = "mimeo";

    private TestDatabases() {
    }

    /** The destination database (where MimeoDS and the JBeret job repository live). */
    public static Connection dest() throws SQLException {
        return DriverManager.getConnection(destUrl(), DEST_ROLE, "");
    }

    /** The destination database as its superuser, for what only a DBA does there (roles). */
    public static Connection destSuperuser() throws SQLException {
        return DriverManager.getConnection(destUrl(), USER, "");
    }

    /** The source database. */
    public static Connection source() throws SQLException {
        return DriverManager.getConnection(sourceUrl(), USER, "");
    }

    public static String destUrl() {
        return "jdbc:postgresql://localhost:" + EmbeddedDatabases.destPort() + "/" + EmbeddedDatabases.DEST_DB;
    }

    public static String sourceUrl() {
        return "jdbc:postgresql://" + sourceHost() + ":" + sourcePort() + "/" + sourceDb();
    }

    public static String sourceHost() {
        return "localhost";
    }

    public static int sourcePort() {
        return EmbeddedDatabases.sourcePort();
    }

    public static String sourceDb() {
        return EmbeddedDatabases.SOURCE_DB;
    }
}
