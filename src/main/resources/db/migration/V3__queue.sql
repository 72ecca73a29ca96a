-- Trigger-queue replication (dml and logdel). As in the original, control names the source queue
-- table; on purpose beyond it: the names of the trigger function and triggers Mimeo created on the
-- source (so a destroyer drops its own objects, never another destination's: the original's bug V2),
-- and last_queue_id, the queue position whose changes are committed here (source queue rows up to it
-- are deleted only after that commit).

CREATE TABLE mimeo.refresh_config_dml (
    control text NOT NULL,
    pk_name text[] NOT NULL,
    pk_type text[] NOT NULL,
    insert_on_fetch boolean NOT NULL DEFAULT true,
    queue_function text NOT NULL,
    queue_triggers text[] NOT NULL,
    last_queue_id bigint NOT NULL DEFAULT 0,
    repull_queue_id bigint,
    CONSTRAINT refresh_config_dml_pkey PRIMARY KEY (dest_table),
    CONSTRAINT refresh_config_dml_dblink_fkey FOREIGN KEY (dblink) REFERENCES mimeo.dblink_mapping (data_source_id),
    CONSTRAINT refresh_config_dml_type_check CHECK (type = 'dml'),
    CONSTRAINT refresh_config_dml_src_dest_unique UNIQUE (source_table, dest_table)
) INHERITS (mimeo.refresh_config);

CREATE TABLE mimeo.refresh_config_logdel (
    control text NOT NULL,
    pk_name text[] NOT NULL,
    pk_type text[] NOT NULL,
    insert_on_fetch boolean NOT NULL DEFAULT true,
    queue_function text NOT NULL,
    queue_triggers text[] NOT NULL,
    last_queue_id bigint NOT NULL DEFAULT 0,
    repull_queue_id bigint,
    CONSTRAINT refresh_config_logdel_pkey PRIMARY KEY (dest_table),
    CONSTRAINT refresh_config_logdel_dblink_fkey FOREIGN KEY (dblink) REFERENCES mimeo.dblink_mapping (data_source_id),
    CONSTRAINT refresh_config_logdel_type_check CHECK (type = 'logdel'),
    CONSTRAINT refresh_config_logdel_src_dest_unique UNIQUE (source_table, dest_table)
) INHERITS (mimeo.refresh_config);
