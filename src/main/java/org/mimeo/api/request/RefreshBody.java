package org.mimeo.api.request;

import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import jakarta.validation.constraints.AssertFalse;
import jakarta.validation.constraints.Null;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.mimeo.error.MimeoException;
import org.mimeo.internal.MimeoMessages;
import org.mimeo.replication.RefreshRequest;

/**
 * The body of POST /replications/{dest}/refresh, all optional. The rules of the replication's kind are
 * those of its {@link Kind} group; the last four fields are {@link TestHook}s.
 */
@RepullWindow
public record RefreshBody(
        @Positive(message = Texts.POSITIVE)
        @Null(groups = {Kind.Snap.class, Kind.Table.class}, message = Texts.WHOLE_COPY) Integer limit,
        @AssertFalse(groups = {Kind.Snap.class, Kind.Table.class}, message = Texts.WHOLE_COPY) Boolean repull,
        @JsonbTypeDeserializer(StrictScalars.TextOrNumber.class)
        @Null(groups = {Kind.Snap.class, Kind.Table.class}, message = Texts.WHOLE_COPY)
        @Null(groups = Kind.Queue.class, message = Texts.QUEUE_REPULL) String repullStart,
        @JsonbTypeDeserializer(StrictScalars.TextOrNumber.class)
        @Null(groups = {Kind.Snap.class, Kind.Table.class}, message = Texts.WHOLE_COPY)
        @Null(groups = Kind.Queue.class, message = Texts.QUEUE_REPULL) String repullEnd,
        Boolean index,
        @Null(groups = {Kind.Table.class, Kind.Incremental.class, Kind.Queue.class}, message = Texts.ONLY_SNAP) Boolean checkStats,
        @Null(groups = {Kind.Snap.class, Kind.Incremental.class, Kind.Queue.class}, message = Texts.ONLY_TABLE) Boolean truncateCascade,
        Integer lockWait,
        Boolean debug,
        @TestHook(groups = TestHook.Off.class) Integer faultAfterBlocks,
        @TestHook(groups = TestHook.Off.class) @Pattern(regexp = "fail|halt", message = "must be 'fail' or 'halt'") String faultKind,
        @TestHook(groups = TestHook.Off.class) @Positive(message = Texts.POSITIVE) Long blockRows,
        @TestHook(groups = TestHook.Off.class) @IsoTime String clock) {

    /** No body: every option as configured. */
    public static final RefreshBody NONE = new RefreshBody(null, null, null, null, null, null, null, null, null, null, null, null, null);

    public RefreshRequest toRefreshRequest() {
        return new RefreshRequest(index, checkStats, truncateCascade, Boolean.TRUE.equals(debug), faultAfterBlocks, faultKind, blockRows,
                limit, Boolean.TRUE.equals(repull), repullStart, repullEnd, clock);
    }

    /**
     * {@code lockWait} seconds: 0 (the default) does not wait; at most the server's longest wait, a setting,
     * so it is checked here rather than by a constraint.
     */
    public Integer lockWaitSeconds(Duration max) {
        if (lockWait != null && (lockWait < 0 || lockWait > max.toSeconds())) {
            throw MimeoException.invalid(MimeoMessages.MSG.lockWaitRange(max.toSeconds()));
        }
        return lockWait == null || lockWait == 0 ? null : lockWait;
    }
}
