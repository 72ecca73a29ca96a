package org.mimeo.monitor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.mimeo.config.ConfigRepository;
import org.mimeo.config.RefreshConfig;

/** The stored type of each replication (snap, inserter_time, dml, ...), the {@code type} label of its series. */
@ApplicationScoped
public class ReplicationTypes {

    /** The label of a table that is no longer (or not yet) configured. */
    static final String UNKNOWN = "unknown";

    @Inject
    ConfigRepository config;

    private final Map<String, String> types = new ConcurrentHashMap<>();

    public String of(String destTable) {
        String known = types.get(destTable);
        if (known != null) {
            return known;
        }
        // not remembered: a table made since the last scrape, or one whose maker has not committed yet
        String found = config.findReplication(destTable).map(RefreshConfig::getType).orElse(null);
        if (found == null) {
            return UNKNOWN;
        }
        types.put(destTable, found);
        return found;
    }

    void remember(String destTable, String type) {
        types.put(destTable, type);
    }

    void forget(String destTable) {
        types.remove(destTable);
    }
}
