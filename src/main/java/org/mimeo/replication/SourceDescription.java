package org.mimeo.replication;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.mimeo.config.DblinkMapping;
import org.mimeo.error.MimeoException;
import org.mimeo.internal.MimeoMessages;
import org.mimeo.source.Column;
import org.mimeo.source.SourceCatalog;
import org.mimeo.source.SourceIndex;
import org.mimeo.source.SourceRelation;
import org.mimeo.source.WriteStats;
import org.mimeo.sql.QualifiedName;

/** What Mimeo needs to know about a replication's source relation, read in one short source transaction. */
public record SourceDescription(DblinkMapping mapping, SourceRelation relation, List<Column> columns, List<SourceIndex> indexes,
                                Optional<WriteStats> stats) {

    public static SourceDescription read(SourceAccess access, DblinkMapping mapping, QualifiedName table, String[] filter,
                                         String condition, boolean withIndexes) {
        try (Connection c = access.open(mapping)) {
            SourceAccess.guardForCondition(c);
            SourceRelation relation = SourceCatalog.relation(c, table, mapping.getId());
            List<Column> columns = SourceCatalog.columns(c, relation, filter);
            SourceAccess.checkCondition(c, table, condition);
            List<SourceIndex> indexes = withIndexes && !relation.isView() ? SourceCatalog.indexes(c, relation.oid()) : List.of();
            Optional<WriteStats> stats = SourceCatalog.writeStats(c, relation.oid());
            c.rollback();
            return new SourceDescription(mapping, relation, columns, indexes, stats);
        } catch (SQLException e) {
            throw SourceAccess.sourceFailure("reading the catalog", table, e);
        }
    }

    public java.util.Set<String> columnNames() {
        return new java.util.HashSet<>(columns.stream().map(Column::name).toList());
    }

    public static MimeoException missingSchema(QualifiedName dest) {
        return MimeoException.invalid(MimeoMessages.MSG.destinationSchemaMissing(dest.schema()));
    }
}
