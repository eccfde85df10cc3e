#!/usr/bin/env bash
# Benchmark (not run by the tests): `zjlearn validate` on a unit sent as an archive with a large national
# video, against the same unit unpacked into a folder. Prints wall time, bytes read (rchar: every read()
# of the process tree, page cache included), bytes written (wchar: what went to the private temporary
# folder) and peak RSS for:
#   folder        the unpacked unit folder
#   stored.zip    zip -r -0 of it (the video stored: its header is read in place)
#   deflated.zip  zip -r -1 of it (the video deflated: decompressed once into the temporary folder)
#
#   scripts/bench-archive.sh                 # a 1 GiB video (VIDEO_MIB=1024)
#   VIDEO_MIB=256 RUNS=1 scripts/bench-archive.sh
#
# Environment: BENCH_DIR (default /tmp/zjlearn-bench-archive; needs about 4 × VIDEO_MIB free), VIDEO_MIB,
# RUNS (3; the median is printed), KEEP=1 to keep BENCH_DIR. Needs zip and GNU time
# (apt-get install -y zip time). Before each run the page cache is dropped (as root) and the input read once.
set -euo pipefail
cd "$(dirname "$0")/.."

BENCH_DIR=${BENCH_DIR:-/tmp/zjlearn-bench-archive}
VIDEO_MIB=${VIDEO_MIB:-1024}
RUNS=${RUNS:-3}
for tool in /usr/bin/time zip; do
  command -v "$tool" >/dev/null 2>&1 || { echo "bench: $tool is missing (apt-get install -y time zip)" >&2; exit 2; }
done

echo "bench: building zjlearn and the test classes…" >&2
mvn -B -q -DskipTests package test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test >/dev/null
bin/zjlearn --version >/dev/null

rm -rf "$BENCH_DIR"
mkdir -p "$BENCH_DIR"
province="$BENCH_DIR/全省材料"
echo "bench: writing a unit with a ${VIDEO_MIB} MiB video…" >&2
java -cp "target/test-classes:target/classes:$(cat target/cp.txt)" zjlearn.testing.BenchProvince \
  "$province" "$VIDEO_MIB" 0 0 2>/dev/null
folder="$province/杭州市"
(cd "$province" && zip -qr -0 "$BENCH_DIR/stored.zip" 杭州市)
echo "bench: deflating it (zip -1)…" >&2
(cd "$province" && zip -qr -1 "$BENCH_DIR/deflated.zip" 杭州市)
ls -l "$BENCH_DIR"/*.zip >&2

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
settle() {
  sync
  if [ -w /proc/sys/vm/drop_caches ]; then echo 1 > /proc/sys/vm/drop_caches; fi
  cat "$1" >/dev/null 2>&1 || find "$1" -type f -exec cat {} + >/dev/null
  bin/zjlearn --version >/dev/null
}
measure() { # name, input
  local walls=() reads=() writes=() peaks=()
  for ((i = 1; i <= RUNS; i++)); do
    settle "$2"
    # /proc/$$/io of the shell includes the I/O of its children once they have exited
    out=$(bash -c '/usr/bin/time -f "TIME %e %M" bin/zjlearn validate "$1" --format json -o /dev/null -q 2>&1 >/dev/null; cat /proc/$$/io' _ "$2" 2>&1)
    walls+=("$(awk '/^TIME/ {print $2}' <<<"$out")")
    peaks+=("$(awk '/^TIME/ {printf "%.0f", $3 / 1024}' <<<"$out")")
    reads+=("$(awk '/^rchar/ {printf "%.0f", $2 / 1048576}' <<<"$out")")
    writes+=("$(awk '/^wchar/ {printf "%.0f", $2 / 1048576}' <<<"$out")")
  done
  printf "%-14s %8s s %10s MiB %10s MiB %8s MB\n" "$1" \
    "$(printf '%s\n' "${walls[@]}" | median)" "$(printf '%s\n' "${reads[@]}" | median)" \
    "$(printf '%s\n' "${writes[@]}" | median)" "$(printf '%s\n' "${peaks[@]}" | median)"
}
echo
echo "zjlearn validate, ${VIDEO_MIB} MiB video, median of $RUNS run(s):"
printf "%-14s %10s %14s %14s %11s\n" input wall "bytes read" "bytes written" "peak RSS"
measure folder "$folder"
measure stored.zip "$BENCH_DIR/stored.zip"
measure deflated.zip "$BENCH_DIR/deflated.zip"
[ "${KEEP:-0}" = 1 ] || rm -rf "$BENCH_DIR"
