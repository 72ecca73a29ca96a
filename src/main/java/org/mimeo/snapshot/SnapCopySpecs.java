package org.mimeo.snapshot;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.mimeo.config.ConfigRepository;
import org.mimeo.config.RefreshConfigSnap;
import org.mimeo.copy.CopySpec;
import org.mimeo.copy.CopySpecProvider;
import org.mimeo.ddl.DestinationCatalog;

/** A snap refresh copies the source into the snap table the view does not show. */
@ApplicationScoped
public class SnapCopySpecs implements CopySpecProvider {

    @Resource(lookup = "java:jboss/datasources/MimeoDS")
    DataSource destination;

    @Inject
    ConfigRepository config;

    @Override
    public String mode() {
        return "snap";
    }

    @Override
    public CopySpec spec(String destTable) {
        RefreshConfigSnap snap = config.replication(destTable, RefreshConfigSnap.class);
        SnapTables tables = SnapTables.of(snap.destination());
        try (Connection d = destination.getConnection()) {
            var target = tables.loadTarget(DestinationCatalog.viewSource(d, tables.view(), tables.tables()).orElse(null));
            return new CopySpec(config.source(snap.getSourceId()), snap.source(), DestinationCatalog.columns(d, target),
                    snap.getCondition(), target, true);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not inspect the snap tables of " + destTable, e);
        }
    }
}
