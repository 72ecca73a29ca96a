package org.mimeo.source;

import java.util.List;

/**
 * An index of a source table. {@code method} is everything from {@code USING} on in
 * {@code pg_get_indexdef} (access method, columns or expressions, INCLUDE, WHERE), read with an
 * empty search_path so that every name in it is schema-qualified.
 */
public record SourceIndex(String name, boolean primary, boolean unique, List<String> columns, String method) {
}
