#!/usr/bin/env bash
# Prints a development token for calling the local platform's services, e.g.
#   curl -H "Authorization: Bearer $(deploy/dev-token.sh --user alice --name 'Alice' --malls M001,M002 \
#        --roles FRONT_DESK,SUPERVISOR)" http://127.0.0.1:8081/...
# Options: deploy/dev-token.sh --help
set -euo pipefail
exec "$(dirname "${BASH_SOURCE[0]}")/run-tool.sh" deploy/local-platform 64m com.mallservicedesk.localplatform.DevTokenCommand "$@"
