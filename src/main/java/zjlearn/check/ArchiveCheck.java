package zjlearn.check;

import zjlearn.i18n.Msg;
import zjlearn.rules.Rule;
import zjlearn.rules.Rules;
import zjlearn.scan.LayoutIssue;
import java.util.Set;

/**
 * Archives read in place (zip, 7z, RAR): what could not be read, and why. {@code file.unreadable} and
 * {@code file.encrypted} as for any file; {@code archive.unsafe-entry}, {@code archive.too-large} and
 * {@code archive.nested} for what is refused for safety; {@code layout.unknown-unit} when the archive's name
 * names several units.
 */
public final class ArchiveCheck implements Check {
    @Override
    public Set<Rule> emits() {
        return Set.of(Rule.FILE_UNREADABLE, Rule.FILE_ENCRYPTED, Rule.ARCHIVE_UNSAFE_ENTRY, Rule.ARCHIVE_TOO_LARGE,
                Rule.ARCHIVE_NESTED, Rule.LAYOUT_UNKNOWN_UNIT);
    }

    @Override
    public void run(Validation v, FindingSink sink) {
        Rules.ArchiveLimits limits = v.rules().limits().archives();
        for (LayoutIssue issue : v.scan().layoutIssues()) {
            String path = issue.path();
            String sub = issue.submissionPath();
            boolean entry = path.contains("!/");
            String detail = issue.detail() == null ? "" : issue.detail();
            switch (issue.kind()) {
                case ARCHIVE_UNREADABLE -> {
                    if (detail.equals("volume")) {
                        sink.add(Rule.FILE_UNREADABLE, sub, path,
                                Msg.key("archive.volume.message", LayoutCheck.lastSegment(path)),
                                Msg.key("archive.volume.expected"), Msg.key("archive.volume.actual"),
                                Msg.key("archive.volume.fix"));
                        continue;
                    }
                    if (detail.startsWith("unsupported:")) {
                        String format = detail.substring("unsupported:".length());
                        sink.add(Rule.FILE_UNREADABLE, sub, path,
                                Msg.key("archive.rar-unsupported.message", format),
                                Msg.key("archive.rar-unsupported.expected"), Msg.literal(format),
                                Msg.key("archive.rar-unsupported.fix"));
                        continue;
                    }
                    sink.add(Rule.FILE_UNREADABLE, sub, path,
                        entry ? Msg.key("archive.unreadable.entry.message")
                                : Msg.key("archive.unreadable.message"),
                        Msg.key("archive.unreadable.expected"), Msg.literal(detail),
                        Msg.key("archive.unreadable.fix"));
                }
                case ARCHIVE_ENCRYPTED -> sink.add(Rule.FILE_ENCRYPTED, sub, path,
                        Msg.key("archive.encrypted.message"),
                        Msg.key("archive.encrypted.expected"), Msg.key("archive.encrypted.actual"),
                        Msg.key("archive.encrypted.fix"));
                case ARCHIVE_UNSAFE_ENTRY -> sink.add(Rule.ARCHIVE_UNSAFE_ENTRY, sub, path,
                        "duplicate".equals(detail)
                                ? Msg.key("archive.unsafe-entry.duplicate.message")
                                : Msg.key("archive.unsafe-entry.path.message", unsafeWhy(detail)),
                        Msg.key("archive.unsafe-entry.expected", CampaignWords.examplePath(v.rules())),
                        Msg.literal(path.substring(path.indexOf("!/") + 2)),
                        Msg.key("archive.unsafe-entry.fix"));
                case ARCHIVE_LIMIT -> limit(sink, sub, path, issue, detail, limits);
                case ARCHIVE_NESTED -> sink.add(Rule.ARCHIVE_NESTED, sub, path,
                        Msg.key("archive.nested.message",
                                String.valueOf(limits.nesting())),
                        Msg.key("archive.nested.expected",
                                String.valueOf(limits.nesting())),
                        Msg.key("archive.nested.actual", detail),
                        Msg.key("archive.nested.fix"));
                case ARCHIVE_UNIT_AMBIGUOUS -> sink.add(Rule.LAYOUT_UNKNOWN_UNIT, sub, path,
                        Msg.key("archive.unit-ambiguous.message", detail),
                        Msg.key("archive.unit-ambiguous.expected"), Msg.literal(detail),
                        Msg.key("archive.unit-ambiguous.fix", CampaignWords.exampleUnit(v.rules())));
                default -> {
                    // the layout check reports the other kinds
                }
            }
        }
    }

    private static Msg unsafeWhy(String detail) {
        return switch (detail) {
            case "absolute" -> Msg.key("archive.unsafe-entry.absolute");
            case "drive" -> Msg.key("archive.unsafe-entry.drive");
            case "escape" -> Msg.key("archive.unsafe-entry.escape");
            default -> Msg.key("archive.unsafe-entry.control");
        };
    }

    private static void limit(FindingSink sink, String sub, String path, LayoutIssue issue, String detail,
                              Rules.ArchiveLimits limits) {
        Msg fix = Msg.key("archive.too-large.fix");
        switch (detail) {
            case "entries" -> sink.add(Rule.ARCHIVE_TOO_LARGE, sub, path,
                    Msg.key("archive.too-large.entries.message",
                            String.valueOf(issue.count()), String.valueOf(limits.entries())),
                    Msg.key("archive.too-large.entries.expected", String.valueOf(limits.entries())),
                    Msg.key("archive.too-large.entries.actual", String.valueOf(issue.count())), fix);
            case "total" -> sink.add(Rule.ARCHIVE_TOO_LARGE, sub, path,
                    Msg.key("archive.too-large.total.message",
                            String.valueOf(limits.totalBytes() >> 20)),
                    Msg.key("archive.too-large.total.expected", String.valueOf(limits.totalBytes() >> 20)),
                    Msg.key("archive.too-large.total.actual"), fix);
            case "overlap" -> sink.add(Rule.ARCHIVE_TOO_LARGE, sub, path,
                    Msg.key("archive.too-large.overlap.message"),
                    Msg.key("archive.too-large.overlap.expected"), Msg.key("archive.too-large.overlap.actual"), fix);
            default -> sink.add(Rule.ARCHIVE_TOO_LARGE, sub, path,
                    Msg.key("archive.too-large.ratio.message",
                            String.valueOf(issue.count()), String.valueOf(limits.ratio())),
                    Msg.key("archive.too-large.ratio.expected", String.valueOf(limits.ratio())),
                    Msg.key("archive.too-large.ratio.actual", String.valueOf(issue.count())), fix);
        }
    }
}
