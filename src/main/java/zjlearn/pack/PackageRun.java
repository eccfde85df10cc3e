package zjlearn.pack;

import zjlearn.report.PackageSummaryText;
import zjlearn.report.Sizes;
import zjlearn.AtomicFiles;
import zjlearn.PartialFiles;

import zjlearn.report.ReportFormat;

import zjlearn.i18n.Msg;

import java.io.IOException;
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
            return Msg.key("pack.output.inside-input",
                    out, root);
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            return Msg.key("pack.output.is-a-file", out);
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
                    progress.accept(Msg.key("pack.progress.deleted-part",
                            stale.getFileName()));
                }
            }
        }
        List<PackagePlan.UnitPlan> toWrite = plan.units().stream().filter(PackagePlan.UnitPlan::packaged).toList();
        List<Packager.UnitResult> results = new ArrayList<>();
        int n = 0;
        for (PackagePlan.UnitPlan unit : toWrite) {
            n++;
            progress.accept(Msg.key("pack.progress.writing",
                    String.valueOf(n), String.valueOf(toWrite.size()), unit.archiveName(),
                    String.valueOf(unit.payload().size()), Sizes.human(unit.payloadBytes())));
            long start = System.nanoTime();
            Packager.UnitResult r = packager.write(plan, unit, out, settings.force());
            double seconds = (System.nanoTime() - start) / 1e9;
            if (r.error() == null) {
                progress.accept(Msg.key("pack.progress.done",
                        unit.archiveName(), Sizes.human(r.size()), String.format(Locale.ROOT, "%.1f", seconds),
                        Sizes.human((long) (unit.payloadBytes() / Math.max(seconds, 1e-3)))));
            } else {
                progress.accept(Msg.key("pack.progress.failed",
                        unit.archiveName(), r.error()));
            }
            results.add(r);
        }
        if (settings.force()) {
            for (PackagePlan.UnitPlan unit : plan.units()) {
                if (unit.unit() != null && !unit.packaged() && Files.deleteIfExists(out.resolve(unit.archiveName()))) {
                    progress.accept(Msg.key("pack.progress.deleted-old", unit.archiveName()));
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

    /** What the run did (dry run: {@code result} null, what it would do), for the summary printed on stdout. */
    public static PackageSummaryText.Summary summary(PackagePlan plan, Result result, Settings settings) {
        boolean dry = result == null;
        List<PackageSummaryText.UnitRow> rows = new ArrayList<>();
        List<PackageSummaryText.Archive> archives = new ArrayList<>();
        for (PackagePlan.UnitPlan unit : plan.units()) {
            Packager.UnitResult r = dry ? null : result.units().stream().filter(x -> x.plan() == unit).findFirst().orElse(null);
            String error = r == null ? null : r.error();
            rows.add(new PackageSummaryText.UnitRow(unit.unit(), unit.count(PackagePlan.Status.ACCEPTED),
                    unit.count(PackagePlan.Status.REJECTED), unit.count(PackagePlan.Status.OVER_QUOTA), unit.packaged(),
                    unit.payload().size(), unit.payloadBytes(), unit.archiveName(), error));
            if (unit.packaged() && dry) {
                archives.add(new PackageSummaryText.Archive(unit.archiveName(), null, unit.payload().stream()
                        .map(p -> new PackageSummaryText.Entry(unit.unit() + "/" + p.bagPath(), p.file().size())).toList()));
            }
        }
        if (!dry) {
            result.units().stream().filter(r -> r.error() == null)
                    .forEach(r -> archives.add(new PackageSummaryText.Archive(r.plan().archiveName(), r.sha256(), List.of())));
        }
        List<PackageSummaryText.Left> left = new ArrayList<>();
        for (PackagePlan.Outcome o : plan.outcomes()) {
            if (!o.accepted()) {
                long others = (plan.strict() ? o.errors() + o.warnings() : o.errors()) - 1;
                left.add(new PackageSummaryText.Left(o.submission().path(), o.status() == PackagePlan.Status.OVER_QUOTA,
                        o.status().label(), o.reason(), o.fix(), o.rules(), others));
            }
        }
        Path out = settings.out();
        return new PackageSummaryText.Summary(plan.result().validation().rules().campaign().name(), out, dry, rows, left,
                plan.leftOut(), archives, out.resolve(WORKBOOK), out.resolve(REPORT), out.resolve(HTML_REPORT));
    }
}
