#!/usr/bin/env bash
# Runs the whole Mall Service Desk on this machine without Docker: builds the project, then starts the local
# platform launcher, which runs Kafka, the MongoDB-wire server and the five services as its child processes.
# Ctrl-C stops everything. Options: deploy/run-local.sh --help
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MODULE="$ROOT/deploy/local-platform"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

build=true
args=()
for arg in "$@"; do
  case "$arg" in
    --no-build) build=false ;;
    # The usage needs only the launcher's classes, not a full build.
    -h|--help) [[ -f "$MODULE/target/classpath.txt" ]] && build=false; args+=("$arg") ;;
    *) args+=("$arg") ;;
  esac
done

if $build; then
  echo "Building the project (./mvnw -B -q -DskipTests install) ..."
  (cd "$ROOT" && ./mvnw -B -q -DskipTests install)
fi

if [[ ! -f "$MODULE/target/classpath.txt" ]]; then
  echo "Missing $MODULE/target/classpath.txt: build first (./mvnw -B -DskipTests install), or drop --no-build." >&2
  exit 1
fi

# exec: Ctrl-C and SIGTERM go straight to the launcher, whose shutdown hook stops the children in order.
exec "$JAVA" -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
  -cp "$MODULE/target/classes:$(cat "$MODULE/target/classpath.txt")" \
  -Dlocal.platform.root="$ROOT" \
  com.mallservicedesk.localplatform.LocalPlatform ${args[@]+"${args[@]}"}
