package org.mimeo.incremental;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.mimeo.config.IncrementalConfig;
import org.mimeo.config.RefreshConfigUpdaterSerial;
import org.mimeo.config.RefreshConfigUpdaterTime;
import org.mimeo.error.MimeoException;
import org.mimeo.replication.MakeRequest;
import org.mimeo.replication.SourceAccess;
import org.mimeo.replication.SourceDescription;
import org.mimeo.source.Column;
import org.mimeo.source.SourceCatalog;

/**
 * Updater replication (updater_maker, refresh_updater): rows with new control values replace the
 * destination's rows of the same key. The key is the source's primary key, else its oldest unique
 * index over NOT NULL columns, unless pkName/pkType name one (as a view needs).
 */
@ApplicationScoped
public class UpdaterMode extends IncrementalMode {

    @Override
    public String type() {
        return "updater";
    }

    @Override
    IncrementalConfig newConfig(boolean timeBased) {
        return timeBased ? new RefreshConfigUpdaterTime() : new RefreshConfigUpdaterSerial();
    }

    @Override
    List<Column> key(MakeRequest request, SourceDescription source) {
        if (request.pkName() != null || request.pkType() != null) {
            if (request.pkName() == null || request.pkType() == null || request.pkName().size() != request.pkType().size() || request.pkName().isEmpty()) {
                throw MimeoException.invalid("Fields 'pkName' and 'pkType' go together, with one type per key column");
            }
            return requireColumns(request.pkName(), request.pkType(), source, request.destTable());
        }
        try (Connection c = sources.open(source.mapping())) {
            List<Column> key = SourceCatalog.replicationKey(c, source.relation().oid()).orElseThrow(() -> MimeoException.sourceError(
                    "Source table " + source.relation().name() + " has no valid primary key or unique index over NOT NULL columns;"
                            + " name the key with pkName and pkType"));
            return requireColumns(key.stream().map(Column::name).toList(), key.stream().map(Column::type).toList(), source, request.destTable());
        } catch (SQLException e) {
            throw SourceAccess.sourceFailure("finding the replication key", source.relation().name(), e);
        }
    }
}
