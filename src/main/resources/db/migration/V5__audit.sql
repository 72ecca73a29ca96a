-- Makers and destroyers, which run in the request rather than as a batch job: what was done to which
-- table, by which server, how long it took and how it ended (the refreshes' trail is their executions).
CREATE TABLE mimeo.audit (
    id bigserial PRIMARY KEY,
    at timestamptz NOT NULL DEFAULT clock_timestamp(),
    dest_table text NOT NULL,
    action text NOT NULL,
    outcome text NOT NULL,
    duration_ms bigint NOT NULL,
    execution_id bigint,
    message text,
    server_id text NOT NULL
);
CREATE INDEX audit_dest_idx ON mimeo.audit (dest_table, id DESC);
