#!/usr/bin/env bash
# Regenerates samples/ from zjlearn.testing.SamplesGenerator (test code, so each sample shows how it is built).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
rm -rf samples
java -cp "target/test-classes:target/classes:$(cat target/cp.txt)" zjlearn.testing.SamplesGenerator samples
find samples -type f | sort
