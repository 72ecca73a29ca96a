package org.mimeo.copy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.mimeo.config.DblinkMapping;
import org.mimeo.source.Column;
import org.mimeo.sql.QualifiedName;

/**
 * What a copy step moves: the source relation's columns (after the filter), rows matching the
 * replication's condition, into the target table. {@code binary} is false only when an existing
 * target's column types differ from the source's, so rows must travel as text and be cast on input.
 * With {@code keyColumns}, blocks replace the target's rows of the same keys (stage, delete, insert)
 * instead of being appended. {@code progress}, when set, runs in each chunk's transaction after its blocks.
 * {@code apply}, when set, writes the blocks in its own way (a queue replay) instead of copying them.
 */
public record CopySpec(DblinkMapping source, QualifiedName sourceTable, List<Column> columns, String condition,
                       QualifiedName target, boolean binary, List<String> keyColumns, BlockProgress progress, BlockApply apply) {

    public CopySpec(DblinkMapping source, QualifiedName sourceTable, List<Column> columns, String condition, QualifiedName target, boolean binary) {
        this(source, sourceTable, columns, condition, target, binary, null, null, null);
    }

    public CopySpec(DblinkMapping source, QualifiedName sourceTable, List<Column> columns, String condition, QualifiedName target, boolean binary,
                    List<String> keyColumns, BlockProgress progress) {
        this(source, sourceTable, columns, condition, target, binary, keyColumns, progress, null);
    }

    /** Writes one block into the destination; returns the rows written. */
    public long write(Connection sourceConnection, CopyTask task, Connection destination) throws SQLException {
        if (apply != null) {
            return apply.apply(sourceConnection, task, this, destination);
        }
        return keyColumns == null
                ? CopyPipe.pipe(sourceConnection, task.copyOutSql(), destination, task.copyInSql())
                : KeyedApply.apply(sourceConnection, task, this, destination);
    }

    /** The same copy appending rows instead of replacing them by key. */
    public CopySpec appending() {
        return new CopySpec(source, sourceTable, columns, condition, target, binary, null, progress, apply);
    }
}
