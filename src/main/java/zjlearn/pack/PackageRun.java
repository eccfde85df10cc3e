package zjlearn.pack;

import zjlearn.AtomicFiles;
import zjlearn.PartialFiles;

import zjlearn.report.ReportFormat;
import zjlearn.rules.Rule;

import zjlearn.check.Msg;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * One {@code zjlearn package} run after validation: refuse what must not happen (overwriting without
 * {@code --force}, writing into the input), write each unit's archive, then {@code 汇总表.xlsx} and
 * {@code report.json}, and print the summary.
 */
public final class PackageRun {
    public static final String WORKBOOK = "汇总表.xlsx";
    public static final String REPORT = "report.json";
    public static final String HTML_REPORT = "report.html";

    public record Settings(Path out, boolean force, boolean dryRun, LocalDate date, String agent, Locale locale,
                           boolean classicZip) {
    }

    public record Result(PackagePlan plan, List<Packager.UnitResult> units) {
        public boolean failedWrites() {
            return units.stream().anyMatch(u -> u.error() != null);
        }

        /** 0 when everything given was packaged, else 1. */
        public int exitCode() {
            return plan.complete() && !failedWrites() ? 0 : 1;
        }
    }

    private PackageRun() {
    }

    /**
     * Why the output folder cannot be used for the input, or null: it must not be the input root nor lie
     * inside it (the archives would end up in the next run's input), and must not be a file.
     */
    public static Msg outputProblem(Path root, Path out) throws IOException {
        Path rootReal = root.toRealPath();
        Path outReal = realish(out);
        if (outReal.startsWith(rootReal)) {
            return Msg.of("输出文件夹 “{0}” 在输入文件夹 “{1}” 之中；请换一个输入文件夹以外的位置，以免压缩包混入材料",
                    "the output folder \"{0}\" lies inside the input folder \"{1}\"; choose a place outside the input",
                    out, root);
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            return Msg.of("“{0}” 是一个文件，不是文件夹", "\"{0}\" is a file, not a folder", out);
        }
        return null;
    }

    /** The real path of {@code p}, or of its nearest existing ancestor with the rest appended. */
    private static Path realish(Path p) throws IOException {
        Path absolute = p.toAbsolutePath().normalize();
        Path existing = absolute;
        List<Path> rest = new ArrayList<>();
        while (existing != null && !Files.exists(existing)) {
            rest.add(0, existing.getFileName());
            existing = existing.getParent();
        }
        Path real = existing == null ? absolute.getRoot() : existing.toRealPath();
        for (Path part : rest) {
            real = real.resolve(part);
        }
        return real;
    }

    /** Output files that already exist and would be replaced or deleted: allowed only with --force. */
    public static List<Path> existingOutputs(PackagePlan plan, Path out) {
        List<Path> existing = new ArrayList<>();
        for (PackagePlan.UnitPlan unit : plan.units()) {
            if (unit.unit() != null && Files.exists(out.resolve(unit.archiveName()))) {
                existing.add(out.resolve(unit.archiveName()));
            }
        }
        for (String name : List.of(WORKBOOK, REPORT, HTML_REPORT)) {
            if (Files.exists(out.resolve(name))) {
                existing.add(out.resolve(name));
            }
        }
        try {
            existing.addAll(PartialFiles.staleParts(out, outputNames(plan)));
        } catch (IOException e) {
            // an unreadable output folder fails later, when it is written, with the reason
        }
        return existing;
    }

    /** The names of every output a run may write into the output folder. */
    private static Set<String> outputNames(PackagePlan plan) {
        Set<String> names = new HashSet<>(List.of(WORKBOOK, REPORT, HTML_REPORT));
        plan.units().stream().filter(u -> u.unit() != null).forEach(u -> names.add(u.archiveName()));
        return names;
    }

    /** Writes everything (not called for --dry-run). */
    public static Result run(PackagePlan plan, Settings settings, Consumer<Msg> progress, Packager.Meter meter)
            throws IOException {
        Path out = settings.out();
        Files.createDirectories(out);
        Packager packager = new Packager(new Packager.Options(settings.date(), settings.agent(), settings.locale(), settings.classicZip()), progress,
                meter);
        if (settings.force()) {
            for (Path stale : PartialFiles.staleParts(out, outputNames(plan))) {
                if (Files.deleteIfExists(stale)) {
                    progress.accept(Msg.of("已删除上次中断留下的未完成文件 {0}", "deleted {0}, left unfinished by an interrupted run",
                            stale.getFileName()));
                }
            }
        }
        List<PackagePlan.UnitPlan> toWrite = plan.units().stream().filter(PackagePlan.UnitPlan::packaged).toList();
        List<Packager.UnitResult> results = new ArrayList<>();
        int n = 0;
        for (PackagePlan.UnitPlan unit : toWrite) {
            n++;
            progress.accept(Msg.of("[{0}/{1}] 正在写入 {2}（{3} 个文件，{4}）…", "[{0}/{1}] writing {2} ({3} files, {4})…",
                    String.valueOf(n), String.valueOf(toWrite.size()), unit.archiveName(),
                    String.valueOf(unit.payload().size()), Sizes.human(unit.payloadBytes())));
            long start = System.nanoTime();
            Packager.UnitResult r = packager.write(plan, unit, out, settings.force());
            double seconds = (System.nanoTime() - start) / 1e9;
            if (r.error() == null) {
                progress.accept(Msg.of("      {0} 完成：{1}，用时 {2} 秒（{3}/秒）", "      {0} done: {1} in {2} s ({3}/s)",
                        unit.archiveName(), Sizes.human(r.size()), String.format(Locale.ROOT, "%.1f", seconds),
                        Sizes.human((long) (unit.payloadBytes() / Math.max(seconds, 1e-3)))));
            } else {
                progress.accept(Msg.of("      {0} 写入失败，未生成：{1}", "      {0} failed and was not written: {1}",
                        unit.archiveName(), r.error()));
            }
            results.add(r);
        }
        if (settings.force()) {
            for (PackagePlan.UnitPlan unit : plan.units()) {
                if (unit.unit() != null && !unit.packaged() && Files.deleteIfExists(out.resolve(unit.archiveName()))) {
                    progress.accept(Msg.of("已删除上次留下的 {0}（本次没有可打包的推荐对象）",
                            "deleted the old {0} (nothing of this unit is packaged this time)", unit.archiveName()));
                }
            }
        }
        AtomicFiles.write(out.resolve(WORKBOOK), o -> SummaryWorkbook.write(plan, settings.locale(), o));
        String json = PackageReport.province(plan, results, settings.locale());
        AtomicFiles.write(out.resolve(REPORT), o -> o.write(json.getBytes(StandardCharsets.UTF_8)));
        String html = ReportFormat.html.render(plan.result(), settings.locale(), false, settings.agent());
        AtomicFiles.write(out.resolve(HTML_REPORT), o -> o.write(html.getBytes(StandardCharsets.UTF_8)));
        return new Result(plan, results);
    }

    /** The summary on stdout: a table per unit, what was left out and why, and the archives' checksums. */
    public static void printSummary(PackagePlan plan, Result result, Settings settings, PrintWriter out) {
        Locale locale = settings.locale();
        boolean dry = result == null;
        out.println(t(locale, "zjlearn 打包结果 —— {0}", "zjlearn package — {0}", plan.result().validation().rules().campaign().name()));
        out.println(t(locale, "输出文件夹：{0}", "Output folder: {0}", settings.out()));
        if (dry) {
            out.println(t(locale, "试运行（--dry-run）：没有写入任何文件，以下是将会写入的内容。",
                    "Dry run (--dry-run): nothing was written; this is what would be."));
        }
        out.println();
        String[] head = {t(locale, "单位", "Unit"), t(locale, "通过", "Accepted"), t(locale, "不通过", "Rejected"),
                t(locale, "超额", "Over quota"), t(locale, "文件", "Files"), t(locale, "大小", "Size"),
                t(locale, "压缩包", "Archive")};
        List<String[]> rows = new ArrayList<>();
        long files = 0;
        long bytes = 0;
        int archives = 0;
        for (PackagePlan.UnitPlan unit : plan.units()) {
            Packager.UnitResult r = dry ? null : result.units().stream().filter(x -> x.plan() == unit).findFirst().orElse(null);
            String archive;
            if (!unit.packaged()) {
                archive = t(locale, "—（没有可打包的推荐对象）", "— (nothing to package)");
            } else if (r != null && r.error() != null) {
                archive = t(locale, "✘ 写入失败：{0}", "✘ failed: {0}", r.error());
            } else {
                archive = unit.archiveName();
                archives++;
                files += unit.payload().size();
                bytes += unit.payloadBytes();
            }
            rows.add(new String[] {unit.unit() == null ? t(locale, "（未知单位）", "(unknown unit)") : unit.unit(),
                    String.valueOf(unit.count(PackagePlan.Status.ACCEPTED)),
                    String.valueOf(unit.count(PackagePlan.Status.REJECTED)),
                    String.valueOf(unit.count(PackagePlan.Status.OVER_QUOTA)),
                    unit.packaged() ? String.valueOf(unit.payload().size()) : "",
                    unit.packaged() ? Sizes.human(unit.payloadBytes()) : "", archive});
        }
        rows.add(new String[] {t(locale, "合计", "Total"), String.valueOf(plan.count(PackagePlan.Status.ACCEPTED)),
                String.valueOf(plan.count(PackagePlan.Status.REJECTED)), String.valueOf(plan.count(PackagePlan.Status.OVER_QUOTA)),
                String.valueOf(files), Sizes.human(bytes), t(locale, "{0} 个压缩包", "{0} archive(s)", String.valueOf(archives))});
        table(out, head, rows);

        List<PackagePlan.Outcome> left = plan.outcomes().stream().filter(o -> !o.accepted()).toList();
        if (!left.isEmpty()) {
            out.println();
            out.println(t(locale, "未打包的推荐对象（{0} 个）：", "Not packaged ({0}):", String.valueOf(left.size())));
            for (PackagePlan.Outcome o : left) {
                String mark = o.status() == PackagePlan.Status.OVER_QUOTA ? "⊘" : "✘";
                out.println("  " + mark + " " + o.submission().path() + "  " + o.status().label().render(locale));
                out.println("      " + o.reason().render(locale) + "  [" + o.rules().stream().map(Rule::id).collect(java.util.stream.Collectors.joining(", ")) + "]");
                if (o.fix() != null) {
                    out.println("      " + t(locale, "修改：{0}", "Fix: {0}", o.fix().render(locale)));
                }
                long others = (plan.strict() ? o.errors() + o.warnings() : o.errors()) - 1;
                if (others > 0) {
                    out.println("      " + t(locale, "另有 {0} 个问题，详见 {1}", "{0} more problem(s), see {1}",
                            String.valueOf(others), settings.out().resolve(HTML_REPORT)));
                }
            }
        }
        List<zjlearn.check.Finding> leftOut = plan.leftOut();
        if (!leftOut.isEmpty()) {
            out.println();
            out.println(t(locale, "未打包的文件和文件夹（{0} 个）：", "Files and folders not packaged ({0}):",
                    String.valueOf(leftOut.size())));
            for (zjlearn.check.Finding f : leftOut) {
                out.println("  ✘ " + f.file());
                out.println("      " + f.message().render(locale) + "  [" + f.rule().id() + "]");
                if (f.fix() != null) {
                    out.println("      " + t(locale, "修改：{0}", "Fix: {0}", f.fix().render(locale)));
                }
            }
        }
        if (dry) {
            for (PackagePlan.UnitPlan unit : plan.units()) {
                if (!unit.packaged()) {
                    continue;
                }
                out.println();
                out.println(t(locale, "{0} 将包含：", "{0} would hold:", unit.archiveName()));
                for (PackagePlan.Payload p : unit.payload()) {
                    out.println("  " + unit.unit() + "/" + p.bagPath() + "  (" + Sizes.human(p.file().size()) + ")");
                }
            }
        } else {
            List<Packager.UnitResult> written = result.units().stream().filter(r -> r.error() == null).toList();
            if (!written.isEmpty()) {
                out.println();
                out.println(t(locale, "压缩包校验值（SHA-256）：", "Archive checksums (SHA-256):"));
                for (Packager.UnitResult r : written) {
                    out.println("  " + r.sha256() + "  " + r.plan().archiveName());
                }
            }
            out.println();
            out.println(t(locale, "汇总表：{0}", "Summary workbook: {0}", settings.out().resolve(WORKBOOK)));
            out.println(t(locale, "报告：{0}", "Report: {0}", settings.out().resolve(REPORT)));
            out.println(t(locale, "网页报告：{0}", "HTML report: {0}", settings.out().resolve(HTML_REPORT)));
        }
        out.flush();
    }

    private static void table(PrintWriter out, String[] head, List<String[]> rows) {
        int[] widths = new int[head.length];
        for (int c = 0; c < head.length; c++) {
            widths[c] = Widths.of(head[c]);
            for (String[] row : rows) {
                widths[c] = Math.max(widths[c], Widths.of(row[c]));
            }
        }
        printRow(out, head, widths);
        for (String[] row : rows) {
            printRow(out, row, widths);
        }
    }

    private static void printRow(PrintWriter out, String[] cells, int[] widths) {
        StringBuilder b = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            boolean numeric = c >= 1 && c <= 5;
            b.append(c == 0 ? "" : "  ").append(c == cells.length - 1 ? cells[c] : Widths.pad(cells[c], widths[c], numeric));
        }
        out.println(b.toString().stripTrailing());
    }

    private static String t(Locale locale, String zh, String en, Object... args) {
        return Msg.of(zh, en, args).render(locale);
    }
}
