#!/usr/bin/env bash
# Lists and replays dead letters (records consumers moved to <topic>.DLT), e.g.
#   deploy/dead-letters.sh list --topic intake.requests.v1.DLT
#   deploy/dead-letters.sh replay --topic intake.requests.v1.DLT --dry-run
# Options: deploy/dead-letters.sh --help
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MODULE="$ROOT/deploy/local-platform"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

if [[ ! -f "$MODULE/target/classpath.txt" ]]; then
  # Build output goes to stderr: stdout carries nothing but the dead letters.
  (cd "$ROOT" && ./mvnw -B -q -DskipTests package -pl deploy/local-platform -am) >&2
fi

exec "$JAVA" -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
  -cp "$MODULE/target/classes:$(cat "$MODULE/target/classpath.txt")" \
  com.mallservicedesk.localplatform.DeadLetterCommand "$@"
