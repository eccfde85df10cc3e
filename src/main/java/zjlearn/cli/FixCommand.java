package zjlearn.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import zjlearn.ValidationResult;
import zjlearn.i18n.Msg;
import zjlearn.fix.FfmpegLocator;
import zjlearn.fix.FixReport;
import zjlearn.fix.Fixer;
import zjlearn.fix.PhotoConverter;
import zjlearn.fix.Plan;
import zjlearn.fix.Planner;
import zjlearn.fix.VideoConverter;
import zjlearn.probe.ProbedFile;
import zjlearn.report.ReportFormat;
import zjlearn.rules.Rules;
import zjlearn.scan.ScanResult;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "fix", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        header = "把能转换的问题转换好，写出一份修改后的副本并检查它（原文件不动）",
        description = {"把 FOLDER 复制到 OUTDIR/<FOLDER 的名字>：视频按规则重新编码或转封装为 MP4，HEIC/WebP/BMP/TIFF 照片转换为 JPG，",
                "按 EXIF 方向摆正照片，比例不对的证件照以中心为准裁剪；其余文件逐字节复制。然后检查副本，列出修改清单和副本的报告。",
                "视频转换需要 ffmpeg：--ffmpeg 指定的，或环境变量 ZJLEARN_FFMPEG，或 PATH 中的，或 zjlearn 随附的（见 README）。"},
        footerHeading = "%n退出码：%n",
        footer = {"  0  副本没有错误（可有警告）",
                "  1  副本仍有错误（见报告中的修改方法），或写入失败",
                "  2  用法错误、OUTDIR 在 FOLDER 之中、副本已存在（未加 --force）",
                "  3  没有找到推荐材料",
                "  4  程序内部错误",
                "  6  没有可用的 ffmpeg：照片已转换，视频原样复制、未转换",
                "130  被 Ctrl-C 中断（143：窗口被关闭或 kill），未完成的副本已删除",
                "",
                "示例：",
                "  zjlearn fix 杭州市 -o 修改后",
                "  zjlearn fix 杭州市 -o 修改后 --dry-run",
                "  zjlearn fix 杭州市 -o 修改后 --ffmpeg D:\\ffmpeg\\bin\\ffmpeg.exe"})
final class FixCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "FOLDER", descriptionKey = "folder", description = "要转换的文件夹（或压缩包）")
    Path folder;

    @Option(names = {"-o", "--output"}, paramLabel = "OUTDIR", required = true,
            description = "副本写入此文件夹（不能在 FOLDER 之中）")
    Path output;

    @Option(names = "--dry-run", description = "只列出计划的转换，不写任何文件")
    boolean dryRun;

    @Option(names = "--force", description = "替换 OUTDIR 中已有的同名副本")
    boolean force;

    @Option(names = "--ffmpeg", paramLabel = "FILE", description = "使用这个 ffmpeg 程序（不再查找其他的）")
    Path ffmpeg;

    @Option(names = "--strict", description = "副本有警告也算不通过")
    boolean strict;

    @Option(names = "--jobs", paramLabel = "N", converter = UsageErrors.PositiveInt.class, description = "同时读取的文件数（默认为 CPU 核数）")
    Integer jobs;

    @Option(names = {"-q", "--quiet"}, description = "不显示进度和提示")
    boolean quiet;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Locale locale = common.locale();
        boolean english = common.lang == CommonOptions.Lang.en;
        Rules rules = common.loadRules(err);
        if (rules == null || !common.inputFound(folder, err) || !common.outputAllowed(folder, output, err)) {
            return ExitCode.USAGE.code();
        }
        int threads = CommonOptions.threads(jobs);
        ValidationResult before = common.validate(rules, threads, folder, err, quiet);
        if (before == null) {
            return ExitCode.NOTHING.code();
        }
        ScanResult scan = before.validation().scan();
        Path source = Files.isDirectory(scan.root()) ? scan.root() : archiveRoot(before);
        if (source == null) {
            err.println(Msg.key("fix.cli.archive-unreadable", folder).render(locale));
            return ExitCode.FINDINGS.code();
        }
        List<String> chain = ancestors(source, scan.level());
        chain.add(copyName(Files.isDirectory(scan.root()) ? source : scan.root()));
        Path top = output.resolve(chain.get(0));
        Path copy = output;
        for (String name : chain) {
            copy = copy.resolve(name);
        }
        if (Files.exists(top) && !force && !dryRun) {
            err.println(Msg.key("fix.cli.exists", top).render(locale));
            return ExitCode.USAGE.code();
        }
        List<Path> besides = new ArrayList<>();
        if (scan.level() == ScanResult.Level.SUBMISSION) {
            scan.categoryFolders().forEach(c -> c.files().forEach(f -> besides.add(f.path())));
        }
        PhotoConverter photos = PhotoConverter.of(rules);
        Plan plan = new Planner(rules, photos).plan(before);
        VideoConverter videos = rules.video() == null ? null : new VideoConverter(rules.video());
        if (dryRun) {
            out.print(FixReport.plan(plan, videos, locale));
            out.flush();
            return ExitCode.OK.code();
        }
        zjlearn.fix.Ffmpeg found = null;
        if (plan.needsFfmpeg() && videos != null) {
            FfmpegLocator.Result located = FfmpegLocator.standard().locate(ffmpeg, videos.encoders());
            found = located.ffmpeg();
            if (found == null) {
                err.println(Msg.key("fix.cli.no-ffmpeg",
                        String.valueOf(plan.videos().size())).render(locale));
                located.tried().forEach(m -> err.println("  " + m.render(locale)));
                err.println(Msg.key("fix.cli.install-ffmpeg").render(locale));
            } else {
                note(err, Msg.key("fix.cli.using-ffmpeg", found.executable(), found.version()).render(locale));
            }
        }
        Map<Path, ProbedFile> probed = new HashMap<>();
        before.validation().probed().forEach((f, p) -> probed.put(f.path(), p));
        VideoMeter meter = new VideoMeter(err, quiet || !Terminal.stderr(), english);
        Fixer.Outcome outcome = new Fixer(rules, found, photos, meter)
                .run(plan, probed, source, top, chain.subList(1, chain.size()), besides, force);
        note(err, Msg.key("fix.cli.written", copy).render(locale));
        ValidationResult after = common.validate(rules, threads, copy, err, quiet);
        if (after == null) {
            return ExitCode.NOTHING.code();
        }
        out.print(FixReport.changes(outcome, locale));
        out.println();
        out.println(Msg.key("fix.cli.report-heading").render(locale));
        out.print(ReportFormat.text.render(after, locale, false, new Main.Version().getVersion()[0]));
        out.flush();
        return outcome.videosNoFfmpeg() > 0 ? ExitCode.NO_FFMPEG.code() : after.exitCode(strict);
    }

    /**
     * The folder of an archive given as FOLDER, as read in place: found from one of its files, whose path below it is
     * its report path after {@code name.zip!/}.
     */
    static Path archiveRoot(ValidationResult result) {
        for (zjlearn.scan.InputFile f : result.validation().probed().keySet()) {
            String rel = f.relPath();
            int bang = rel.indexOf("!/");
            if (bang < 0 || rel.indexOf("!/", bang + 2) >= 0) {
                continue; // not in the archive given, or in an archive inside it
            }
            Path p = f.path();
            int depth = rel.substring(bang + 2).split("/").length;
            for (int i = 0; i < depth && p != null; i++) {
                p = p.getParent();
            }
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    /**
     * The folders above a category (its unit) or a submission (its unit and category) that the scan read their
     * names from: the copy sits under the same names so that it is validated as the input was.
     */
    static List<String> ancestors(Path source, ScanResult.Level level) {
        int up = switch (level) {
            case CATEGORY -> 1;
            case SUBMISSION -> 2;
            default -> 0;
        };
        List<String> names = new ArrayList<>();
        Path p = source.toAbsolutePath().normalize();
        for (int i = 0; i < up && p.getParent() != null && p.getParent().getFileName() != null; i++) {
            p = p.getParent();
            names.add(0, p.getFileName().toString());
        }
        return names;
    }

    /** The copy's folder name: the folder's own (so that its level is recognised again), an archive's without extension. */
    static String copyName(Path folder) {
        String name = folder.toAbsolutePath().normalize().getFileName().toString();
        if (!Files.isDirectory(folder)) {
            int dot = name.lastIndexOf('.');
            if (dot > 0) {
                name = name.substring(0, dot);
            }
        }
        return name;
    }

    private void note(PrintWriter err, String line) {
        if (!quiet) {
            err.println(line);
            err.flush();
        }
    }

    /** "视频.mov  47%  1.8×  剩余 0:42" on one rewritten stderr line while a video converts. */
    static final class VideoMeter implements Fixer.Listener {
        private final TerminalLine line;
        private final boolean silent;
        private final boolean english;
        private String prefix = "";

        VideoMeter(PrintWriter err, boolean silent, boolean english) {
            this.line = new TerminalLine(err);
            this.silent = silent;
            this.english = english;
        }

        @Override
        public void videoStarted(String file, int index, int count) {
            prefix = (english ? "converting video " : "转换视频 ") + index + "/" + count + " " + file;
            if (!silent) {
                line.show(() -> prefix, true);
            }
        }

        @Override
        public void videoProgress(String file, double done, double total, double speed) {
            if (!silent) {
                line.show(() -> prefix + "  " + render(done, total, speed, english), false);
            }
        }

        @Override
        public void videoFinished(String file) {
            line.clear();
        }

        /** "47%  1.8×  剩余 0:42": percent of the length written, ffmpeg's speed, and the time left at that speed. */
        static String render(double done, double total, double speed, boolean english) {
            StringBuilder b = new StringBuilder();
            if (total > 0) {
                b.append(String.format(Locale.ROOT, "%3d%%", (int) Math.min(100, Math.floor(done / total * 100))));
            } else {
                b.append(clock(done));
            }
            if (speed > 0) {
                b.append(String.format(Locale.ROOT, "  %.1f×", speed));
                if (total > 0) {
                    b.append(english ? "  left " : "  剩余 ").append(clock(Math.max(0, total - done) / speed));
                }
            }
            return b.toString();
        }

        private static String clock(double seconds) {
            long s = Math.round(seconds);
            return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
        }
    }
}
