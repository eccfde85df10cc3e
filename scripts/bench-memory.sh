#!/usr/bin/env bash
# Peak memory (RSS) of `validate` on the samples and on a generated province of N submissions (default 100,
# zjlearn.testing.HundredProvince), with the launcher's JVM settings, each run RUNS times (default 3).
#   scripts/bench-memory.sh [N] [RUNS]
# Needs GNU time (/usr/bin/time). Not run by the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100}
runs=${2:-3}
mvn -B -q -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
province=target/bench-memory/province-$n
if [ ! -d "$province" ]; then
  mkdir -p target/bench-memory
  java -cp "target/test-classes:target/classes:$(cat target/cp.txt)" zjlearn.testing.HundredProvince "$province" "$n"
fi
jvm=(${BENCH_JVM:--Xmx1g -Xms32m -XX:+UseSerialGC})
measure() {
  local label=$1; shift
  for i in $(seq "$runs"); do
    /usr/bin/time -f "%M %e" -o target/bench-memory/time.txt java "${jvm[@]}" -jar target/zjlearn.jar "$@" \
      >/dev/null 2>&1 || true
    read -r kb secs < <(tail -n 1 target/bench-memory/time.txt)  # GNU time first notes a non-zero exit
    printf '%s\trun %d\t%d MB\t%s s\n' "$label" "$i" $((kb / 1024)) "$secs"
  done
}
echo "JVM: ${jvm[*]}"
measure "validate samples" validate samples
measure "validate province-$n ($(find "$province" -type f | wc -l) files)" validate "$province"
