-- Mimeo configuration schema, version 1.
-- Table and column names follow the original mimeo extension (sql/tables/tables.sql), so a DBA
-- who knows mimeo finds the same things. The parent refresh_config holds no rows of its own.

CREATE TABLE mimeo.dblink_mapping (
    data_source_id serial PRIMARY KEY,
    data_source text NOT NULL,
    username text NOT NULL,
    pwd text
);
COMMENT ON TABLE mimeo.dblink_mapping IS 'Source databases: libpq conninfo or JDBC URL without credentials, plus the role used on the source';

CREATE TABLE mimeo.refresh_config (
    dest_table text NOT NULL,
    type text NOT NULL,
    dblink integer NOT NULL,
    source_table text NOT NULL,
    last_run timestamptz,
    filter text[],
    condition text,
    period interval,
    batch_limit integer,
    jobmon boolean NOT NULL DEFAULT false
);
CREATE RULE refresh_config_parent_nodata AS ON INSERT TO mimeo.refresh_config DO INSTEAD NOTHING;

CREATE TABLE mimeo.refresh_config_snap (
    check_stats boolean NOT NULL DEFAULT true,
    n_tup_ins bigint,
    n_tup_upd bigint,
    n_tup_del bigint,
    post_script text[],
    CONSTRAINT refresh_config_snap_pkey PRIMARY KEY (dest_table),
    CONSTRAINT refresh_config_snap_dblink_fkey FOREIGN KEY (dblink) REFERENCES mimeo.dblink_mapping (data_source_id),
    CONSTRAINT refresh_config_snap_type_check CHECK (type = 'snap')
) INHERITS (mimeo.refresh_config);
ALTER TABLE mimeo.refresh_config_snap ALTER COLUMN type SET DEFAULT 'snap';

CREATE TABLE mimeo.refresh_config_table (
    truncate_cascade boolean NOT NULL DEFAULT false,
    sequences text[],
    CONSTRAINT refresh_config_table_pkey PRIMARY KEY (dest_table),
    CONSTRAINT refresh_config_table_dblink_fkey FOREIGN KEY (dblink) REFERENCES mimeo.dblink_mapping (data_source_id),
    CONSTRAINT refresh_config_table_type_check CHECK (type = 'table')
) INHERITS (mimeo.refresh_config);
ALTER TABLE mimeo.refresh_config_table ALTER COLUMN type SET DEFAULT 'table';

-- One row per job execution Mimeo started (including restarts): ties JSR 352 executions to the
-- replicated table and to the server that ran them, for /executions and the start-up sweep.
CREATE TABLE mimeo.job_run (
    execution_id bigint PRIMARY KEY,
    dest_table text NOT NULL,
    job_name text NOT NULL,
    server_id text NOT NULL,
    restart_of bigint,
    created timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX job_run_dest_table_idx ON mimeo.job_run (dest_table, execution_id DESC);

-- What each execution did, step by step: the audit trail read by GET /executions/{id}.
CREATE TABLE mimeo.job_log (
    id bigserial PRIMARY KEY,
    execution_id bigint NOT NULL,
    logged_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    level text NOT NULL,
    message text NOT NULL
);
CREATE INDEX job_log_execution_idx ON mimeo.job_log (execution_id, id);

-- Work in progress of a snap refresh that must survive a restart of its execution: the source
-- write statistics read when it started (they become refresh_config_snap.n_tup_* only when the
-- view swaps, so a failed refresh never makes the next one skip) and whether it rebuilt the
-- snap table it loads (then the swap rebuilds the view and the other snap table too).
CREATE TABLE mimeo.snap_refresh_state (
    dest_table text PRIMARY KEY,
    n_tup_ins bigint,
    n_tup_upd bigint,
    n_tup_del bigint,
    rebuilt boolean NOT NULL
);
