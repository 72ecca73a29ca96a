package org.mimeo.sql;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A schema-qualified relation name, spelled as in the catalog (case and punctuation kept).
 * <p>
 * Accepted input forms follow the REST contract: {@code schema.table} (split on the first dot),
 * {@code table} (schema {@code public}), or double-quoted SQL form {@code "my.schema"."t.1"} for
 * names that themselves contain a dot.
 */
public record QualifiedName(String schema, String table) {

    public static final int MAX_IDENTIFIER_BYTES = 63;

    public QualifiedName {
        Identifiers.requireValid(schema, "schema name");
        Identifiers.requireValid(table, "table name");
    }

    public static QualifiedName parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a table name is required");
        }
        String trimmed = text.strip();
        if (trimmed.startsWith("\"")) {
            return parseQuoted(trimmed);
        }
        int dot = trimmed.indexOf('.');
        if (dot < 0) {
            return new QualifiedName("public", trimmed);
        }
        return new QualifiedName(trimmed.substring(0, dot), trimmed.substring(dot + 1));
    }

    private static QualifiedName parseQuoted(String text) {
        StringBuilder first = new StringBuilder();
        int pos = readQuoted(text, 0, first);
        if (pos == text.length()) {
            return new QualifiedName("public", first.toString());
        }
        if (text.charAt(pos) != '.') {
            throw new IllegalArgumentException("malformed quoted name: " + text);
        }
        pos++;
        StringBuilder second = new StringBuilder();
        if (pos < text.length() && text.charAt(pos) == '"') {
            pos = readQuoted(text, pos, second);
            if (pos != text.length()) {
                throw new IllegalArgumentException("malformed quoted name: " + text);
            }
        } else {
            second.append(text.substring(pos));
        }
        return new QualifiedName(first.toString(), second.toString());
    }

    /** Reads a double-quoted identifier starting at {@code start}; returns the position after it. */
    private static int readQuoted(String text, int start, StringBuilder out) {
        int pos = start + 1;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '"') {
                if (pos + 1 < text.length() && text.charAt(pos + 1) == '"') {
                    out.append('"');
                    pos += 2;
                    continue;
                }
                return pos + 1;
            }
            out.append(c);
            pos++;
        }
        throw new IllegalArgumentException("unterminated quoted name: " + text);
    }

    /** SQL form, both parts quoted: {@code "schema"."table"}. */
    public String sql() {
        return Identifiers.quote(schema) + "." + Identifiers.quote(table);
    }

    /** A sibling relation in the same schema whose name is this table's name plus a suffix, within 63 bytes. */
    public QualifiedName withSuffix(String suffix) {
        return new QualifiedName(schema, Identifiers.truncateForSuffix(table, suffix) + suffix);
    }

    /**
     * How Mimeo stores and shows the name: {@code schema.table} unquoted, as the contract spells it;
     * the double-quoted SQL form only when a part contains a dot or starts with a quote, so that
     * {@link #parse} always gives this name back.
     */
    public String text() {
        boolean ambiguous = schema.contains(".") || table.contains(".") || schema.startsWith("\"");
        return ambiguous ? sql() : schema + "." + table;
    }

    /** The contract's spelling: {@code schema.table}, unquoted. */
    @Override
    public String toString() {
        return schema + "." + table;
    }

    public boolean sameAs(QualifiedName other) {
        return Objects.equals(schema, other.schema) && Objects.equals(table, other.table);
    }

    static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
