#!/usr/bin/env bash
# Benchmark (not run by the tests): `zjlearn fix` on a submission whose national video is a 5-minute 1080p30
# phone-like clip (H.264 with sensor-like noise, AAC), as the issue asks: converted in at most about its own
# duration on this machine? Prints the wall time and peak RSS of the whole run (validation, conversion, the copy's
# validation), the speed relative to real time, and the quality of the converted picture: ffmpeg's SSIM and PSNR of
# the converted video against the source put through the same scale and frame-rate filters losslessly (so only the
# H.264 encoding loss is measured). Then the x264 presets on the first 60 s of the same source, for the choice.
#
#   flock /tmp/zjlearn-verify.lock scripts/bench-fix.sh
#   SECONDS_LONG=60 PRESETS="veryfast" scripts/bench-fix.sh     # a quicker look
#
# Environment: BENCH_DIR (default /tmp/zjlearn-bench-fix, about 1 GB), SECONDS_LONG (300), PRESETS
# ("ultrafast superfast veryfast faster fast"), KEEP=1 keeps BENCH_DIR. Needs ffmpeg and GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

BENCH_DIR=${BENCH_DIR:-/tmp/zjlearn-bench-fix}
SECONDS_LONG=${SECONDS_LONG:-300}
PRESETS=${PRESETS:-"ultrafast superfast veryfast faster fast"}
for tool in ffmpeg /usr/bin/time; do
  command -v "$tool" >/dev/null 2>&1 || { echo "bench: $tool is missing (apt-get install -y ffmpeg time)" >&2; exit 2; }
done
rm -rf "$BENCH_DIR"
mkdir -p "$BENCH_DIR"
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$BENCH_DIR"' EXIT
FF="ffmpeg -hide_banner -loglevel error -nostdin -y"

echo "bench: building zjlearn…" >&2
bin/zjlearn --version >/dev/null

# The source: 1080p30, about 16 Mbit/s like a phone's, with temporal noise so that the encoder has real work.
src="$BENCH_DIR/src.mp4"
echo "bench: making a ${SECONDS_LONG}-second 1080p30 source…" >&2
$FF -f lavfi -i "testsrc2=size=1920x1080:rate=30" -f lavfi -i "sine=frequency=440:sample_rate=48000" \
  -t "$SECONDS_LONG" -vf "noise=alls=12:allf=t" -c:v libx264 -preset ultrafast -b:v 16M -pix_fmt yuv420p \
  -c:a aac -b:a 128k "$src"

# One compliant submission from the samples, with the source as its national video.
sub="$BENCH_DIR/in/温州市/百姓学习之星/01-林美玲"
mkdir -p "$(dirname "$sub")"
cp -r samples/温州市/百姓学习之星/01-林美玲 "$sub"
cp "$src" "$sub/全国推荐材料/视频.mp4"

echo "bench: zjlearn fix…" >&2
/usr/bin/time -v bin/zjlearn fix "$sub" -o "$BENCH_DIR/out" -q > "$BENCH_DIR/fix.out" 2> "$BENCH_DIR/fix.time" || true
wall=$(grep "Elapsed (wall clock)" "$BENCH_DIR/fix.time" | awk '{print $NF}')
rss=$(grep "Maximum resident" "$BENCH_DIR/fix.time" | awk '{print $NF}')
out="$BENCH_DIR/out/温州市/百姓学习之星/01-林美玲/全国推荐材料/视频.mp4"
secs=$(echo "$wall" | awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
preset=$(grep -A12 "^  convert:" rules.yaml | grep "preset:" | awk '{print $2}')
crf=$(grep -A12 "^  convert:" rules.yaml | grep "crf:" | awk '{print $2}')

quality() { # $1 converted file, $2 source → "SSIM x PSNR y"
  ffmpeg -hide_banner -nostdin -i "$1" -i "$2" -lavfi \
    "[1:v]scale=1280:720:force_original_aspect_ratio=decrease,pad=1280:720:(ow-iw)/2:(oh-ih)/2,setsar=1,fps=25,split[r1][r2];[0:v]split[a][b];[a][r1]ssim;[b][r2]psnr" \
    -f null - 2>&1 | grep -E "SSIM|PSNR" | sed -E 's/.*(SSIM [^(]*All:[0-9.]+).*/\1/; s/.*(PSNR .*average:[0-9.inf]+).*/\1/' | tr '\n' ' '
}

echo
echo "zjlearn fix, ${SECONDS_LONG} s 1080p30 → 1280×720 25 fps (preset $preset, crf $crf):"
echo "  wall time $wall (${secs} s) = $(awk -v s="$secs" -v d="$SECONDS_LONG" 'BEGIN{printf "%.2f", s/d}') × the video's duration; peak RSS ${rss} KB (the JVM; ffmpeg is its child)"
echo "  input $(du -h "$src" | cut -f1), output $(du -h "$out" | cut -f1); $(quality "$out" "$src")"
grep -E "已转换|→|问题" "$BENCH_DIR/fix.out" | head -4 | sed 's/^/  /'

echo
echo "x264 presets on the first 60 s (same filters, crf $crf):"
head60="$BENCH_DIR/head60.mp4"
$FF -i "$src" -t 60 -c copy "$head60"
for p in $PRESETS; do
  o="$BENCH_DIR/preset-$p.mp4"
  start=$(date +%s.%N)
  $FF -i "$head60" -map 0:v:0 -map 0:a:0? \
    -vf "yadif=deint=interlaced,scale=1280:720:force_original_aspect_ratio=decrease,pad=1280:720:(ow-iw)/2:(oh-ih)/2,setsar=1,fps=25" \
    -r 25 -c:v libx264 -preset "$p" -crf "$crf" -profile:v high -pix_fmt yuv420p -c:a copy -movflags +faststart "$o"
  end=$(date +%s.%N)
  t=$(awk -v a="$start" -v b="$end" 'BEGIN{printf "%.1f", b-a}')
  echo "  $p: ${t} s for 60 s ($(awk -v t="$t" 'BEGIN{printf "%.2f", t/60}') × real time), $(du -h "$o" | cut -f1), $(quality "$o" "$head60")"
done
