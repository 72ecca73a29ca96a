package org.mimeo.api.request;

import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.mimeo.job.FaultInjection;

/**
 * The maker fields of one replication type, one record per type (dml and logdel share theirs). A field
 * another type has reads as absent here.
 */
public sealed interface TypeFields permits TypeFields.Snap, TypeFields.Table, TypeFields.Inserter, TypeFields.Updater, TypeFields.Queue {

    /** snap: a view over two tables swapped at each refresh. */
    record Snap() implements TypeFields {
    }

    /** table: a plain table truncated and reloaded at each refresh. */
    record Table(List<@NotNull(message = Texts.NAMES) @TableName String> sequences, Boolean truncateCascade) implements TypeFields {
    }

    /** inserter: new rows by a time or serial control column. */
    record Inserter(
            @NotBlank(message = Texts.REQUIRED) String controlField,
            @JsonbTypeDeserializer(StrictScalars.TextOrNumber.class) String boundary) implements TypeFields {
    }

    /** updater: new and changed rows by a control column, applied by key. */
    record Updater(
            @NotBlank(message = Texts.REQUIRED) String controlField,
            @JsonbTypeDeserializer(StrictScalars.TextOrNumber.class) String boundary,
            List<@NotEmpty(message = Texts.NON_EMPTY) String> pkName,
            List<@NotEmpty(message = Texts.NON_EMPTY) String> pkType) implements TypeFields {
    }

    /** dml and logdel: changes queued on the source by a trigger, applied by key; the last two are {@link TestHook}s. */
    record Queue(
            List<@NotEmpty(message = Texts.NON_EMPTY) String> pkName,
            List<@NotEmpty(message = Texts.NON_EMPTY) String> pkType,
            Boolean insertOnFetch,
            @TestHook(groups = TestHook.Off.class) @Pattern(regexp = FaultInjection.MAKER_SOURCE_OBJECTS, message = Texts.MAKER_FAULT) String faultAfter,
            @TestHook(groups = TestHook.Off.class) @Pattern(regexp = "halt", message = Texts.MAKER_FAULT) String faultKind) implements TypeFields {
    }

    default List<String> sequences() {
        return null;
    }

    default Boolean truncateCascade() {
        return null;
    }

    default String controlField() {
        return null;
    }

    default String boundary() {
        return null;
    }

    default List<String> pkName() {
        return null;
    }

    default List<String> pkType() {
        return null;
    }

    default Boolean insertOnFetch() {
        return null;
    }

    default String faultAfter() {
        return null;
    }
}
