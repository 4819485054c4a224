#!/usr/bin/env bash
# Runs a main class of one of the project's tool modules, building the module first if it was never built.
# Usage (from the other scripts here): run-tool.sh <module dir> <heap> <main class> [arguments...]
# Build output goes to stderr, so a tool's stdout carries only what the tool prints.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MODULE_DIR="$1" HEAP="$2" MAIN="$3"
shift 3
MODULE="$ROOT/$MODULE_DIR"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

if [[ ! -f "$MODULE/target/classpath.txt" ]]; then
  (cd "$ROOT" && ./mvnw -B -q -DskipTests install -pl "$MODULE_DIR" -am) >&2
fi

exec "$JAVA" "-Xmx$HEAP" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
  -cp "$MODULE/target/classes:$(cat "$MODULE/target/classpath.txt")" "$MAIN" "$@"
