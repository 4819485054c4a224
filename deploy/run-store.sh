#!/usr/bin/env bash
# Runs the local platform's MongoDB-wire server alone, on its data file, for maintenance while the services are
# stopped (for example deploy/backup.sh restore: see docs/operations.md, "Backup and restore"). Ctrl-C stops it.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HOME_DIR="${LOCAL_PLATFORM_HOME:-.local}"
[[ "$HOME_DIR" = /* ]] || HOME_DIR="$ROOT/$HOME_DIR"
exec "$ROOT/deploy/run-tool.sh" deploy/local-platform 512m com.mallservicedesk.localplatform.MongoServerMain \
  127.0.0.1 27017 "$HOME_DIR/data/mongo/platform.bson.mv"
