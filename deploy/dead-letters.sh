#!/usr/bin/env bash
# Lists and replays dead letters (records consumers moved to <topic>.DLT), e.g.
#   deploy/dead-letters.sh list --topic intake.requests.v1.DLT
#   deploy/dead-letters.sh replay --topic intake.requests.v1.DLT --dry-run
# Options: deploy/dead-letters.sh --help
set -euo pipefail
exec "$(dirname "${BASH_SOURCE[0]}")/run-tool.sh" deploy/local-platform 128m com.mallservicedesk.localplatform.DeadLetterCommand "$@"
