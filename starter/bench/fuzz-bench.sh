#!/usr/bin/env bash
# Times `greenlight fuzz` (v3.4 plan, a fixed seed) against its floor: Temporal's test environment
# alone running as many workflows, in the same lanes and batches, each doing as many 5-minute polls
# (timer + local activity) as a healthy v3.4 rollout (PollFloor). Both are whole processes with
# full JIT, in alternating rounds so machine drift hits both alike. Prints each round, the medians,
# their ratio and the seconds per trace. Needs PostgreSQL and Redis: GREENLIGHT_DB_URL and REDIS_URL
# (default: 127.0.0.1 with user postgres, database test).
#
# usage: starter/bench/fuzz-bench.sh [traces] [rounds]   (defaults 100 and 1)
set -euo pipefail
cd "$(dirname "$0")/../.."
TRACES="${1:-100}"
ROUNDS="${2:-1}"
LANES=2
BATCH=16
DB="${GREENLIGHT_DB_URL:-jdbc:postgresql://127.0.0.1:5432/test?user=postgres}"
REDIS="${REDIS_URL:-redis://127.0.0.1:6379}"

# shellcheck source=floor-setup.sh
source "starter/bench/floor-setup.sh"
echo "floor: $TRACES workflows of $POLLS polls, $LANES lanes × $BATCH at once; fuzz: $TRACES traces, seed 1"

run_floor() {
  java -cp "$FLOOR_CP" dev.greenlight.starter.bench.PollFloor \
    "$POLLS" "$TRACES" "$LANES" "$BATCH" >/dev/null 2>"$WORK/floor.err"
}
run_command() {
  ./greenlight fuzz --traces "$TRACES" --seed 1 --lanes "$LANES" --batch "$BATCH" --json \
    --out "$WORK/findings" --db "$DB" --redis "$REDIS" >"$WORK/round.json"
}
report_round() {
  printf 'round %d: floor %.1f s, fuzz %.1f s (violations %s), ratio %.2f\n' \
    "$1" "$floor" "$full" "$(json_field "$WORK/round.json" 'len(doc["violations"])')" \
    "$(ratio "$full" "$floor")"
}
time_rounds "$ROUNDS"
printf 'median: floor %.1f s, fuzz %.1f s, fuzz / floor = %.2f; %.2f s per trace, 1,000 traces ≈ %.1f min\n' \
  "$median_floor" "$median_full" "$(ratio "$median_full" "$median_floor")" \
  "$(ratio "$median_full" "$TRACES")" "$(echo "$median_full / $TRACES * 1000 / 60" | bc -l)"
load_average_after
