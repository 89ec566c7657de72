#!/usr/bin/env bash
# Builds the JMH jar, runs the chosen benchmarks, writes the JSON results and prints them as a
# Markdown table (median ms/op with the spread of the measured iterations, ops/s, and each
# variant's time relative to the fastest one of its workload in this run).
#
#   benchmarks/run.sh                                  # every benchmark (about an hour)
#   benchmarks/run.sh GruBenchmark Conv2dBenchmark     # a subset: JMH regexps and options
#   benchmarks/run.sh Gemm -p backend=onednn,vector    # any JMH option passes through
#   benchmarks/run.sh --smoke                          # every benchmark, one short iteration each
#   benchmarks/run.sh --no-build ...                   # reuse benchmarks/target/benchmarks.jar
#
# Results: benchmarks/results/<UTC date-time>.json (JMH's format) and .md beside it.
# Environment: OMP_NUM_THREADS (default 2) for oneDNN; MVN_FLAGS for the build (e.g. "-o").
# On a shared machine, hold your build lock around the whole call so no build runs beside it.
set -euo pipefail
cd "$(dirname "$0")/.."

build=1
smoke=0
jmh_args=()
for arg in "$@"; do
  case "$arg" in
    --smoke) smoke=1 ;;
    --no-build) build=0 ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) jmh_args+=("$arg") ;;
  esac
done

. .mvn/find-jdk.sh   # sets JAVA_HOME to a JDK 25+, as ./mvnw does
set +f
if [ "$build" = 1 ]; then
  # shellcheck disable=SC2086
  ./mvnw -q ${MVN_FLAGS-} package -pl benchmarks -am -DskipTests
fi

export OMP_NUM_THREADS="${OMP_NUM_THREADS:-2}"
stamp="$(date -u +%Y-%m-%dT%H%M%SZ)"
mkdir -p benchmarks/results
json="benchmarks/results/$stamp.json"
log="benchmarks/results/$stamp.log"
if [ "$smoke" = 1 ]; then
  # One fork, no warmup, one 100 ms iteration (at least one call) per benchmark and parameter set.
  jmh_args=(-f 1 -wi 0 -i 1 -r 100ms "${jmh_args[@]}")
fi

start=$(date +%s)
"$JAVA_HOME/bin/java" --add-modules=jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
  -jar benchmarks/target/benchmarks.jar "${jmh_args[@]}" -foe false -rf json -rff "$json" 2>&1 | tee "$log"
seconds=$(( $(date +%s) - start ))

# Benchmarks that refuse a parameter combination (e.g. the reference backend at seconds per call)
# fail in their setup with a message containing "skipped"; any other failure is a real one.
failures=$(grep -c '<failure>' "$log" || true)
skips=$(grep -cE 'Exception: .*skipped' "$log" || true)
python3 benchmarks/format_results.py "$json" --title "$stamp, $(nproc) CPUs, OMP_NUM_THREADS=$OMP_NUM_THREADS" \
  | tee "benchmarks/results/$stamp.md"
echo
echo "wrote $json and benchmarks/results/$stamp.md in ${seconds} s; $failures failed, of which $skips skipped on purpose"
if [ "$failures" -gt "$skips" ]; then
  echo "FAILED: $((failures - skips)) benchmark(s) failed; see $log" >&2
  exit 1
fi
