#!/usr/bin/env bash
# The corpus run: `inspect` and `validate` over real-world test corpora in one JVM with a memory cap and a
# per-file time limit, compared with `file --mime-type` and ffprobe (zjlearn.testing.CorpusRun).
#
#   scripts/corpus-run.sh [OUT_DIR] [NAME=DIR ...]
#
# Without corpora it runs over the committed real-world files (src/test/resources/realworld). Corpora used for
# the figures in the README (public repositories, checked out anywhere): Apache POI `test-data/`,
# Pillow `Tests/images/`, mp4parse-rust `mp4parse/tests/`, e.g.
#   scripts/corpus-run.sh target/corpus poi=/data/poi/test-data pillow=/data/Pillow/Tests/images mp4parse=/data/mp4parse-rust/mp4parse/tests
# Environment: CORPUS_XMX (heap cap, default 512m), CORPUS_LIMIT_MS (per-file time limit, default 30000).
# Needs `file`; ffprobe (Debian package ffmpeg) for the MP4 comparison.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-target/corpus}
shift || true
if [ $# -eq 0 ]; then
  set -- "committed=src/test/resources/realworld"
fi
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
command -v ffprobe >/dev/null || echo "ffprobe not found (apt-get install ffmpeg): no MP4 comparison" >&2
exec java -Xmx"${CORPUS_XMX:-512m}" -XX:+UseSerialGC -Dcorpus.limitMs="${CORPUS_LIMIT_MS:-30000}" \
  -Dlog4j2.level=OFF -cp "target/test-classes:target/classes:$(cat target/cp.txt)" \
  zjlearn.testing.CorpusRun "$out" "$@"
