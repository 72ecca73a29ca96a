package org.mimeo.copy;

import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyOut;

/**
 * Streams {@code COPY ... TO STDOUT} on one connection into {@code COPY ... FROM STDIN} on another,
 * without decoding rows: the fastest way to move rows between two PostgreSQL servers over JDBC.
 */
public final class CopyPipe {

    private static final int BUFFER_BYTES = 256 * 1024;

    private CopyPipe() {
    }

    /** Returns the number of rows the destination accepted. */
    public static long pipe(Connection source, String copyOutSql, Connection destination, String copyInSql) throws SQLException {
        CopyOut out = source.unwrap(PGConnection.class).getCopyAPI().copyOut(copyOutSql);
        CopyIn in = null;
        try {
            in = destination.unwrap(PGConnection.class).getCopyAPI().copyIn(copyInSql);
            byte[] buffer = new byte[BUFFER_BYTES];
            int used = 0;
            byte[] chunk;
            while ((chunk = out.readFromCopy()) != null) {
                if (used + chunk.length > buffer.length) {
                    in.writeToCopy(buffer, 0, used);
                    used = 0;
                    if (chunk.length > buffer.length) {
                        in.writeToCopy(chunk, 0, chunk.length);
                        continue;
                    }
                }
                System.arraycopy(chunk, 0, buffer, used, chunk.length);
                used += chunk.length;
            }
            if (used > 0) {
                in.writeToCopy(buffer, 0, used);
            }
            return in.endCopy();
        } catch (SQLException | RuntimeException e) {
            cancelQuietly(out, in);
            throw e;
        }
    }

    private static void cancelQuietly(CopyOut out, CopyIn in) {
        try {
            if (in != null && in.isActive()) {
                in.cancelCopy();
            }
        } catch (SQLException ignored) {
            // the original failure is what matters
        }
        try {
            if (out.isActive()) {
                out.cancelCopy();
            }
        } catch (SQLException ignored) {
            // the original failure is what matters
        }
    }
}
