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

CP_FILE="$(mktemp)"
CLASSES="$(mktemp -d)"
trap 'rm -rf "$CP_FILE" "$CLASSES"' EXIT
# One reactor build, so sibling modules resolve to their target/classes; dataplane is built last
# and so writes the classpath file last.
./mvnw -B -q -pl dataplane -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test >/dev/null

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
  "$(free -g | awk '/Mem:/ {print $2}') GB RAM, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $(java -version 2>&1 | head -1); pg_dump: $(pg_dump --version)"
echo "server: $(psql "$(echo "$URL" | sed -E 's#jdbc:postgresql://([^/]+)/([^?]+).*#postgresql://\1/\2#')" -U postgres -Atc 'SHOW server_version' 2>/dev/null || echo unknown)"

# A private copy of the compiled classes: another build in this checkout may clean target/ mid-run.
cp -r dataplane/target/classes "$CLASSES/main"
cp -r dataplane/target/test-classes "$CLASSES/test"
java -Xmx256m -cp "$CLASSES/test:$CLASSES/main:$(cat "$CP_FILE")" \
  dev.greenlight.dataplane.bench.BackupFormatBench "$URL" "$ROWS" "$ROUNDS"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
