#!/usr/bin/env bash
# Measures the running local platform (start it first with deploy/run-local.sh --clean): registration and dispatch as
# the stored data grows, at fixed rates and after a burst, the raw MongoDB + Kafka ceiling and the platform's memory;
# at each growth stage also what one registration costs each process in store commands and CPU (--no-costs skips it).
# Prints Markdown tables for docs/benchmarks.md and writes them to benchmarks/target/ too.
#   deploy/benchmark.sh --help                                  all options
#   deploy/benchmark.sh --growth 0,2000 --requests 500 --latency-samples 50 --rate 200 --duration 5s \
#     --burst 300 --ceiling 500                                 a quick run (a few minutes on an idle machine)
#   deploy/benchmark.sh                                         the full run (0, 50,000 and 200,000 stored requests)
set -euo pipefail
exec "$(dirname "${BASH_SOURCE[0]}")/run-tool.sh" benchmarks 512m com.mallservicedesk.benchmarks.PlatformBenchmark "$@"
