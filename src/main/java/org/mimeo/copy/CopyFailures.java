package org.mimeo.copy;

import java.sql.Connection;
import java.sql.SQLException;
import org.mimeo.error.Failure;
import org.mimeo.error.MimeoException;
import org.mimeo.internal.MimeoMessages;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Turns a failed block into a message naming the database at fault, the table, the block and what to do. */
final class CopyFailures {

    private CopyFailures() {
    }

    static RuntimeException explain(SQLException e, CopySpec spec, CopyTask task, Connection source, Connection destination) {
        String block = "block " + task.block() + " (" + task.source() + ")";
        boolean connectionLost = e.getSQLState() != null && e.getSQLState().startsWith("08");
        if (lost(source, connectionLost)) {
            return MimeoException.unreachable(MimeoMessages.MSG.sourceLostDuringBlock(spec.source().getId(), spec.source().getDataSource(), block,
                    spec.sourceTable(), spec.target(), e.getMessage()), e);
        }
        if (lost(destination, connectionLost)) {
            return new MimeoException(Failure.INTERNAL, MimeoMessages.MSG.destinationLostDuringBlock(block, spec.target(), e.getMessage()), e);
        }
        String state = e.getSQLState();
        if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
            return new MimeoException(Failure.SOURCE_ERROR, MimeoMessages.MSG.rowRejected(spec.target(), block, spec.sourceTable(), where(e),
                    e.getMessage()), e);
        }
        return null;
    }

    /** PostgreSQL's context of a COPY error, e.g. {@code COPY t, line 3, column v: "abc"}: the line within the block. */
    private static String where(SQLException e) {
        if (e instanceof PSQLException p) {
            ServerErrorMessage server = p.getServerErrorMessage();
            if (server != null && server.getWhere() != null) {
                return " (at " + server.getWhere() + " of the block)";
            }
        }
        return "";
    }

    /** After a connection failure the side that no longer answers is the one at fault. */
    private static boolean lost(Connection c, boolean connectionLost) {
        try {
            return c.isClosed() || connectionLost && !c.isValid(5);
        } catch (SQLException e) {
            return true;
        }
    }
}
