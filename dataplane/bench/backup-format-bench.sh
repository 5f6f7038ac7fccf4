#!/usr/bin/env bash
# Benchmarks the two backup formats on real PostgreSQL and prints the ratios: backup + verify +
# restore test in the JDBC copy format vs the same in the pg_dump format vs raw pg_dump +
# pg_restore, all on one seeded copy of portfolio_companies, 256 MB heap.
#
# usage: dataplane/bench/backup-format-bench.sh [jdbc-url] [rows] [rounds]
#   default: jdbc:postgresql://127.0.0.1:5432/test?user=postgres 1000000 3
# The user must be allowed to create databases; every database the run creates is dropped.
set -euo pipefail
cd "$(dirname "$0")/../.."

URL="${1:-${GREENLIGHT_BENCH_DB_URL:-jdbc:postgresql://127.0.0.1:5432/test?user=postgres}}"
ROWS="${2:-1000000}"
ROUNDS="${3:-3}"

# shellcheck source=dataplane/bench/bench-run.sh
source dataplane/bench/bench-run.sh
run_dataplane_bench dev.greenlight.dataplane.bench.BackupFormatBench "$URL" "$ROWS" "$ROUNDS"
