package org.mimeo.sql;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/** Validation and quoting of SQL identifiers. Every identifier Mimeo puts into SQL goes through {@link #quote}. */
public final class Identifiers {

    private Identifiers() {
    }

    public static void requireValid(String name, String what) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("the " + what + " is empty");
        }
        if (name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("the " + what + " contains a NUL character");
        }
        if (QualifiedName.utf8Length(name) > QualifiedName.MAX_IDENTIFIER_BYTES) {
            throw new IllegalArgumentException("the " + what + " '" + name + "' is longer than 63 bytes");
        }
    }

    public static String quote(String identifier) {
        requireValid(identifier, "identifier");
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    public static String quoteAll(List<String> identifiers) {
        return identifiers.stream().map(Identifiers::quote).collect(Collectors.joining(", "));
    }

    /** Shortens {@code name} (on a character boundary) so that name + suffix fits in 63 bytes. */
    public static String truncateForSuffix(String name, String suffix) {
        int budget = QualifiedName.MAX_IDENTIFIER_BYTES - suffix.getBytes(StandardCharsets.UTF_8).length;
        String result = name;
        while (result.getBytes(StandardCharsets.UTF_8).length > budget) {
            result = result.substring(0, result.offsetByCodePoints(result.length(), -1));
        }
        return result;
    }

    /** A string literal, quotes doubled; for values that cannot be bound as parameters (DDL, COPY queries). */
    public static String literal(String value) {
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a value contains a NUL character");
        }
        return "'" + value.replace("'", "''") + "'";
    }
}
