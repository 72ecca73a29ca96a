package org.mimeo.replication;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.mimeo.error.MimeoException;
import org.mimeo.source.Column;
import org.mimeo.source.SourceCatalog;

/**
 * The replication key of updater, dml and logdel replications: pkName/pkType when given (a view needs
 * them), else the source's primary key, else its oldest unique index over NOT NULL columns. Every key
 * column must be among the replicated columns.
 */
public final class ReplicationKeys {

    private ReplicationKeys() {
    }

    public static List<Column> resolve(SourceAccess sources, MakeRequest request, SourceDescription source) {
        if (request.pkName() != null || request.pkType() != null) {
            if (request.pkName() == null || request.pkType() == null || request.pkName().size() != request.pkType().size() || request.pkName().isEmpty()) {
                throw MimeoException.invalid("Fields 'pkName' and 'pkType' go together, with one type per key column");
            }
            return requireReplicated(request.pkName(), request.pkType(), source, request.destTable());
        }
        try (Connection c = sources.open(source.mapping())) {
            List<Column> key = SourceCatalog.replicationKey(c, source.relation().oid()).orElseThrow(() -> MimeoException.sourceError(
                    "Source table " + source.relation().name() + " has no valid primary key or unique index over NOT NULL columns;"
                            + " name the key with pkName and pkType"));
            return requireReplicated(key.stream().map(Column::name).toList(), key.stream().map(Column::type).toList(), source, request.destTable());
        } catch (SQLException e) {
            throw SourceAccess.sourceFailure("finding the replication key", source.relation().name(), e);
        }
    }

    private static List<Column> requireReplicated(List<String> names, List<String> types, SourceDescription source, String destTable) {
        Set<String> available = new HashSet<>(source.columnNames());
        for (String name : names) {
            if (!available.contains(name)) {
                throw MimeoException.sourceError("Key column " + name + " of " + destTable + " is not among the replicated columns of "
                        + source.relation().name() + "; the filter must include every key column");
            }
        }
        return IntStream.range(0, names.size()).mapToObj(i -> new Column(names.get(i), types.get(i))).toList();
    }
}
