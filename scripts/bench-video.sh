#!/usr/bin/env bash
# Benchmark: validate a province holding many large national videos (moov at the end) and report
# wall time, bytes read from each video, peak memory — and ffprobe's time on the same files.
#
#   scripts/bench-video.sh [COUNT] [SECONDS] [BITRATE]     defaults: 20 videos, 270 s, 8M (≈ 270 MB each)
#
# Needs ffmpeg, strace and GNU time (apt-get install -y ffmpeg strace time). Works in a scratch folder
# under ${BENCH_DIR:-/tmp/zjlearn-bench}; the encoded master is kept between runs.
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-20}
seconds=${2:-270}
bitrate=${3:-8M}
work=${BENCH_DIR:-/tmp/zjlearn-bench}
mkdir -p "$work"
master="$work/master-${seconds}s-${bitrate}.mp4"

if [ ! -f "$master" ]; then
  echo "encoding a ${seconds} s 1280x720 25 fps H.264 master at ${bitrate} (moov at the end)…" >&2
  ffmpeg -v error -f lavfi -i "testsrc2=size=1280x720:rate=25,noise=alls=40:allf=t" -f lavfi -i "sine=frequency=440" \
    -t "$seconds" -c:v libx264 -preset ultrafast -b:v "$bitrate" -maxrate "$bitrate" -bufsize 2M -pix_fmt yuv420p \
    -c:a aac -b:a 64k "$master"
fi
size=$(stat -c %s "$master")

root="$work/province"
rm -rf "$root"
bin/zjlearn --version >/dev/null   # build the jar outside the timing
# Each video goes into a national candidate's folder cloned from a compliant sample nominee.
template=samples/温州市/百姓学习之星/01-林美玲
for i in $(seq -w 1 "$count"); do
  dir="$root/温州市/百姓学习之星/$i-候选人$i"
  mkdir -p "$dir"
  cp -r "$template"/. "$dir"/
  cp "$master" "$dir/全国推荐材料/视频.mp4"
done
sync

echo "== zjlearn validate: $count videos of $((size / 1000000)) MB =="
trace="$work/strace.txt"
/usr/bin/time -f "wall %e s, peak RSS %M KB" -o "$work/time.txt" \
  strace -f -qq -e trace=read,pread64,readv,preadv -y -o "$trace" \
  bin/zjlearn validate "$root" --format json -o "$work/report.json" --timings || true
cat "$work/time.txt"
python3 - "$trace" "$size" "$count" <<'PY'
import re, sys
trace, size, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
per = {}
for line in open(trace, encoding="utf-8", errors="replace"):
    m = re.search(r'\((\d+)<([^>]*\.mp4)>.*=\s*(\d+)$', line.strip())
    if m:
        per[m.group(2)] = per.get(m.group(2), 0) + int(m.group(3))
if per:
    vals = sorted(per.values())
    print(f"bytes read per video (strace): min {vals[0]}, max {vals[-1]} of {size} "
          f"({100.0 * vals[-1] / size:.4f} %), videos seen {len(per)}/{count}")
PY
echo "(strace slows the run; the same without strace:)"
/usr/bin/time -f "wall %e s, peak RSS %M KB" bin/zjlearn validate "$root" --format json -o "$work/report.json" --timings || true

echo "== ffprobe on the same $count files, one process each =="
start=$(date +%s.%N)
for f in "$root"/温州市/百姓学习之星/*/全国推荐材料/视频.mp4; do
  ffprobe -v error -show_streams -show_format -of json "$f" >/dev/null
done
end=$(date +%s.%N)
python3 -c "print(f'ffprobe total {float($end) - float($start):.2f} s for $count files')"
