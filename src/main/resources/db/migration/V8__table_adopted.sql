-- Whether a table replication adopted a destination table that existed before its maker ran. Destroying
-- such a replication keeps the table (as with archive); only a table the maker created is dropped.
ALTER TABLE mimeo.refresh_config_table ADD COLUMN adopted boolean NOT NULL DEFAULT false;
