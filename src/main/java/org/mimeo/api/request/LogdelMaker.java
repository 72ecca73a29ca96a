package org.mimeo.api.request;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import jakarta.validation.constraints.Pattern;
import org.mimeo.job.FaultInjection;

/** POST /replications with type logdel: as dml, keeping deleted rows with their deletion time. */
public record LogdelMaker(
        @NotNull(message = Texts.REQUIRED) @TableName String sourceTable,
        @NotNull(message = Texts.REQUIRED) Integer sourceId,
        @TableName String destTable,
        Boolean index,
        @Size(min = 1, message = Texts.COLUMNS) List<@NotEmpty(message = Texts.NON_EMPTY) String> filter,
        String condition,
        Boolean pullData,
        @Interval String period,
        @Positive(message = Texts.POSITIVE) Integer batchLimit,
        List<@NotEmpty(message = Texts.NON_EMPTY) String> pkName,
        List<@NotEmpty(message = Texts.NON_EMPTY) String> pkType,
        Boolean insertOnFetch,
        @TestHook(groups = TestHook.Off.class) @Pattern(regexp = FaultInjection.MAKER_SOURCE_OBJECTS, message = Texts.MAKER_FAULT) String faultAfter,
        @TestHook(groups = TestHook.Off.class) @Pattern(regexp = "halt", message = Texts.MAKER_FAULT) String faultKind) implements MakerBody {
}
