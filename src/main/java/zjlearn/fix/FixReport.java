package zjlearn.fix;

import zjlearn.check.Msg;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The change list of {@code zjlearn fix} (what was converted, what was left, and why), and its plan for --dry-run. */
public final class FixReport {
    private FixReport() {
    }

    public static String changes(Fixer.Outcome outcome, Locale locale) {
        StringBuilder b = new StringBuilder();
        if (outcome.changes().isEmpty()) {
            b.append(Msg.of("没有需要转换的文件：副本与原文件逐字节相同。", "Nothing needed converting: the copy is byte for byte the same.").render(locale)).append('\n');
        } else {
            b.append(Msg.of("已转换 {0} 个文件：", "Converted {0} file(s):", String.valueOf(outcome.changes().size())).render(locale)).append('\n');
            for (Fixer.Change c : outcome.changes()) {
                b.append("  ").append(arrow(c.from(), c.to())).append('\n');
                if (!c.rules().isEmpty()) {
                    b.append("      ").append(Msg.of("问题：{0}", "problems: {0}", ids(c.rules())).render(locale)).append('\n');
                }
                for (Msg m : c.done()) {
                    b.append("      ").append(m.render(locale)).append('\n');
                }
            }
        }
        left(outcome.left(), b, locale);
        return b.toString();
    }

    public static String plan(Plan plan, VideoConverter videos, Locale locale) {
        StringBuilder b = new StringBuilder();
        if (plan.jobs().isEmpty()) {
            b.append(Msg.of("没有需要转换的文件（其余文件都将原样复制）。", "Nothing to convert (every other file is copied unchanged).").render(locale)).append('\n');
        } else {
            b.append(Msg.of("计划转换 {0} 个文件（其余文件原样复制）：", "Planned conversions, {0} file(s) (every other file copied unchanged):",
                    String.valueOf(plan.jobs().size())).render(locale)).append('\n');
            for (Plan.Job j : plan.jobs()) {
                b.append("  ").append(arrow(j.file().relPath(), j.target())).append('\n');
                if (!j.rules().isEmpty()) {
                    b.append("      ").append(Msg.of("问题：{0}", "problems: {0}", ids(j.rules())).render(locale)).append('\n');
                }
                for (Msg m : planned(j, videos)) {
                    b.append("      ").append(m.render(locale)).append('\n');
                }
            }
        }
        left(plan.left(), b, locale);
        return b.toString();
    }

    private static List<Msg> planned(Plan.Job j, VideoConverter videos) {
        List<Msg> out = new ArrayList<>();
        if (j instanceof Plan.VideoJob v) {
            out.add(videos == null ? Msg.of("转换视频", "convert the video") : videos.describe(v));
        } else if (j instanceof Plan.PhotoJob p) {
            if (p.toJpeg()) {
                out.add(Msg.of("{0} 转换为 JPG", "{0} converted to JPEG", Msg.of(p.from().displayName(Locale.CHINA), p.from().displayName(Locale.ENGLISH))));
            }
            if (p.orientation() > 1) {
                out.add(Msg.of("按 EXIF 方向（{0}）把画面摆正", "turned upright by its EXIF orientation ({0})", String.valueOf(p.orientation())));
            }
            if (p.idPhoto() != null) {
                out.add(Msg.of("需要时以中心为准裁剪为{0}比例", "cropped around the centre to the {0} shape if needed", p.idPhoto().sizeName()));
            }
        }
        return out;
    }

    private static void left(List<Plan.Left> left, StringBuilder b, Locale locale) {
        if (left.isEmpty()) {
            return;
        }
        b.append(Msg.of("未转换 {0} 项（仍在副本的报告中，按其修改方法处理）：", "Not converted, {0} item(s) (still in the copy's report, with their fix):",
                String.valueOf(left.size())).render(locale)).append('\n');
        for (Plan.Left l : left) {
            b.append("  ").append(l.file()).append("  [").append(l.rule().id()).append("] ").append(l.why().render(locale)).append('\n');
        }
    }

    private static String ids(List<zjlearn.rules.Rule> rules) {
        return String.join(", ", rules.stream().map(zjlearn.rules.Rule::id).toList());
    }

    private static String arrow(String from, String to) {
        return from.equals(to) ? from : from + " → " + to.substring(to.lastIndexOf('/') + 1);
    }
}
