-- From here on Flyway records the applied migrations (mimeo.flyway_schema_history); the hand-written
-- runner's table is gone. An installation that had it was baselined at its last version first.
DROP TABLE IF EXISTS mimeo.schema_version;
