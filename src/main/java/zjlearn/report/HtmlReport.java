package zjlearn.report;

import zjlearn.rules.Rule;
import zjlearn.ValidationResult;
import zjlearn.check.Finding;
import zjlearn.probe.ProbedFile;
import zjlearn.probe.image.ImageFacts;
import zjlearn.probe.video.VideoFacts;
import zjlearn.rules.Rules;
import zjlearn.rules.Severity;
import zjlearn.scan.Submission;

import java.io.PrintWriter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One self-contained page a clerk opens in a browser (no network, no external file): per unit the
 * quota use and a table of submissions; per submission its files, photo thumbnails, the video
 * against the spec, the form fields read, and every finding with how to fix it. Prints one unit per page.
 */
public final class HtmlReport {
    private static final String CSS = """
            body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC","Source Han Sans SC",sans-serif;margin:0;color:#222;background:#f6f7f9}
            header,section,footer{max-width:1100px;margin:0 auto;padding:16px 24px}
            header{background:#fff;border-bottom:3px solid #1f5fa8}
            h1{font-size:24px;margin:8px 0} h2{font-size:20px;border-bottom:2px solid #1f5fa8;padding-bottom:4px}
            h3{font-size:17px;margin:18px 0 8px} .muted{color:#666;font-size:13px}
            .cards{display:flex;gap:12px;flex-wrap:wrap;margin:12px 0}
            .card{background:#eef3fa;border-radius:6px;padding:8px 16px;min-width:90px;text-align:center}
            .card b{display:block;font-size:22px} .card.bad b{color:#c0392b} .card.good b{color:#1e8449} .card.warn b{color:#b9770e}
            table{border-collapse:collapse;width:100%;margin:8px 0;background:#fff;font-size:14px}
            th,td{border:1px solid #d5d9e0;padding:4px 8px;text-align:left;vertical-align:top} th{background:#eef1f5}
            .pass{color:#1e8449;font-weight:bold} .fail{color:#c0392b;font-weight:bold} .warnc{color:#b9770e;font-weight:bold}
            .over{background:#fdecea}
            article{background:#fff;border:1px solid #d5d9e0;border-radius:6px;padding:4px 16px 12px;margin:14px 0}
            article.failed{border-left:6px solid #c0392b} article.passed{border-left:6px solid #1e8449}
            .badge{font-size:12px;background:#1f5fa8;color:#fff;border-radius:4px;padding:1px 6px;margin-left:6px;vertical-align:middle}
            .thumbs{display:flex;gap:10px;flex-wrap:wrap} figure{margin:0;text-align:center;font-size:12px}
            figure img{max-width:160px;max-height:160px;border:1px solid #ccc;display:block}
            .finding{border-radius:4px;padding:6px 10px;margin:6px 0;font-size:14px}
            .finding.error{background:#fdecea} .finding.warning{background:#fef5e7}
            .finding dl{display:grid;grid-template-columns:5em 1fr;gap:2px 8px;margin:4px 0 0}
            .finding dt{color:#555} .finding dd{margin:0;word-break:break-all}
            code{font-family:Consolas,monospace;font-size:12px;background:#f1f1f1;padding:1px 3px}
            nav a{margin-right:12px} details{margin:8px 0;font-size:14px} summary{cursor:pointer;color:#1f5fa8}
            @media print{body{background:#fff} section.unit{page-break-before:always} header{border:none}
              article{page-break-inside:avoid} nav{display:none}}
            """;

    private final ValidationResult result;
    private final Labels l;
    private final Rules rules;
    private final StringBuilder html = new StringBuilder();

    private HtmlReport(ValidationResult result, Locale locale) {
        this.result = result;
        this.l = new Labels(locale);
        this.rules = result.validation().rules();
    }

    public static void write(ValidationResult result, Locale locale, PrintWriter out) {
        HtmlReport report = new HtmlReport(result, locale);
        report.page();
        out.print(report.html);
        out.flush();
    }

    private void page() {
        html.append("<!DOCTYPE html>\n<html lang=\"").append(l.english() ? "en" : "zh-CN").append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(esc(l.text("report.html.title"))).append("</title>\n<style>").append(CSS).append("</style>\n</head>\n<body>\n");
        header();
        UnitSections layout = UnitSections.of(result);
        html.append("<section><nav>");
        for (UnitSections.Section section : layout.sections()) {
            String unit = section.unit();
            html.append("<a href=\"#").append(anchor(unit)).append("\">").append(esc(unitName(unit))).append("</a>");
        }
        html.append("</nav></section>\n");
        layout.sections().forEach(this::unit);
        List<Finding> general = layout.general();
        if (!general.isEmpty()) {
            html.append("<section class=\"unit\"><h2>").append(esc(l.text("report.html.general-findings"))).append("</h2>\n");
            general.forEach(this::finding);
            html.append("</section>\n");
        }
        html.append("<footer class=\"muted\">").append(esc(l.text("report.html.generated-by"))).append("</footer>\n</body>\n</html>\n");
    }

    private void header() {
        int total = result.validation().scan().submissions().size();
        long passed = result.passedCount();
        html.append("<header><h1>").append(esc(l.text("report.html.heading"))).append("</h1>\n<div>")
                .append(esc(rules.campaign().name())).append("</div>\n<div class=\"muted\">")
                .append(esc(l.text("report.folder", result.validation().scan().root().toString()))).append("</div>\n<div class=\"cards\">");
        card("", l.text("report.html.card.submissions"), total);
        card("good", l.text("report.html.card.passed"), passed);
        card(total - passed > 0 ? "bad" : "", l.text("report.html.card.failed"), total - passed);
        card(result.count(Severity.ERROR) > 0 ? "bad" : "", l.text("report.html.card.errors"), result.count(Severity.ERROR));
        card(result.count(Severity.WARNING) > 0 ? "warn" : "", l.text("report.html.card.warnings"), result.count(Severity.WARNING));
        html.append("</div></header>\n");
    }

    private void card(String cls, String label, long value) {
        html.append("<div class=\"card ").append(cls).append("\"><b>").append(value).append("</b>").append(esc(label)).append("</div>");
    }

    private String unitName(String unit) {
        return unit.isEmpty() ? l.text("report.unknown-unit") : unit;
    }

    private void unit(UnitSections.Section section) {
        String unit = section.unit();
        List<Submission> subs = section.submissions();
        html.append("<section class=\"unit\" id=\"").append(anchor(unit)).append("\"><h2>").append(esc(unitName(unit))).append("</h2>\n");
        Rules.UnitDef def = UnitSections.unitDef(rules, unit);
        html.append("<table class=\"quota\"><tr><th>").append(esc(l.text("report.html.column.category"))).append("</th><th>")
                .append(esc(l.text("report.html.column.sent"))).append("</th><th>").append(esc(l.text("report.html.column.quota"))).append("</th></tr>\n");
        for (Map.Entry<String, Rules.CategoryDef> c : rules.categories().entrySet()) {
            long sent = subs.stream().filter(s -> s.category().equals(c.getKey())).count();
            Integer quota = def == null ? null : def.quotaPerCategory();
            String quotaText = def == null ? "—" : quota != null ? String.valueOf(quota)
                    : l.text("report.html.quota.all-categories", String.valueOf(def.quotaTotal()));
            boolean over = quota != null && sent > quota
                    || def != null && def.quotaTotal() != null && subs.size() > def.quotaTotal();
            html.append("<tr").append(over ? " class=\"over\"" : "").append("><td>").append(esc(categoryName(c.getKey())))
                    .append("</td><td>").append(sent).append("</td><td>").append(esc(quotaText))
                    .append(over ? " <span class=\"fail\">" + esc(l.text("report.html.over-quota")) + "</span>" : "").append("</td></tr>\n");
        }
        html.append("</table>\n<table class=\"subs\"><tr><th>").append(esc(l.text("report.html.column.name"))).append("</th><th>")
                .append(esc(l.text("report.html.column.category"))).append("</th><th>").append(esc(l.text("report.html.column.national")))
                .append("</th><th>").append(esc(l.text("report.html.column.status"))).append("</th><th>").append(esc(l.text("report.html.column.errors")))
                .append("</th><th>").append(esc(l.text("report.html.column.warnings"))).append("</th></tr>\n");
        for (Submission s : subs) {
            List<Finding> fs = result.findingsOf(s);
            long errors = fs.stream().filter(Finding::isError).count();
            html.append("<tr><td><a href=\"#").append(anchor(s.path())).append("\">").append(esc(s.title())).append("</a></td><td>")
                    .append(esc(categoryName(s.category()))).append("</td><td>").append(s.national() ? esc(l.text("report.html.yes")) : "")
                    .append("</td><td>").append(status(errors == 0)).append("</td><td>").append(errors).append("</td><td>")
                    .append(fs.size() - errors).append("</td></tr>\n");
        }
        html.append("</table>\n");
        subs.forEach(this::submission);
        if (!section.otherFindings().isEmpty()) {
            html.append("<h3>").append(esc(l.text("report.unit-findings"))).append("</h3>\n");
            section.otherFindings().forEach(this::finding);
        }
        html.append("</section>\n");
    }

    private String status(boolean passed) {
        return passed ? "<span class=\"pass\">" + esc(l.text("report.html.passed")) + "</span>"
                : "<span class=\"fail\">" + esc(l.text("report.html.failed")) + "</span>";
    }

    private void submission(Submission s) {
        List<Finding> findings = result.findingsOf(s);
        boolean passed = findings.stream().noneMatch(Finding::isError);
        html.append("<article id=\"").append(anchor(s.path())).append("\" class=\"").append(passed ? "passed" : "failed").append("\"><h3>")
                .append(passed ? "✔ " : "✘ ").append(esc(s.title()))
                .append(s.national() ? "<span class=\"badge\">" + esc(l.text("report.html.badge.national")) + "</span>" : "")
                .append(" ").append(status(passed)).append("</h3>\n<div class=\"muted\">").append(esc(s.path())).append("</div>\n");
        List<ProbedFile> files = result.validation().files(s);
        thumbnails(files);
        html.append("<table><tr><th>").append(esc(l.text("report.html.column.file"))).append("</th><th>").append(esc(l.text("report.html.column.role")))
                .append("</th><th>").append(esc(l.text("report.html.column.real-type"))).append("</th><th>").append(esc(l.text("report.html.column.size"))).append("</th></tr>\n");
        for (ProbedFile f : files) {
            html.append("<tr><td>").append(esc(relativeTo(s.path(), f.file().relPath()))).append("</td><td>").append(esc(roleName(f.role())))
                    .append("</td><td>").append(esc(f.type().displayName(l.english() ? Locale.ENGLISH : Locale.CHINA)))
                    .append("</td><td>").append(esc(size(f.file().size()))).append("</td></tr>\n");
        }
        html.append("</table>\n");
        for (ProbedFile f : files) {
            if (f.facts() instanceof ProbedFile.Video video) {
                video(f, video.facts(), findings);
            }
        }
        files.stream().filter(f -> !f.file().national()).flatMap(f -> f.formFile().stream()).forEach(this::form);
        findings.forEach(this::finding);
        html.append("</article>\n");
    }

    private void thumbnails(List<ProbedFile> files) {
        if (files.stream().noneMatch(f -> f.facts() instanceof ProbedFile.Image i && i.facts().thumbnail() != null)) {
            return;
        }
        html.append("<div class=\"thumbs\">");
        for (ProbedFile f : files) {
            if (!(f.facts() instanceof ProbedFile.Image image) || image.facts().thumbnail() == null) {
                continue;
            }
            ImageFacts img = image.facts();
            html.append("<figure><img alt=\"").append(esc(f.file().name())).append("\" src=\"data:image/jpeg;base64,")
                    .append(Base64.getEncoder().encodeToString(img.thumbnail())).append("\"><figcaption>")
                    .append(esc(f.file().name())).append("<br>").append(img.displayWidth()).append("×").append(img.displayHeight())
                    .append(img.colour() ? "" : " " + esc(l.text("report.html.grey"))).append("</figcaption></figure>");
        }
        html.append("</div>\n");
    }

    private void video(ProbedFile f, VideoFacts v, List<Finding> findings) {
        Rules.Video rule = rules.video();
        if (rule == null) {
            return;
        }
        VideoFacts.Picture p = v.picture();
        VideoFacts.Timing t = v.timing();
        html.append("<table><tr><th>").append(esc(l.text("report.html.video.title"))).append(esc(f.file().name())).append("</th><th>")
                .append(esc(l.text("report.html.video.required"))).append("</th><th>").append(esc(l.text("report.html.video.actual"))).append("</th><th>")
                .append(esc(l.text("report.html.video.result"))).append("</th></tr>\n");
        videoRow(l.text("report.html.video.container"), rule.containerWord(), v.container().kind() + (v.container().majorBrand() == null ? "" : " (" + v.container().majorBrand().strip() + ")"),
                Rule.VIDEO_CONTAINER, f, findings);
        videoRow(l.text("report.html.video.codec"), (rule.codecName() != null ? rule.codecName() + " (" : "(") + String.join("/", rule.codecs()) + ")", String.valueOf(p.codec()), Rule.VIDEO_CODEC, f, findings);
        videoRow(l.text("report.html.video.resolution"), rule.width() + "×" + rule.height(),
                p.displayWidth() + "×" + p.displayHeight() + (p.rotation() == 0 ? "" : l.text("report.html.video.rotated", String.valueOf(p.rotation()))),
                Rule.VIDEO_RESOLUTION, f, findings);
        videoRow(l.text("report.html.video.scan"), l.text("report.html.video.progressive"),
                p.progressive() == null ? "?" : p.progressive() ? l.text("report.html.video.progressive") : l.text("report.html.video.interlaced"), Rule.VIDEO_SCAN, f, findings);
        videoRow(l.text("report.html.video.fps"), l.text("report.html.video.fps.required", fmt(rule.fps())),
                fmt(t.fps()) + (t.constant() ? "" : l.text("report.html.video.fps.variable")), Rule.VIDEO_FPS, f, findings);
        videoRow(l.text("report.html.video.duration"), fmt(rule.minSeconds()) + "–" + fmt(rule.maxSeconds()) + " s", fmt(t.durationSeconds()) + " s",
                Rule.VIDEO_DURATION, f, findings);
        videoRow(l.text("report.html.video.audio"), l.text("report.html.video.audio.present"), v.audio().codec() == null ? l.text("report.html.video.audio.none") : v.audio().codec(), Rule.VIDEO_AUDIO, f, findings);
        Rule.VIDEO_BITRATE.param(rules, "video.minKbps").ifPresent(min -> videoRow(l.text("report.html.video.bitrate"),
                l.text("report.html.video.bitrate.required", min.asText()),
                l.text("report.html.video.bitrate.actual", String.valueOf(Math.round(t.averageBitrate() / 1000))), Rule.VIDEO_BITRATE, f, findings));
        html.append("</table>\n");
    }

    private void videoRow(String what, String required, String actual, Rule rule, ProbedFile f, List<Finding> findings) {
        Finding hit = findings.stream().filter(x -> x.rule().equals(rule) && f.file().relPath().equals(x.file())).findFirst().orElse(null);
        String verdict = hit == null ? "<span class=\"pass\">✔</span>"
                : hit.isError() ? "<span class=\"fail\">✘</span>" : "<span class=\"warnc\">!</span>";
        html.append("<tr><td>").append(esc(what)).append("</td><td>").append(esc(required)).append("</td><td>").append(esc(actual))
                .append("</td><td>").append(verdict).append("</td></tr>\n");
    }

    private void form(ProbedFile.FormFile f) {
        Map<String, String> fields = f.form().allFields();
        if (fields.isEmpty() && f.form().records().isEmpty()) {
            return;
        }
        html.append("<details><summary>").append(esc(l.text("report.html.fields-read", f.file().name(),
                String.valueOf(fields.size() + f.form().records().size())))).append("</summary>\n<table>\n");
        fields.forEach((k, v) -> html.append("<tr><td>").append(esc(k)).append("</td><td>").append(esc(v).replace("\n", "<br>")).append("</td></tr>\n"));
        for (Map<String, String> record : f.form().records()) {
            html.append("<tr><td>").append(esc(l.text("report.html.record"))).append("</td><td>").append(esc(String.join("，", record.values()))).append("</td></tr>\n");
        }
        html.append("</table></details>\n");
    }

    private void finding(Finding f) {
        html.append("<div class=\"finding ").append(f.severity().id()).append("\"><b>[").append(esc(l.severity(f.severity()))).append("]</b> ")
                .append(esc(l.render(f.message()))).append("<dl>");
        if (f.file() != null) {
            dd(l.text("report.html.where"), esc(f.file()));
        }
        if (f.expected() != null) {
            dd(l.text("report.html.expected"), esc(l.render(f.expected())));
        }
        if (f.actual() != null) {
            dd(l.text("report.html.found"), esc(l.render(f.actual())));
        }
        if (f.fix() != null) {
            String fix = esc(l.render(f.fix()));
            dd(l.text("report.html.fix"), fix.replaceAll("(ffmpeg [^；;<]*)", "<code>$1</code>"));
        }
        dd(l.text("report.html.rule"), "<code title=\"" + esc(f.rule().meaning(rules, l.locale())) + "\">" + esc(f.rule().id()) + "</code>");
        html.append("</dl></div>\n");
    }

    private void dd(String term, String htmlValue) {
        html.append("<dt>").append(esc(term)).append("</dt><dd>").append(htmlValue).append("</dd>");
    }

    private String categoryName(String id) {
        Rules.CategoryDef c = rules.category(id);
        return l.english() && c.nameEn() != null ? c.nameEn() : c.name();
    }

    private String roleName(String role) {
        if (role == null) {
            return l.text("report.html.unrecognised");
        }
        Rules.RoleDef r = rules.role(role);
        return l.english() && r.nameEn() != null ? r.nameEn() : r.name();
    }

    private static String relativeTo(String folder, String path) {
        return ".".equals(folder) || !path.startsWith(folder + "/") ? path : path.substring(folder.length() + 1);
    }


    private static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.3f", v).replaceAll("0+$", "");
    }

    static String anchor(String text) {
        return "a" + Integer.toHexString(text.hashCode());
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
