#!/bin/bash
# Runs once, when the postgres container initialises an empty data directory (/docker-entrypoint-initdb.d):
# the role Mimeo connects as is NOT a superuser; it owns database mimeo (and so its schema public, where
# JBeret keeps its job repository, and the schemas it creates), nothing else. Replicated tables go into
# schemas the DBA creates with AUTHORIZATION mimeo (or GRANT USAGE, CREATE ON SCHEMA s TO mimeo).
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
     -v role="$MIMEO_DB_USER" -v password="$MIMEO_DB_PASSWORD" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password' NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION;
CREATE DATABASE mimeo OWNER :"role";
SQL
