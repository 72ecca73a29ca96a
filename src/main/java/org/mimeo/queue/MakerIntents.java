package org.mimeo.queue;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.mimeo.internal.MimeoLogger;
import org.mimeo.job.JobLauncher;
import org.mimeo.job.RefreshLocks;
import org.mimeo.replication.SourceAccess;
import org.mimeo.sql.QualifiedName;

/**
 * The crash window of a dml/logdel maker: its source objects commit in the source's transaction, its
 * configuration later in the destination's. An intent row (mimeo.maker_intent) naming the source objects
 * commits before the source is touched and goes in the transaction that stores the configuration; a row
 * left over at start-up means a server died in between, and exactly the named objects are dropped.
 * Nothing of the maker survives on the destination: its DDL and configuration row share one transaction.
 */
@ApplicationScoped
public class MakerIntents {

    /** One leftover intent. */
    record Intent(String destTable, int sourceId, QualifiedName sourceTable, List<String> triggers, QualifiedName function, QualifiedName queue) {
    }

    @Resource(lookup = "java:jboss/datasources/MimeoDS")
    DataSource destination;

    @Inject
    SourceAccess sources;

    @Inject
    RefreshLocks locks;

    /** Commits the intent on its own, before the maker creates anything on the source. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(String destTable, int sourceId, String sourceTable, String queue, String function, List<String> triggers) {
        try (Connection d = destination.getConnection();
             PreparedStatement ps = d.prepareStatement("""
                     INSERT INTO mimeo.maker_intent (dest_table, source_id, source_table, queue_table, queue_function, queue_triggers, server_id)
                     VALUES (?, ?, ?, ?, ?, ?, ?)
                     ON CONFLICT (dest_table) DO UPDATE SET source_id = excluded.source_id, source_table = excluded.source_table,
                         queue_table = excluded.queue_table, queue_function = excluded.queue_function,
                         queue_triggers = excluded.queue_triggers, server_id = excluded.server_id, created_at = now()""")) {
            ps.setString(1, destTable);
            ps.setInt(2, sourceId);
            ps.setString(3, sourceTable);
            ps.setString(4, queue);
            ps.setString(5, function);
            ps.setArray(6, d.createArrayOf("text", triggers.toArray()));
            ps.setString(7, JobLauncher.serverId());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record the maker's intent for " + destTable + " in the destination database", e);
        }
    }

    /** Deletes the intent in the caller's transaction on {@code d}: the one that stores the configuration. */
    static void forget(Connection d, String destTable) throws SQLException {
        try (PreparedStatement ps = d.prepareStatement("DELETE FROM mimeo.maker_intent WHERE dest_table = ?")) {
            ps.setString(1, destTable);
            ps.executeUpdate();
        }
    }

    /** Deletes the intent on its own: after a maker removed its source objects again. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void forgetNow(String destTable) {
        try (Connection d = destination.getConnection()) {
            forget(d, destTable);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not delete the maker's intent for " + destTable, e);
        }
    }

    /**
     * At start-up: drops on the source what each leftover intent names, unless its maker is still running
     * on a live server (which holds the destination's advisory lock) or it was made after all.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public void cleanUp() {
        for (Intent intent : leftovers()) {
            String token = UUID.randomUUID().toString();
            if (!locks.tryLock(intent.destTable(), token)) {
                continue;
            }
            try {
                if (!configured(intent.destTable())) {
                    try (Connection s = sources.open(sources.mapping(intent.sourceId()))) {
                        s.setAutoCommit(false);
                        SourceQueue.drop(s, intent.sourceTable(), intent.triggers(), intent.function(), intent.queue());
                        s.commit();
                    }
                    MimeoLogger.LOG.makerIntentCleaned(intent.destTable(), intent.sourceTable().text(), String.join(", ", intent.triggers()),
                            intent.function().text(), intent.queue().text());
                }
                forgetNow(intent.destTable());
            } catch (SQLException | RuntimeException e) {
                MimeoLogger.LOG.makerIntentNotCleaned(intent.destTable(), intent.sourceTable().text(), e.getMessage());
            } finally {
                locks.release(intent.destTable(), token);
            }
        }
    }

    private List<Intent> leftovers() {
        List<Intent> intents = new ArrayList<>();
        try (Connection d = destination.getConnection();
             PreparedStatement ps = d.prepareStatement("SELECT dest_table, source_id, source_table, queue_triggers, queue_function, queue_table"
                     + " FROM mimeo.maker_intent ORDER BY created_at");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                intents.add(new Intent(rs.getString(1), rs.getInt(2), QualifiedName.parse(rs.getString(3)),
                        List.of((String[]) rs.getArray(4).getArray()), QualifiedName.parse(rs.getString(5)), QualifiedName.parse(rs.getString(6))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read mimeo.maker_intent", e);
        }
        return intents;
    }

    private boolean configured(String destTable) throws SQLException {
        try (Connection d = destination.getConnection();
             PreparedStatement ps = d.prepareStatement("SELECT 1 FROM mimeo.refresh_config WHERE dest_table = ?")) {
            ps.setString(1, destTable);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
