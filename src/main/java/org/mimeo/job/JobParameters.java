package org.mimeo.job;

/** Names of the job parameters Mimeo's job XMLs read. */
public final class JobParameters {

    public static final String DEST_TABLE = "destTable";
    public static final String INDEX = "index";
    public static final String CHECK_STATS = "checkStats";
    public static final String TRUNCATE_CASCADE = "truncateCascade";
    public static final String BLOCK_ROWS = "blockRows";
    public static final String DEBUG = "debug";
    public static final String FAULT_AFTER_BLOCKS = "faultAfterBlocks";
    public static final String FAULT_KIND = "faultKind";
    /** Identifies the job a table's advisory lock was taken for, so only that job releases it. */
    public static final String LOCK_TOKEN = "lockToken";

    private JobParameters() {
    }
}
