package zjlearn.report;

import zjlearn.check.Finding;
import zjlearn.i18n.Msg;
import zjlearn.rules.Rule;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The summary {@code zjlearn package} prints on the terminal: a table of units, the submissions and the files
 * not packaged with why and how to mend them, then the archives' checksums (or, for a dry run, what they would
 * hold) and where the other outputs are. The packager tells what happened in a {@link Summary}; only this class
 * turns it into words.
 */
public final class PackageSummaryText {
    /**
     * One unit's row.
     *
     * @param unit     its name, or null for submissions of no known unit
     * @param packaged whether it has something to package
     * @param archive  the archive's name (null when nothing is packaged)
     * @param error    why writing the archive failed, or null
     */
    public record UnitRow(String unit, long accepted, long rejected, long overQuota, boolean packaged, int files,
                          long bytes, String archive, String error) {
        boolean written() {
            return packaged && error == null;
        }
    }

    /**
     * A submission not packaged.
     *
     * @param overQuota whether it is kept out by its unit's quota (else rejected for its own problems)
     * @param others    how many more problems it has than the one told
     */
    public record Left(String path, boolean overQuota, Msg status, Msg reason, Msg fix, List<Rule> rules, long others) {
        public Left {
            rules = List.copyOf(rules);
        }
    }

    /** A file that goes into an archive (told by a dry run). */
    public record Entry(String path, long bytes) {
    }

    /** A written archive and its SHA-256, or (dry run) one that would be written with what it would hold. */
    public record Archive(String name, String sha256, List<Entry> entries) {
        public Archive {
            entries = List.copyOf(entries);
        }
    }

    /**
     * What a package run did (or, with {@code dryRun}, would do).
     *
     * @param leftOut  errors that keep a file or folder out that belongs to no submission
     * @param archives the archives written (dry run: to be written), in table order
     */
    public record Summary(String campaign, Path out, boolean dryRun, List<UnitRow> units, List<Left> left,
                          List<Finding> leftOut, List<Archive> archives, Path workbook, Path report, Path html) {
        public Summary {
            units = List.copyOf(units);
            left = List.copyOf(left);
            leftOut = List.copyOf(leftOut);
            archives = List.copyOf(archives);
        }
    }

    private final Locale locale;

    public PackageSummaryText(Locale locale) {
        this.locale = locale;
    }

    public void print(Summary s, PrintWriter out) {
        out.println(t("report.package.title", s.campaign()));
        out.println(t("report.package.output-folder", s.out()));
        if (s.dryRun()) {
            out.println(t("report.package.dry-run"));
        }
        out.println();
        table(s, out);
        if (!s.left().isEmpty()) {
            out.println();
            out.println(t("report.package.left.heading", String.valueOf(s.left().size())));
            for (Left l : s.left()) {
                out.println("  " + (l.overQuota() ? "⊘" : "✘") + " " + l.path() + "  " + l.status().render(locale));
                out.println("      " + l.reason().render(locale) + "  ["
                        + l.rules().stream().map(Rule::id).collect(Collectors.joining(", ")) + "]");
                fix(l.fix(), out);
                if (l.others() > 0) {
                    out.println("      " + t("report.package.left.more", String.valueOf(l.others()), s.html()));
                }
            }
        }
        if (!s.leftOut().isEmpty()) {
            out.println();
            out.println(t("report.package.left-out.heading", String.valueOf(s.leftOut().size())));
            for (Finding f : s.leftOut()) {
                out.println("  ✘ " + f.file());
                out.println("      " + f.message().render(locale) + "  [" + f.rule().id() + "]");
                fix(f.fix(), out);
            }
        }
        if (s.dryRun()) {
            for (Archive a : s.archives()) {
                out.println();
                out.println(t("report.package.would-hold", a.name()));
                for (Entry e : a.entries()) {
                    out.println("  " + e.path() + "  (" + Sizes.human(e.bytes()) + ")");
                }
            }
        } else {
            if (!s.archives().isEmpty()) {
                out.println();
                out.println(t("report.package.checksums"));
                for (Archive a : s.archives()) {
                    out.println("  " + a.sha256() + "  " + a.name());
                }
            }
            out.println();
            out.println(t("report.package.workbook", s.workbook()));
            out.println(t("report.package.report", s.report()));
            out.println(t("report.package.html", s.html()));
        }
        out.flush();
    }

    private void fix(Msg fix, PrintWriter out) {
        if (fix != null) {
            out.println("      " + t("report.package.fix", fix.render(locale)));
        }
    }

    private void table(Summary s, PrintWriter out) {
        String[] head = {t("report.package.column.unit"), t("report.package.column.accepted"),
                t("report.package.column.rejected"), t("report.package.column.over-quota"),
                t("report.package.column.files"), t("report.package.column.size"), t("report.package.column.archive")};
        List<String[]> rows = new ArrayList<>();
        long accepted = 0;
        long rejected = 0;
        long overQuota = 0;
        long files = 0;
        long bytes = 0;
        int archives = 0;
        for (UnitRow u : s.units()) {
            String archive;
            if (!u.packaged()) {
                archive = t("report.package.nothing-to-package");
            } else if (u.error() != null) {
                archive = t("report.package.write-failed", u.error());
            } else {
                archive = u.archive();
                archives++;
                files += u.files();
                bytes += u.bytes();
            }
            accepted += u.accepted();
            rejected += u.rejected();
            overQuota += u.overQuota();
            rows.add(new String[] {u.unit() == null ? t("report.package.unknown-unit") : u.unit(),
                    String.valueOf(u.accepted()), String.valueOf(u.rejected()), String.valueOf(u.overQuota()),
                    u.packaged() ? String.valueOf(u.files()) : "", u.packaged() ? Sizes.human(u.bytes()) : "", archive});
        }
        rows.add(new String[] {t("report.package.total"), String.valueOf(accepted), String.valueOf(rejected),
                String.valueOf(overQuota), String.valueOf(files), Sizes.human(bytes),
                t("report.package.archives", String.valueOf(archives))});
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

    private String t(String key, Object... args) {
        return Msg.key(key, args).render(locale);
    }
}
