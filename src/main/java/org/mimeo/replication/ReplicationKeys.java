package org.mimeo.replication;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.mimeo.error.MimeoException;
import org.mimeo.internal.MimeoMessages;
import org.mimeo.source.Column;
import org.mimeo.source.SourceCatalog;

/**
 * The replication key of updater, dml and logdel replications: the columns named by pkName when given
 * (a view needs them), else the source's primary key, else its oldest unique index over NOT NULL
 * columns. Every key column must be among the replicated columns.
 * <p>
 * Key types never come from request text. For a table (any source but a view) they are the catalog's
 * types of the key columns ({@code format_type}); {@code pkType}, if given, is ignored. For a view,
 * {@code pkType} is required, one entry per key column, each a type name the source database resolves
 * ({@code to_regtype}); only the database's canonical name for it ({@code format_type}, without
 * modifiers, schema-qualified unless in pg_catalog) is kept. A name it does not resolve is a 400.
 */
public final class ReplicationKeys {

    private ReplicationKeys() {
    }

    public static List<Column> resolve(SourceAccess sources, MakeRequest request, SourceDescription source) {
        List<String> names = request.pkName();
        if (names == null && request.pkType() != null) {
            throw MimeoException.invalid(MimeoMessages.MSG.pkTypeWithoutPkName());
        }
        if (names != null) {
            if (names.isEmpty()) {
                throw MimeoException.invalid(MimeoMessages.MSG.pkNameEmpty());
            }
            if (new HashSet<>(names).size() != names.size()) {
                throw MimeoException.invalid(MimeoMessages.MSG.pkNameRepeated(names));
            }
            requireReplicated(names, source, request.destTable());
            if (!source.relation().isView()) {
                Map<String, Column> byName = source.columns().stream().collect(Collectors.toMap(Column::name, Function.identity()));
                return names.stream().map(byName::get).toList();
            }
            List<String> types = request.pkType();
            if (types == null || types.size() != names.size()) {
                throw MimeoException.invalid(MimeoMessages.MSG.pkTypeRequiredForView());
            }
            List<String> canonical = canonicalTypes(sources, source, types);
            List<Column> key = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                key.add(new Column(names.get(i), canonical.get(i)));
            }
            return key;
        }
        try (Connection c = sources.open(source.mapping())) {
            List<Column> key = SourceCatalog.replicationKey(c, source.relation().oid()).orElseThrow(() -> MimeoException.sourceError(
                    MimeoMessages.MSG.noReplicationKey(source.relation().name())));
            requireReplicated(key.stream().map(Column::name).toList(), source, request.destTable());
            return key;
        } catch (SQLException e) {
            throw SourceAccess.sourceFailure("finding the replication key", source.relation().name(), e);
        }
    }

    private static List<String> canonicalTypes(SourceAccess sources, SourceDescription source, List<String> types) {
        try (Connection c = sources.open(source.mapping())) {
            List<String> canonical = new ArrayList<>();
            for (int i = 0; i < types.size(); i++) {
                String type = types.get(i);
                Optional<String> name = type == null || type.isBlank() ? Optional.empty() : SourceCatalog.canonicalType(c, type);
                int position = i + 1;
                canonical.add(name.orElseThrow(() -> MimeoException.invalid(MimeoMessages.MSG.unknownKeyType(position, type))));
            }
            return canonical;
        } catch (SQLException e) {
            throw SourceAccess.sourceFailure("checking the key types", source.relation().name(), e);
        }
    }

    private static void requireReplicated(List<String> names, SourceDescription source, String destTable) {
        Set<String> available = source.columnNames();
        for (String name : names) {
            if (!available.contains(name)) {
                throw MimeoException.sourceError(MimeoMessages.MSG.keyColumnNotReplicated(name, destTable, source.relation().name()));
            }
        }
    }
}
