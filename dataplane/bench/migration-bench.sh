#!/usr/bin/env bash
# Benchmarks the data plane against its baselines on real PostgreSQL and prints the ratios:
# batched apply vs one UPDATE ... CASE vs one row per transaction, and backup + verify + restore
# test vs raw pg_dump + pg_restore. Runs with a 256 MB heap to show the migration fits in it.
#
# usage: dataplane/bench/migration-bench.sh [jdbc-url] [rows] [row-per-tx sample] [rounds]
#   default: jdbc:postgresql://127.0.0.1:5432/test?user=postgres 1000000 20000 3
# The user must be allowed to create databases; every database the run creates is dropped.
set -euo pipefail
cd "$(dirname "$0")/../.."

URL="${1:-${GREENLIGHT_BENCH_DB_URL:-jdbc:postgresql://127.0.0.1:5432/test?user=postgres}}"
ROWS="${2:-1000000}"
SAMPLE="${3:-20000}"
ROUNDS="${4:-3}"

# shellcheck source=dataplane/bench/bench-run.sh
source dataplane/bench/bench-run.sh
run_dataplane_bench dev.greenlight.dataplane.bench.MigrationBench "$URL" "$ROWS" "$SAMPLE" "$ROUNDS"
