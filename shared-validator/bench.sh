#!/usr/bin/env bash
# Runs the shared-validator benchmarks by hand (CI only compiles them):
#   1. JMH: validate() vs HashMap.get on the same strings, normalize(), ModeResolver.current(),
#      with the GC profiler (allocation per operation), then the validate/HashMap.get ratios;
#   2. flip propagation: 200 published flips to a second resolver on its own client, p50/p99.
# Redis: GREENLIGHT_TEST_REDIS_URL (e.g. redis://127.0.0.1:6379) when set, otherwise embedded.
# Arguments go to JMH and replace the short defaults below, e.g. ./bench.sh -f 1 ValidateBenchmark
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -q -B -pl shared-validator -am -Pbench test-compile
module=shared-validator/target
classpath="$module/test-classes:$module/classes:$(cat "$module/bench-classpath.txt")"

jmh_args=("$@")
if [ ${#jmh_args[@]} -eq 0 ]; then
  jmh_args=(-f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc 'dev.greenlight.validator.bench.*Benchmark')
fi
java -cp "$classpath" dev.greenlight.validator.bench.BenchMain "${jmh_args[@]}"
java -cp "$classpath" dev.greenlight.validator.bench.FlipPropagationBenchmark 200
