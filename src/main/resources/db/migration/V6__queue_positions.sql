-- Queue positions become (transaction id, entry id). Entry ids are taken when a row is queued, not
-- when its transaction commits, so a refresh that went "up to the highest id it could see" could pass
-- over a lower id committed a moment later and lose that change. A refresh now takes only entries of
-- transactions older than its snapshot's xmin (all finished: no entry can appear below them later),
-- in (transaction id, entry id) order, and remembers the last position it committed.
ALTER TABLE mimeo.refresh_config_dml ADD COLUMN last_queue_xid bigint NOT NULL DEFAULT 0,
    ADD COLUMN repull_queue_xid bigint;
ALTER TABLE mimeo.refresh_config_logdel ADD COLUMN last_queue_xid bigint NOT NULL DEFAULT 0,
    ADD COLUMN repull_queue_xid bigint;
