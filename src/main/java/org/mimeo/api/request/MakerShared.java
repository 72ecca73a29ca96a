package org.mimeo.api.request;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The maker fields of every replication type. */
public record MakerShared(
        @NotNull(message = Texts.REQUIRED) @TableName String sourceTable,
        @NotNull(message = Texts.REQUIRED) Integer sourceId,
        @TableName String destTable,
        Boolean index,
        @Size(min = 1, message = Texts.COLUMNS) List<@NotEmpty(message = Texts.NON_EMPTY) String> filter,
        String condition,
        Boolean pullData,
        @Interval String period,
        @Positive(message = Texts.POSITIVE) Integer batchLimit) {
}
