package org.mimeo.copy;

import java.util.List;
import org.mimeo.config.DblinkMapping;
import org.mimeo.source.Column;
import org.mimeo.sql.QualifiedName;

/**
 * What a copy step moves: the source relation's columns (after the filter), rows matching the
 * replication's condition, into the target table. {@code binary} is false only when an existing
 * target's column types differ from the source's, so rows must travel as text and be cast on input.
 */
public record CopySpec(DblinkMapping source, QualifiedName sourceTable, List<Column> columns, String condition,
                       QualifiedName target, boolean binary) {
}
