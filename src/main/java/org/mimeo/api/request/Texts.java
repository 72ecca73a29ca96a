package org.mimeo.api.request;

/** What a violation says after "Field 'name' ". */
final class Texts {

    static final String REQUIRED = "is required";
    static final String POSITIVE = "must be a positive integer";
    static final String COLUMNS = "must name at least one column, or be left out";
    static final String NON_EMPTY = "must be an array of non-empty strings";
    static final String NAMES = "must be an array of names";
    static final String ONLY_SNAP = "applies only to snap replication";
    static final String ONLY_TABLE = "applies only to table replication";
    static final String ONLY_INCREMENTAL = "applies only to inserter and updater replication";
    static final String WHOLE_COPY = "does not apply to snap and table replication: every refresh copies the whole source";
    static final String QUEUE_REPULL = "applies only to inserter and updater replication; a dml or logdel repull reloads everything";
    static final String MAKER_FAULT = "takes only 'sourceObjects' with faultKind 'halt' (a test hook for dml and logdel)";
    static final String ONLY_TIME = "applies only to time-based control columns";

    private Texts() {
    }
}
