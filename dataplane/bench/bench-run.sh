# Sourced by the data plane's bench scripts (not run on its own): the build, the machine report and
# the JVM launch they share, so every bench measures on the same footing.
#
# usage: run_dataplane_bench <main class> <jdbc-url> [more arguments for the main]
# Runs from the repository root; the 256 MB heap shows the data plane fits in it.

run_dataplane_bench() {
  local main="$1" url="$2"
  BENCH_CP_FILE="$(mktemp)"
  BENCH_CLASSES="$(mktemp -d)"
  trap 'rm -rf "$BENCH_CP_FILE" "$BENCH_CLASSES"' EXIT
  # One reactor build, so sibling modules resolve to their target/classes; dataplane is built last
  # and so writes the classpath file last.
  ./mvnw -B -q -pl dataplane -am test-compile dependency:build-classpath \
    -Dmdep.outputFile="$BENCH_CP_FILE" -Dmdep.includeScope=test >/dev/null

  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
    "$(free -g | awk '/Mem:/ {print $2}') GB RAM, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "java: $(java -version 2>&1 | head -1); pg_dump: $(pg_dump --version)"
  echo "server: $(psql "$(echo "$url" | sed -E 's#jdbc:postgresql://([^/]+)/([^?]+).*#postgresql://\1/\2#')" -U postgres -Atc 'SHOW server_version' 2>/dev/null || echo unknown)"

  # A private copy of the compiled classes: another build in this checkout may clean target/ mid-run.
  cp -r dataplane/target/classes "$BENCH_CLASSES/main"
  cp -r dataplane/target/test-classes "$BENCH_CLASSES/test"
  shift
  java -Xmx256m -cp "$BENCH_CLASSES/test:$BENCH_CLASSES/main:$(cat "$BENCH_CP_FILE")" "$main" "$@"
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
}
