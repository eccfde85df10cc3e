package zjlearn.fix;

import zjlearn.i18n.Msg;

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
            b.append(Msg.key("fix.report.nothing-converted").render(locale)).append('\n');
        } else {
            b.append(Msg.key("fix.report.converted", String.valueOf(outcome.changes().size())).render(locale)).append('\n');
            for (Fixer.Change c : outcome.changes()) {
                b.append("  ").append(arrow(c.from(), c.to())).append('\n');
                if (!c.rules().isEmpty()) {
                    b.append("      ").append(Msg.key("fix.report.problems", ids(c.rules())).render(locale)).append('\n');
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
            b.append(Msg.key("fix.report.nothing-planned").render(locale)).append('\n');
        } else {
            b.append(Msg.key("fix.report.planned",
                    String.valueOf(plan.jobs().size())).render(locale)).append('\n');
            for (Plan.Job j : plan.jobs()) {
                b.append("  ").append(arrow(j.file().relPath(), j.target())).append('\n');
                if (!j.rules().isEmpty()) {
                    b.append("      ").append(Msg.key("fix.report.problems", ids(j.rules())).render(locale)).append('\n');
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
            out.add(videos == null ? Msg.key("fix.report.convert-video") : videos.describe(v));
        } else if (j instanceof Plan.PhotoJob p) {
            if (p.toJpeg()) {
                out.add(p.viaFfmpeg()
                        ? Msg.key("fix.photo.heic-via-ffmpeg",
                        Msg.key(p.from().labelKey()))
                        : Msg.key("fix.photo.to-jpeg", Msg.key(p.from().labelKey())));
            }
            if (p.orientation() > 1) {
                out.add(Msg.key("fix.photo.upright", String.valueOf(p.orientation())));
            }
            if (p.idPhoto() != null) {
                out.add(Msg.key("fix.photo.crop-if-needed", p.idPhoto().sizeName()));
            }
        }
        return out;
    }

    private static void left(List<Plan.Left> left, StringBuilder b, Locale locale) {
        if (left.isEmpty()) {
            return;
        }
        b.append(Msg.key("fix.report.left",
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
