#!/usr/bin/env bash
# Measures the running local platform (start it first with deploy/run-local.sh) and prints a Markdown
# table for docs/benchmarks.md. Options: --requests N (2000) --concurrency N (16) --latency-samples N (200)
#                                       --intake URL --dispatch URL
set -euo pipefail
exec "$(dirname "${BASH_SOURCE[0]}")/run-tool.sh" benchmarks 512m com.mallservicedesk.benchmarks.PlatformBenchmark "$@"
