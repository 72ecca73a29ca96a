package org.mimeo.source;

import java.util.Properties;
import org.postgresql.Driver;

/**
 * Where a source's connection goes and as whom: hosts, ports, database and user. A stored password may
 * be kept across an edit only when this stays the same, so it is never sent to another server or role.
 */
public record SourceTarget(String hosts, String ports, String database, String username) {

    public static SourceTarget of(String dataSource, String username) {
        Properties parsed = Driver.parseURL(ConnInfo.parse(dataSource).jdbcUrl(), null);
        if (parsed == null) {
            throw new IllegalArgumentException("dataSource is not a valid PostgreSQL connection string");
        }
        return new SourceTarget(parsed.getProperty("PGHOST"), parsed.getProperty("PGPORT"), parsed.getProperty("PGDBNAME"), username);
    }
}
