#!/usr/bin/env bash
# Measures what average bitrate libx264 gives for 1280×720 25 fps content at the rules file's encoder settings
# (libx264's defaults: CRF 23, preset medium) and at higher CRFs, with the SSIM against the source, to choose
# video.bitrate's minimum in rules.yaml. Two synthetic clips stand in for the national video's two kinds of shots
# (no real footage is shipped): a "talking head" (a textured still background with camera noise and a moving
# central region) and a "landscape pan" (a detailed scene panned across the frame, with camera noise).
# Run once, alone (it takes a few minutes on 2 cores):  scripts/bench-video-bitrate.sh [seconds]
set -euo pipefail
SECS=${1:-15}
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
FF="ffmpeg -nostdin -hide_banner -loglevel error -y"
# lossless-ish sources (ffv1 in mkv), so every encode starts from the same frames
$FF -f lavfi -i "mandelbrot=s=1280x720:rate=25:maxiter=300" \
    -f lavfi -i "testsrc2=s=360x460:rate=25" \
    -filter_complex "[0:v]trim=end_frame=1,loop=-1:1,setpts=N/25/TB,gblur=sigma=2[bg];[bg][1:v]overlay=x='460+20*sin(t*1.3)':y='200+10*sin(t*0.7)',noise=alls=3:allf=t,format=yuv420p[v]" \
    -map "[v]" -t "$SECS" -c:v ffv1 "$OUT/head.mkv"
$FF -f lavfi -i "mandelbrot=s=3840x720:rate=25:maxiter=300" \
    -vf "trim=end_frame=1,loop=-1:1,setpts=N/25/TB,crop=1280:720:x='t*60':y=0,noise=alls=3:allf=t,format=yuv420p" \
    -t "$SECS" -c:v ffv1 "$OUT/pan.mkv"
printf '%-6s %4s %10s %8s\n' clip crf kbit/s ssim
for clip in head pan; do
  # "23" is libx264's default (CRF 23, preset medium); the others show where blockiness sets in
  for crf in 23 30 37; do
    $FF -i "$OUT/$clip.mkv" -c:v libx264 -pix_fmt yuv420p -crf "$crf" "$OUT/$clip-$crf.mp4"
    bytes=$(ffprobe -v error -select_streams v:0 -show_entries packet=size -of csv=p=0 "$OUT/$clip-$crf.mp4" | paste -sd+ | bc)
    ssim=$(ffmpeg -nostdin -hide_banner -i "$OUT/$clip-$crf.mp4" -i "$OUT/$clip.mkv" -lavfi ssim -f null - 2>&1 | sed -n 's/.*All:\([0-9.]*\).*/\1/p')
    printf '%-6s %4s %10.0f %8s\n' "$clip" "$crf" "$(echo "$bytes*8/$SECS/1000" | bc -l)" "$ssim"
  done
done
