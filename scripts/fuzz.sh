#!/usr/bin/env bash
# Fuzzes one probe with Jazzer. Each round runs for the target's maxDuration (30 s, see ProbesFuzzTest)
# and keeps the corpus it grew, so more rounds fuzz longer. A crash fails the run and leaves its input in
# src/test/resources/zjlearn/fuzz/ProbesFuzzTestInputs/<target>/, where the normal test run replays it.
#   scripts/fuzz.sh videoProbe|formReader|imageProbe [ROUNDS, default 1]
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: scripts/fuzz.sh videoProbe|formReader|imageProbe [rounds]}
rounds=${2:-1}
for round in $(seq 1 "$rounds"); do
  echo "== $target, round $round of $rounds ==" >&2
  JAZZER_FUZZ=1 mvn -B -q test-compile surefire:test@fuzz-regression -Dtest="ProbesFuzzTest#$target" \
    -Dsurefire.failIfNoSpecifiedTests=false
done
