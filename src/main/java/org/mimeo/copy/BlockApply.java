package org.mimeo.copy;

import java.sql.Connection;
import java.sql.SQLException;

/** A way of writing a block other than copying its rows (a trigger queue's replay). */
@FunctionalInterface
public interface BlockApply {

    long apply(Connection source, CopyTask task, CopySpec spec, Connection destination) throws SQLException;
}
