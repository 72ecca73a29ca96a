-- Incremental replication (inserter and updater), as in the original: a template parent per kind,
-- with a child for time-based and one for serial-based control columns. Differences from the
-- original, on purpose: serial boundary and last_value are bigint (the original held the boundary in
-- an int), and the inserter children carry nullable pk_name/pk_type so all four share one mapping.

CREATE TABLE mimeo.refresh_config_inserter (
    control text NOT NULL
) INHERITS (mimeo.refresh_config);
CREATE RULE refresh_config_inserter_parent_nodata AS ON INSERT TO mimeo.refresh_config_inserter DO INSTEAD NOTHING;

CREATE TABLE mimeo.refresh_config_inserter_time (
    boundary interval NOT NULL DEFAULT '10 minutes',
    last_value timestamptz NOT NULL DEFAULT '-infinity',
    dst_active boolean NOT NULL DEFAULT true,
    dst_start int NOT NULL DEFAULT 30,
    dst_end int NOT NULL DEFAULT 230,
    pk_name text[],
    pk_type text[],
    CONSTRAINT refresh_config_inserter_time_pkey PRIMARY KEY (dest_table),
    CONSTRAINT refresh_config_inserter_time_dblink_fkey FOREIGN KEY (dblink) REFERENCES mimeo.dblink_mapping (data_source_id),
    CONSTRAINT refresh_config_inserter_time_type_check CHECK (type = 'inserter_time')
) INHERITS (mimeo.refresh_config_inserter);

CREATE TABLE mimeo.refresh_config_inserter_serial (
    boundary bigint NOT NULL DEFAULT 10,
    last_value bigint NOT NULL DEFAULT 0,
    pk_name text[],
    pk_type text[],
    CONSTRAINT refresh_config_inserter_serial_pkey PRIMARY KEY (dest_table),
    CONSTRAINT refresh_config_inserter_serial_dblink_fkey FOREIGN KEY (dblink) REFERENCES mimeo.dblink_mapping (data_source_id),
    CONSTRAINT refresh_config_inserter_serial_type_check CHECK (type = 'inserter_serial')
) INHERITS (mimeo.refresh_config_inserter);

CREATE TABLE mimeo.refresh_config_updater (
    control text NOT NULL,
    pk_name text[] NOT NULL,
    pk_type text[] NOT NULL
) INHERITS (mimeo.refresh_config);
CREATE RULE refresh_config_updater_parent_nodata AS ON INSERT TO mimeo.refresh_config_updater DO INSTEAD NOTHING;

CREATE TABLE mimeo.refresh_config_updater_time (
    boundary interval NOT NULL DEFAULT '10 minutes',
    last_value timestamptz NOT NULL DEFAULT '-infinity',
    dst_active boolean NOT NULL DEFAULT true,
    dst_start int NOT NULL DEFAULT 30,
    dst_end int NOT NULL DEFAULT 230,
    CONSTRAINT refresh_config_updater_time_pkey PRIMARY KEY (dest_table),
    CONSTRAINT refresh_config_updater_time_dblink_fkey FOREIGN KEY (dblink) REFERENCES mimeo.dblink_mapping (data_source_id),
    CONSTRAINT refresh_config_updater_time_type_check CHECK (type = 'updater_time')
) INHERITS (mimeo.refresh_config_updater);

CREATE TABLE mimeo.refresh_config_updater_serial (
    boundary bigint NOT NULL DEFAULT 10,
    last_value bigint NOT NULL DEFAULT 0,
    CONSTRAINT refresh_config_updater_serial_pkey PRIMARY KEY (dest_table),
    CONSTRAINT refresh_config_updater_serial_dblink_fkey FOREIGN KEY (dblink) REFERENCES mimeo.dblink_mapping (data_source_id),
    CONSTRAINT refresh_config_updater_serial_type_check CHECK (type = 'updater_serial')
) INHERITS (mimeo.refresh_config_updater);
