#!/usr/bin/env bash
# Times the README's main command, `./greenlight rehearse` (v3.4 plan, happy scenario, 10,000 rows,
# embedded PostgreSQL and Redis unless GREENLIGHT_DB_URL / REDIS_URL are set), against its floor:
# Temporal's test environment alone doing the same number of 5-minute polls (PollFloor), in
# alternating rounds so machine drift hits both alike. Both are whole processes, JVM start to exit,
# with the launcher's JVM flags. Prints each round and the ratio of the medians.
#
# usage: starter/bench/rehearse-bench.sh [rounds]   (default 3)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS="${1:-3}"

# shellcheck source=floor-setup.sh
source "starter/bench/floor-setup.sh"
echo "polls per rehearsal: $POLLS (from the recorded healthy-rollout history)"

run_floor() {
  java -XX:TieredStopAtLevel=1 -cp "$FLOOR_CP" \
    dev.greenlight.starter.bench.PollFloor "$POLLS" >/dev/null 2>"$WORK/floor.err"
}
run_command() { ./greenlight rehearse --json >"$WORK/round.json"; }
report_round() {
  printf 'round %d: floor %.2f s, rehearse %.2f s (its own clock %s s), ratio %.2f\n' \
    "$1" "$floor" "$full" "$(json_field "$WORK/round.json" 'round(doc["wallSeconds"], 2)')" \
    "$(ratio "$full" "$floor")"
}
time_rounds "$ROUNDS"
printf 'median: floor %.2f s, rehearse %.2f s, rehearse / floor = %.2f (target: rehearse < 15 s)\n' \
  "$median_floor" "$median_full" "$(ratio "$median_full" "$median_floor")"
load_average_after
