-- Refresh attempts that did not start because another refresh of the table held its lock: the
-- "already running" WARNING of the original's pg_jobmon, read by the monitor (3 in a row: WARNING).
CREATE TABLE mimeo.refresh_attempt (
    id bigserial PRIMARY KEY,
    dest_table text NOT NULL,
    attempted_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    outcome text NOT NULL,
    message text
);
CREATE INDEX refresh_attempt_dest_idx ON mimeo.refresh_attempt (dest_table, attempted_at DESC);
