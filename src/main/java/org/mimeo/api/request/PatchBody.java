package org.mimeo.api.request;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Null;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.util.List;
import org.mimeo.config.IncrementalConfig;
import org.mimeo.config.RefreshConfig;
import org.mimeo.config.RefreshConfigSnap;
import org.mimeo.config.RefreshConfigTable;
import org.mimeo.config.SerialIncrementalConfig;
import org.mimeo.config.TimeIncrementalConfig;

/**
 * The settings PATCH /replications/{dest} may change, as a JSON Merge Patch (RFC 7386) applies to them: a
 * field in the patch is set, a null one goes back to its default. The rules of the replication's kind are
 * those of its {@link Kind} group.
 */
public record PatchBody(
        @Interval String period,
        @Positive(message = Texts.POSITIVE) Integer batchLimit,
        String condition,
        List<@NotEmpty(message = Texts.NON_EMPTY) String> filter,
        @JsonbTypeDeserializer(StrictScalars.TextOrNumber.class)
        @Null(groups = {Kind.Snap.class, Kind.Table.class, Kind.Queue.class}, message = Texts.ONLY_INCREMENTAL)
        @Interval(groups = Kind.TimeBased.class)
        @Pattern(groups = Kind.Serial.class, regexp = "\\s*\\d{1,18}\\s*", message = "must be 0 or more, an integer for a serial control column") String boundary,
        @JsonbTypeDeserializer(StrictScalars.TextOrNumber.class)
        @Null(groups = {Kind.Snap.class, Kind.Table.class, Kind.Queue.class}, message = Texts.ONLY_INCREMENTAL)
        @Pattern(groups = Kind.Serial.class, regexp = "\\s*-?\\d{1,18}\\s*", message = "must be an integer") String lastValue,
        @Null(groups = {Kind.Snap.class, Kind.Table.class, Kind.Queue.class}, message = Texts.ONLY_INCREMENTAL)
        @Null(groups = Kind.Serial.class, message = Texts.ONLY_TIME) Boolean dstActive,
        @Null(groups = {Kind.Snap.class, Kind.Table.class, Kind.Queue.class}, message = Texts.ONLY_INCREMENTAL)
        @Null(groups = Kind.Serial.class, message = Texts.ONLY_TIME) @HourMinute Integer dstStart,
        @Null(groups = {Kind.Snap.class, Kind.Table.class, Kind.Queue.class}, message = Texts.ONLY_INCREMENTAL)
        @Null(groups = Kind.Serial.class, message = Texts.ONLY_TIME) @HourMinute Integer dstEnd,
        @Null(groups = {Kind.Table.class, Kind.Incremental.class, Kind.Queue.class}, message = Texts.ONLY_SNAP)
        List<@SingleStatement String> postScript,
        @Null(groups = {Kind.Table.class, Kind.Incremental.class, Kind.Queue.class}, message = Texts.ONLY_SNAP) Boolean checkStats,
        @Null(groups = {Kind.Snap.class, Kind.Incremental.class, Kind.Queue.class}, message = Texts.ONLY_TABLE) Boolean truncateCascade,
        @Null(groups = {Kind.Snap.class, Kind.Incremental.class, Kind.Queue.class}, message = Texts.ONLY_TABLE)
        List<@NotNull(message = Texts.NAMES) @TableName String> sequences) {

    /**
     * The settings of {@code c} with {@code patch} applied as a JSON Merge Patch. The patch is bound on its
     * own first, so that a field unknown to the API is refused even when its value is null.
     */
    public static PatchBody merged(RefreshConfig c, JsonObject patch) {
        Jsonb jsonb = RequestJsonb.get();
        jsonb.fromJson(patch.toString(), PatchBody.class);
        JsonObject current = jsonb.fromJson(jsonb.toJson(of(c)), JsonObject.class);
        return jsonb.fromJson(Json.createMergePatch(patch).apply(current).toString(), PatchBody.class);
    }

    /** A replication's current settings, the document a merge patch applies to. */
    static PatchBody of(RefreshConfig c) {
        String boundary = null;
        String lastValue = null;
        Boolean dstActive = null;
        Integer dstStart = null;
        Integer dstEnd = null;
        if (c instanceof IncrementalConfig incremental) {
            boundary = incremental.boundaryText();
            if (incremental instanceof TimeIncrementalConfig t) {
                lastValue = t.getLastValue() == null ? null : t.getLastValue().toString();
                dstActive = t.isDstActive();
                dstStart = t.getDstStart();
                dstEnd = t.getDstEnd();
            } else {
                Long value = ((SerialIncrementalConfig) incremental).getLastValue();
                lastValue = value == null ? null : value.toString();
            }
        }
        RefreshConfigSnap snap = c instanceof RefreshConfigSnap s ? s : null;
        RefreshConfigTable table = c instanceof RefreshConfigTable t ? t : null;
        return new PatchBody(c.getPeriod(), c.getBatchLimit(), c.getCondition(), list(c.getFilter()), boundary, lastValue, dstActive, dstStart, dstEnd,
                snap == null ? null : list(snap.getPostScript()), snap == null ? null : snap.isCheckStats(),
                table == null ? null : table.isTruncateCascade(), table == null ? null : list(table.getSequences()));
    }

    private static List<String> list(String[] values) {
        return values == null ? null : List.of(values);
    }
}
