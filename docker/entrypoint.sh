#!/bin/bash
# Container entry point: adds the API user MIMEO_ADMIN_USER (role mimeo-admin) with MIMEO_ADMIN_PASSWORD to
# the application realm when both are set (bin/add-user.sh updates an existing user), keeps the key of the
# stored source passwords on the /opt/mimeo/secrets volume, then runs WildFly in the foreground.
set -euo pipefail
cd /opt/mimeo/server
if [ -n "${MIMEO_ADMIN_USER:-}" ] && [ -n "${MIMEO_ADMIN_PASSWORD:-}" ]; then
    bin/add-user.sh -a -s -u "$MIMEO_ADMIN_USER" -p "$MIMEO_ADMIN_PASSWORD" -g mimeo-admin
fi
# WildFly creates the key store at first start where this link points; the volume keeps it across containers
ln -sfn /opt/mimeo/secrets/mimeo-secrets.cs standalone/configuration/mimeo-secrets.cs
exec bin/standalone.sh -b 0.0.0.0 -bmanagement 0.0.0.0 "$@"
