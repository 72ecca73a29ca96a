package org.mimeo.copy;

import java.sql.Connection;
import java.sql.SQLException;

/** Bookkeeping that must commit together with a block's rows (an incremental replication's last_value). */
@FunctionalInterface
public interface BlockProgress {

    void written(Connection destination, Block block) throws SQLException;
}
