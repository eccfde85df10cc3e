package zjlearn.check;

import zjlearn.rules.Rule;
import zjlearn.probe.ProbedFile;
import zjlearn.probe.video.VideoFacts;
import zjlearn.rules.Rules;
import zjlearn.scan.Submission;

import java.util.Locale;

/**
 * {@code video.*}: the national video against the notice's “MP4 格式，编码：H.264，分辨率：1280*720P，
 * 帧率：25，视频时间 4-5 分钟”, as DESIGN.md's "Video decisions" read it — judged from the headers
 * only. Every failure carries the ffmpeg command that would make the file compliant.
 */
public final class VideoCheck implements Check {
    @Override
    public void run(Validation v, FindingSink sink) {
        Rules.Video rule = v.rules().video();
        if (rule == null) {
            return;
        }
        for (Submission s : v.scan().submissions()) {
            for (ProbedFile f : v.files(s)) {
                if (f.video() != null && rule.role().equals(f.role())) {
                    check(rule, f, s.path(), sink);
                }
            }
        }
    }

    private static void check(Rules.Video rule, ProbedFile f, String submission, FindingSink findings) {
        VideoFacts video = f.video();
        String path = f.file().relPath();
        String name = f.file().name();
        String out = stem(name) + "_合规.mp4";
        Replacing sink = new Replacing(findings, name, out);
        String reencode = reencode(rule, name, out);
        if (video.truncated()) {
            sink.add(Rule.FILE_UNREADABLE, submission, path,
                    Msg.of("视频文件不完整：文件头记录的内容超出了文件末尾（{0} 字节，应至少 {1} 字节），可能复制或上传没有完成",
                            "the video is truncated: its headers point past the end of the file ({0} bytes, at least {1} needed)",
                            String.valueOf(video.fileSize()), String.valueOf(video.dataEnd())),
                    Msg.of("完整的视频文件", "a complete video file"), Msg.of("文件被截断", "truncated"),
                    Msg.of("从原始文件重新复制或导出视频", "copy or export the video again from the original"));
        }
        boolean mp4 = "mp4".equals(video.container()) && (rule.brands().contains(trim(video.majorBrand()))
                || video.compatibleBrands().stream().map(VideoCheck::trim).anyMatch(rule.brands()::contains));
        if (!mp4) {
            String actual = video.detectedType() == null ? video.container()
                    : video.detectedType().displayName(Locale.CHINA);
            String actualEn = video.detectedType() == null ? video.container()
                    : video.detectedType().displayName(Locale.ENGLISH);
            sink.add(Rule.VIDEO_CONTAINER, submission, path,
                    Msg.of("视频不是 MP4 格式，实际是{0}（文件类型标记 {1}）", "the video is not an MP4 file but a {0} (brand {1})",
                            Msg.of(actual, actualEn), video.majorBrand() == null ? "无" : trim(video.majorBrand())),
                    Msg.of("MP4（ISO 媒体文件，品牌 {0}）", "MP4 (ISO media file, brand {0})", String.join("/", rule.brands())),
                    Msg.of(actual, actualEn),
                    Msg.of("改名不能改变格式；用 ffmpeg 转封装（不损失画质）：ffmpeg -i \"{0}\" -c copy -movflags +faststart \"{1}\"；若仍有其他问题，按其提示重新编码",
                            "renaming does not change the format; remux it (no quality loss): ffmpeg -i \"{0}\" -c copy -movflags +faststart \"{1}\"",
                            name, out));
        }
        if (video.videoTrackCount() == 0 || video.codec() == null) {
            sink.add(Rule.VIDEO_CODEC, submission, path,
                    Msg.of("文件中没有视频画面（没有视频轨道）", "the file holds no video track"),
                    Msg.of("H.264 视频", "H.264 video"), Msg.of("无视频轨道", "no video track"),
                    Msg.of("重新导出带画面的视频：{0}", "export the video again with its picture: {0}", reencode));
            return;
        }
        if (!rule.codecs().contains(video.codec())) {
            sink.add(Rule.VIDEO_CODEC, submission, path,
                    Msg.of("视频编码不是 H.264，而是 {0}", "the video codec is not H.264 but {0}", codecName(video.codec())),
                    Msg.of("H.264（{0}）", "H.264 ({0})", String.join("/", rule.codecs())), Msg.literal(codecName(video.codec())),
                    Msg.of("用 H.264 重新编码：{0}", "re-encode as H.264: {0}", reencode));
        }
        boolean rotated = video.rotation() == 90 || video.rotation() == 270;
        boolean square = video.pixelAspect() == null || "1:1".equals(video.pixelAspect());
        if (video.displayWidth() != rule.width() || video.displayHeight() != rule.height() || !square) {
            Msg why = rotated
                    ? Msg.of("（画面旋转了 {0}°，播放时显示为竖屏）", " (rotated by {0}°, so it plays in portrait)", String.valueOf(video.rotation()))
                    : !square ? Msg.of("（像素宽高比 {0}，编码尺寸 {1}×{2}）", " (pixel aspect {0}, coded {1}×{2})", video.pixelAspect(),
                    String.valueOf(video.codedWidth()), String.valueOf(video.codedHeight()))
                    : Msg.of("", "");
            sink.add(Rule.VIDEO_RESOLUTION, submission, path,
                    Msg.of("视频分辨率不是 {0}×{1}：显示为 {2}×{3}{4}", "the video is not {0}×{1}: it displays as {2}×{3}{4}",
                            String.valueOf(rule.width()), String.valueOf(rule.height()),
                            String.valueOf(video.displayWidth()), String.valueOf(video.displayHeight()), why),
                    Msg.of("{0}×{1}，横屏，像素宽高比 1:1", "{0}×{1}, landscape, square pixels", String.valueOf(rule.width()), String.valueOf(rule.height())),
                    Msg.of("{0}×{1}", "{0}×{1}", String.valueOf(video.displayWidth()), String.valueOf(video.displayHeight())),
                    Msg.of("缩放（必要时加黑边）为 {0}×{1} 后重新编码：{2}", "scale (padding if needed) to {0}×{1} and re-encode: {2}",
                            String.valueOf(rule.width()), String.valueOf(rule.height()), reencode));
        }
        if (Boolean.TRUE.equals(rule.progressive())) {
            if (video.progressive() == null) {
                if (rule.codecs().contains(video.codec())) {
                    sink.add(Rule.CHECK_NOT_RUN, submission, path,
                            Msg.of("无法从文件头判断视频是否为逐行扫描（H.264 参数集不在文件头中）", "cannot tell from the headers whether the video is progressive (no SPS in the header)"),
                            Msg.of("逐行扫描", "progressive"), Msg.of("未知", "unknown"),
                            Msg.of("如不确定，可按此命令重新编码：{0}", "if unsure, re-encode with: {0}", reencode));
                }
            } else if (!video.progressive()) {
                sink.add(Rule.VIDEO_SCAN, submission, path,
                        Msg.of("视频是隔行扫描{0}，720P 应为逐行扫描", "the video is interlaced{0}; 720P is progressive",
                                video.mbaff() ? Msg.of("（MBAFF）", " (MBAFF)") : Msg.of("", "")),
                        Msg.of("逐行扫描（p）", "progressive"), Msg.of("隔行扫描（i）", "interlaced"),
                        Msg.of("去隔行后重新编码：{0}", "deinterlace and re-encode: {0}", reencodeDeinterlaced(rule, name, out)));
            }
        }
        double fps = video.fps();
        if (!video.constantFrameRate()) {
            sink.add(Rule.VIDEO_FPS, submission, path,
                    Msg.of("视频是可变帧率（平均 {0} 帧/秒，每帧时长在 {1}–{2} 之间变化），要求恒定 {3} 帧/秒",
                            "the video has a variable frame rate (average {0} fps, frame durations vary from {1} to {2}); a constant {3} fps is required",
                            fmt(fps), String.valueOf(video.minDelta()), String.valueOf(video.maxDelta()), fmt(rule.fps())),
                    Msg.of("恒定 {0} 帧/秒", "constant {0} fps", fmt(rule.fps())),
                    Msg.of("可变帧率，平均 {0}", "variable, average {0}", fmt(fps)),
                    Msg.of("手机拍摄的视频常为可变帧率，按恒定 {0} 帧/秒重新编码：{1}", "phone videos are often variable; re-encode at a constant {0} fps: {1}",
                            fmt(rule.fps()), reencode));
        } else if (Math.abs(fps - rule.fps()) > 0.01) {
            sink.add(Rule.VIDEO_FPS, submission, path,
                    Msg.of("视频帧率是 {0} 帧/秒，要求 {1} 帧/秒", "the frame rate is {0} fps; {1} fps is required", fmt(fps), fmt(rule.fps())),
                    Msg.of("{0} 帧/秒", "{0} fps", fmt(rule.fps())), Msg.of("{0} 帧/秒", "{0} fps", fmt(fps)),
                    Msg.of("按 {0} 帧/秒重新编码：{1}", "re-encode at {0} fps: {1}", fmt(rule.fps()), reencode));
        }
        double seconds = video.durationSeconds();
        double frame = fps > 0 ? 1 / fps : 1 / rule.fps();
        if (seconds < rule.minSeconds() - frame || seconds > rule.maxSeconds() + frame) {
            boolean tooShort = seconds < rule.minSeconds();
            sink.add(Rule.VIDEO_DURATION, submission, path,
                    Msg.of("视频时长 {0}，要求 {1}–{2}", "the video lasts {0}; {1} to {2} is required", clock(seconds),
                            clock(rule.minSeconds()), clock(rule.maxSeconds())),
                    Msg.of("{0}–{1}（{2}–{3} 秒）", "{0}–{1} ({2}–{3} s)", clock(rule.minSeconds()), clock(rule.maxSeconds()),
                            fmt(rule.minSeconds()), fmt(rule.maxSeconds())),
                    Msg.of("{0}（{1} 秒）", "{0} ({1} s)", clock(seconds), fmt(seconds)),
                    tooShort
                            ? Msg.of("视频太短，需要重新剪辑补充内容，使时长达到 {0} 以上", "too short: edit in more material to reach at least {0}", clock(rule.minSeconds()))
                            : Msg.of("剪短到 {0} 以内，例如只保留前 {0}：ffmpeg -i \"{1}\" -t {2} -c copy -movflags +faststart \"{3}\"（或在剪辑软件中删减）",
                            "cut it to at most {0}, e.g. keep the first {0}: ffmpeg -i \"{1}\" -t {2} -c copy -movflags +faststart \"{3}\"",
                            clock(rule.maxSeconds()), name, fmt(rule.maxSeconds()), out));
        }
        if (Boolean.TRUE.equals(rule.requireAudio()) && video.audioCodec() == null) {
            sink.add(Rule.VIDEO_AUDIO, submission, path,
                    Msg.of("视频没有声音（没有音频轨道），可能是导出时漏掉了音频", "the video has no sound (no audio track); the audio may have been left out on export"),
                    Msg.of("有解说或背景音", "narration or background sound"), Msg.of("无音频", "no audio"),
                    Msg.of("在剪辑软件中重新导出并勾选音频；或用 ffmpeg 加入配音：ffmpeg -i \"{0}\" -i 配音.m4a -map 0:v -map 1:a -c:v copy -c:a aac -shortest \"{1}\"",
                            "export it again with audio, or add a soundtrack: ffmpeg -i \"{0}\" -i sound.m4a -map 0:v -map 1:a -c:v copy -c:a aac -shortest \"{1}\"",
                            name, out));
        }
    }

    /**
     * Adds findings whose fix writes a new file with the instruction to replace the original by it: the new
     * file left beside the original would be a second video, and so a new error.
     */
    private record Replacing(FindingSink sink, String in, String out) {
        void add(Rule rule, String submission, String file, Msg message, Msg expected, Msg actual, Msg fix) {
            Msg full = fix != null && fix.render(Locale.ROOT).contains(out)
                    ? Msg.of("{0}；然后用生成的“{1}”替换原来的“{2}”（把原视频移出报送文件夹另存），否则会有两个视频",
                    "{0}; then replace \"{2}\" with the new \"{1}\" (move the original out of the folder sent), or there will be two videos",
                    fix, out, in)
                    : fix;
            sink.add(rule, submission, file, message, expected, actual, full);
        }
    }

    /** The one command that turns any video into a compliant one (the duration aside). */
    static String reencode(Rules.Video rule, String in, String out) {
        return String.format(Locale.ROOT,
                "ffmpeg -i \"%s\" -vf \"scale=%d:%d:force_original_aspect_ratio=decrease,pad=%d:%d:(ow-iw)/2:(oh-ih)/2,setsar=1,fps=%s\" "
                        + "-c:v libx264 -profile:v high -pix_fmt yuv420p -crf 20 -c:a aac -b:a 128k -movflags +faststart \"%s\"",
                in, rule.width(), rule.height(), rule.width(), rule.height(), fmt(rule.fps()), out);
    }

    private static String reencodeDeinterlaced(Rules.Video rule, String in, String out) {
        return reencode(rule, in, out).replace("-vf \"scale=", "-vf \"yadif,scale=");
    }

    private static String codecName(String fourcc) {
        return switch (fourcc) {
            case "hvc1", "hev1" -> "H.265/HEVC（" + fourcc + "）";
            case "mp4v" -> "MPEG-4 Part 2（mp4v）";
            case "av01" -> "AV1（av01）";
            case "vp09" -> "VP9（vp09）";
            default -> fourcc;
        };
    }

    private static String trim(String brand) {
        return brand == null ? "" : brand.strip();
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    static String fmt(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.3f", value).replaceAll("0+$", "");
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
