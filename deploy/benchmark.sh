#!/usr/bin/env bash
# Measures the running local platform (start it first with deploy/run-local.sh) and prints a Markdown
# table for docs/benchmarks.md. Options: --requests N (2000) --concurrency N (16) --latency-samples N (200)
#                                       --intake URL --dispatch URL
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MODULE="$ROOT/benchmarks"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
if [[ ! -f "$MODULE/target/classpath.txt" ]]; then
  (cd "$ROOT" && ./mvnw -q -DskipTests install -pl benchmarks -am) >&2
fi
exec "$JAVA" -Xmx512m -cp "$MODULE/target/classes:$(cat "$MODULE/target/classpath.txt")" \
  com.mallservicedesk.benchmarks.PlatformBenchmark "$@"
