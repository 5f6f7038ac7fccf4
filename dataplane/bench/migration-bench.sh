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
  dev.greenlight.dataplane.bench.MigrationBench "$URL" "$ROWS" "$SAMPLE" "$ROUNDS"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
