#!/usr/bin/env bash
# Logical backup and restore of the services' databases, e.g.
#   deploy/backup.sh dump --out msd.backup.gz
#   deploy/backup.sh restore --in msd.backup.gz
# The drill (stop, dump, wipe, restore, resume) is in docs/operations.md. Options: deploy/backup.sh --help
set -euo pipefail
exec "$(dirname "${BASH_SOURCE[0]}")/run-tool.sh" deploy/local-platform 256m com.mallservicedesk.localplatform.BackupCommand "$@"
