#!/usr/bin/env bash
# Prints a development token for calling the local platform's services, e.g.
#   curl -H "Authorization: Bearer $(deploy/dev-token.sh --user alice --name 'Alice' --malls M001,M002 \
#        --roles FRONT_DESK,SUPERVISOR)" http://127.0.0.1:8081/...
# Options: deploy/dev-token.sh --help
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MODULE="$ROOT/deploy/local-platform"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

if [[ ! -f "$MODULE/target/classpath.txt" ]]; then
  # Build output goes to stderr: stdout carries nothing but the token.
  (cd "$ROOT" && ./mvnw -B -q -DskipTests package -pl deploy/local-platform -am) >&2
fi

exec "$JAVA" -Xmx64m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
  -cp "$MODULE/target/classes:$(cat "$MODULE/target/classpath.txt")" \
  com.mallservicedesk.localplatform.DevTokenCommand "$@"
