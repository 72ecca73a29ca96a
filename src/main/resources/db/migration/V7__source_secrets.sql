-- Source passwords are stored encrypted (AES-GCM with a key kept in the server's Elytron credential store,
-- never in this database). Rows written before this version hold plain text: the server encrypts them at
-- its next start and sets pwd_encrypted; until then they are flagged false.
ALTER TABLE mimeo.dblink_mapping ADD COLUMN pwd_encrypted boolean NOT NULL DEFAULT false;
COMMENT ON COLUMN mimeo.dblink_mapping.pwd IS 'Encrypted password (see pwd_encrypted); the key is in the server''s credential store mimeo-secrets';
