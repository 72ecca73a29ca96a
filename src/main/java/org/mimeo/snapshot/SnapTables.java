package org.mimeo.snapshot;

import java.util.List;
import org.mimeo.sql.QualifiedName;

/** The objects of one snap replication: the view readers use and the two tables it alternates between. */
public record SnapTables(QualifiedName view, QualifiedName snap1, QualifiedName snap2) {

    public static SnapTables of(QualifiedName destination) {
        return new SnapTables(destination, destination.withSuffix("_snap1"), destination.withSuffix("_snap2"));
    }

    public List<QualifiedName> tables() {
        return List.of(snap1, snap2);
    }

    /** The table the next refresh loads: the one the view does not show (snap1 when there is no view yet). */
    public QualifiedName loadTarget(QualifiedName active) {
        return active != null && active.sameAs(snap1) ? snap2 : snap1;
    }

    public QualifiedName other(QualifiedName table) {
        return table.sameAs(snap1) ? snap2 : snap1;
    }
}
