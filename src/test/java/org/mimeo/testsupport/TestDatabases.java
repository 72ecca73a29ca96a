package org.mimeo.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Plain JDBC access (user postgres, no password) to the embedded test databases started by {@link EmbeddedDatabases}. */
public final class TestDatabases {

    public static final String USER = "postgres";

    private TestDatabases() {
    }

    /** The destination database (where MimeoDS and the JBeret job repository live). */
    public static Connection dest() throws SQLException {
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
