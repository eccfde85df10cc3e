#!/usr/bin/env bash
# Fuzzes one probe with Jazzer for as long as asked; new crashes land in
# src/test/resources/zjlearn/fuzz/ProbesFuzzTestInputs/<target>/ as regression inputs.
#   scripts/fuzz.sh videoProbe|formReader|imageProbe [DURATION, e.g. 10m]
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: scripts/fuzz.sh videoProbe|formReader|imageProbe [duration]}
duration=${2:-5m}
JAZZER_FUZZ=1 mvn -B -q test -Dtest="ProbesFuzzTest#$target" -Djazzer.max_duration="$duration" \
  -Dsurefire.failIfNoSpecifiedTests=false -DargLine="-Xmx1g -Djazzer.max_duration=$duration"
