package org.mimeo.replication;

/** Options of one refresh (the REST body of POST /replications/{dest}/refresh); null means "as configured". */
public record RefreshRequest(Boolean index, Boolean checkStats, Boolean truncateCascade, boolean debug,
                             Integer faultAfterBlocks, String faultKind, Long blockRows,
                             Integer limit, boolean repull, String repullStart, String repullEnd, String clock) {

    public static RefreshRequest defaults() {
        return new RefreshRequest(null, null, null, false, null, null, null, null, false, null, null, null);
    }
}
