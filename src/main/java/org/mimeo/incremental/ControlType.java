package org.mimeo.incremental;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.mimeo.error.MimeoException;
import org.mimeo.internal.MimeoMessages;

/**
 * The kinds of control column and how their values travel as text between the source, the
 * destination's config and Java without losing precision: timestamps as UTC with microseconds,
 * integers as decimal text.
 */
public enum ControlType {

    TIMESTAMPTZ, TIMESTAMP, INTEGER;

    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");

    public static ControlType of(String formattedType, String column) {
        return switch (formattedType) {
            case "timestamp with time zone" -> TIMESTAMPTZ;
            case "timestamp without time zone" -> TIMESTAMP;
            case "smallint", "integer", "bigint" -> INTEGER;
            default -> {
                if (formattedType.startsWith("timestamp(") && formattedType.endsWith("with time zone")) {
                    yield TIMESTAMPTZ;
                }
                if (formattedType.startsWith("timestamp(")) {
                    yield TIMESTAMP;
                }
                throw MimeoException.sourceError(MimeoMessages.MSG.unsupportedControlType(column, formattedType));
            }
        };
    }

    public boolean isTime() {
        return this != INTEGER;
    }

    /** The SQL type request values of this kind are cast to. */
    public String sqlType() {
        return switch (this) {
            case TIMESTAMPTZ -> "timestamptz";
            case TIMESTAMP -> "timestamp";
            case INTEGER -> "bigint";
        };
    }

    /** SQL rendering a control value (expression) as this type's canonical text. */
    public String render(String expression) {
        return switch (this) {
            case TIMESTAMPTZ -> "to_char(timezone('UTC', " + expression + "), 'YYYY-MM-DD\"T\"HH24:MI:SS.US')";
            case TIMESTAMP -> "to_char(" + expression + ", 'YYYY-MM-DD\"T\"HH24:MI:SS.US')";
            case INTEGER -> "(" + expression + ")::bigint::text";
        };
    }

    /** A canonical text as a literal comparable with the source's control column. */
    public String sourceLiteral(String text) {
        return switch (this) {
            case TIMESTAMPTZ -> "timezone('UTC', " + quote(text) + "::timestamp)";
            case TIMESTAMP -> quote(text) + "::timestamp";
            case INTEGER -> Long.toString(Long.parseLong(text));
        };
    }

    /** A canonical text as a value for the config's last_value column (timestamptz or bigint). */
    public String configLiteral(String text) {
        return switch (this) {
            case TIMESTAMPTZ, TIMESTAMP -> "timezone('UTC', " + quote(text) + "::timestamp)";
            case INTEGER -> Long.toString(Long.parseLong(text));
        };
    }

    /** last_value as kept in the config (UTC instant for both time types), as canonical text. */
    public static String fromConfig(OffsetDateTime value) {
        return value == null ? null : value.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime().format(MICROS);
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
