#!/usr/bin/env bash
# Benchmarks the ops webhook on loopback with wrk (Debian package `wrk`) against an empty JDK
# HttpServer handler as the baseline, plus an empty Jetty handler (the webhook's server), then
# times send -> Redis shows warn. Prints a table (also in
# ops/target/surefire-reports/dev.greenlight.ops.WebhookBench-output.txt).
# Usage: ops/bench/webhook-bench.sh [duration, default 10s] [connections, default 32]
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v wrk >/dev/null || { echo "wrk is required: apt-get install -y wrk" >&2; exit 2; }
export GREENLIGHT_TEST_REDIS_URL="${GREENLIGHT_TEST_REDIS_URL:-redis://127.0.0.1:6379}"
./mvnw -B -q -pl ops -am test -Dtest=WebhookBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dgreenlight.bench=true -Dgreenlight.bench.duration="${1:-10s}" \
  -Dgreenlight.bench.connections="${2:-32}" -DredirectTestOutputToFile=false 2>&1 \
  | sed -n '/== ops webhook benchmark/,/Redis shows warn/p'
