# Sourced by the benchmarks that time a command against PollFloor: builds the CLI and the test
# classes, puts them and the test classpath in $WORK (removed on exit), and defines `now`, `median`,
# `ratio`, `time_rounds`, `load_average_after`, `json_field` and $POLLS — the gate reads a healthy
# v3.4 rollout makes (one local-activity marker each in the history the replay test keeps of it).
# Run from the repository root.
CP_FILE="$(mktemp)"
WORK="$(mktemp -d)"
trap 'rm -rf "$CP_FILE" "$WORK"' EXIT
./greenlight --version >/dev/null # builds the jar when it is missing or stale
./mvnw -B -q -pl starter -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test >/dev/null
cp -r starter/target/test-classes "$WORK/test"
FLOOR_CP="$WORK/test:$(cat "$CP_FILE")"

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1)"
now() { date +%s.%N; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# `ratio A B`: A / B, for printf.
ratio() { echo "$1 / $2" | bc -l; }

# `time_rounds N`: N rounds, each running the function `run_floor`, then `run_command` (each
# benchmark defines both), timed back to back so machine drift hits both alike; after each, sets
# $floor and $full to their seconds, appends them to $WORK/floor and $WORK/full and calls the
# benchmark's `report_round ROUND`. After the last, sets $median_floor and $median_full.
time_rounds() {
  local round t0 t1 t2
  for round in $(seq 1 "$1"); do
    t0=$(now)
    run_floor
    t1=$(now)
    run_command
    t2=$(now)
    floor=$(echo "$t1 - $t0" | bc -l)
    full=$(echo "$t2 - $t1" | bc -l)
    echo "$floor" >>"$WORK/floor"
    echo "$full" >>"$WORK/full"
    report_round "$round"
  done
  median_floor=$(median <"$WORK/floor")
  median_full=$(median <"$WORK/full")
}

load_average_after() { echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"; }

# `json_field FILE EXPR`: a Python expression over the JSON document `doc` read from FILE.
json_field() { python3 -c 'import json,sys; doc=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$1" "$2"; }

POLLS="$(zcat workflows/src/test/resources/histories/local-gate-reads/healthyRolloutRunsEveryPhaseInOrderAndCompletes.json.gz \
  | grep -c '"markerName": "LocalActivity"')"
