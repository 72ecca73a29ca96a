package org.mimeo.copy;

import java.sql.Connection;
import java.sql.SQLException;
import org.mimeo.config.DblinkMapping;

/** Where the copy readers get their source connections (the server's source pools; a test's own database). */
public interface CopySources {

    /** A connection in auto-commit mode; closing it gives it back. */
    Connection open(DblinkMapping source) throws SQLException;

    /**
     * A connection in one read-only REPEATABLE READ transaction: every query on it sees the same snapshot.
     * Closing it ends the transaction.
     */
    Connection openSnapshot(DblinkMapping source) throws SQLException;
}
