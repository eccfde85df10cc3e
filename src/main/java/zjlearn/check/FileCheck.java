package zjlearn.check;

import zjlearn.i18n.Msg;
import zjlearn.rules.Rule;
import zjlearn.rules.FileType;
import zjlearn.probe.ProbeException;
import zjlearn.probe.ProbedFile;
import zjlearn.probe.image.ImageFacts;
import zjlearn.rules.Rules;
import zjlearn.scan.CategoryFolder;
import zjlearn.scan.Submission;

import java.util.stream.Collectors;
import java.util.Set;

/**
 * {@code file.*} and unrecognised files: empty, unreadable or password-protected files, real types
 * a role does not accept, and extensions that disagree with the content.
 */
public final class FileCheck implements Check {
    @Override
    public Set<Rule> emits() {
        return Set.of(Rule.FILE_TYPE_NOT_ALLOWED, Rule.FILE_TYPE_MISMATCH, Rule.LAYOUT_UNPLACED, Rule.LAYOUT_UNKNOWN_FILE,
                Rule.LAYOUT_ARCHIVE, Rule.FILE_EMPTY, Rule.FILE_ENCRYPTED, Rule.FILE_TOO_LARGE, Rule.FILE_UNREADABLE,
                Rule.FILE_MISSING_END);
    }

    @Override
    public void run(Validation v, FindingSink sink) {
        for (Submission s : v.scan().submissions()) {
            v.files(s).forEach(f -> check(v.rules(), f, s.path(), sink));
        }
        for (CategoryFolder c : v.scan().categoryFolders()) {
            v.files(c).forEach(f -> check(v.rules(), f, null, sink));
        }
    }

    private static void check(Rules rules, ProbedFile f, String submission, FindingSink sink) {
        String path = f.file().relPath();
        if (f.facts() instanceof ProbedFile.Unread unread) {
            failure(rules, f, unread.failure(), submission, sink);
            return;
        }
        if (f.facts() instanceof ProbedFile.Image image && image.facts().damage() != ImageFacts.Damage.NONE) {
            damage(f, image.facts(), submission, sink);
        }
        if (f.role() == null) {
            unplaced(rules, f, submission, sink);
            return;
        }
        if (f.facts() instanceof ProbedFile.Video && rules.video() != null && rules.video().role().equals(f.role())) {
            return; // the video checks name the container and give the remux command
        }
        Rules.RoleDef role = rules.role(f.role());
        if (!role.types().contains(f.type().id())) {
            sink.add(Rule.FILE_TYPE_NOT_ALLOWED, submission, path,
                    Msg.key("file.type-not-allowed.message", Texts.role(rules, f.role())),
                    Texts.types(role.types()), Texts.type(f.type()), conversionAdvice(f.type(), role));
        }
        if (f.type() != FileType.UNKNOWN && !f.type().extensions().isEmpty()
                && !f.type().matchesExtension(f.file().extension())) {
            // Renaming to the real extension helps only when the role takes the real type; a .jpg that is HEIC
            // renamed .heic would just lead to the next error, so it gets the conversion advice instead.
            boolean accepted = role.types().contains(f.type().id());
            String proper = f.type().extensions().get(0);
            sink.add(Rule.FILE_TYPE_MISMATCH, submission, path,
                    Msg.key("file.type-mismatch.message",
                            f.file().extension().isEmpty() ? "（无）" : f.file().extension(), Texts.type(f.type())),
                    Msg.key("file.type-mismatch.expected", proper), Msg.literal("." + f.file().extension()),
                    accepted ? Msg.key("file.type-mismatch.fix", proper)
                            : conversionAdvice(f.type(), role));
        }
    }

    /**
     * A file in a submission or category folder whose role neither its name nor its content tells: an archive, or
     * something that could be material (a document, image, video), is an error, since it is not packaged; anything
     * else a warning.
     */
    private static void unplaced(Rules rules, ProbedFile f, String submission, FindingSink sink) {
        String path = f.file().relPath();
        if (ArchiveAdvice.isArchive(f.file().name(), f.type())) {
            ArchiveAdvice.report(sink, submission, path, null);
            return;
        }
        boolean material = f.type().couldHoldMaterial();
        Msg known = Texts.named(
                rules.roles().values().stream().map(Rules.RoleDef::name).distinct().collect(Collectors.joining("、")),
                rules.roles().values().stream().map(r -> r.nameEn() == null ? r.name() : r.nameEn()).distinct()
                        .collect(Collectors.joining(", ")));
        sink.add(material ? Rule.LAYOUT_UNPLACED : Rule.LAYOUT_UNKNOWN_FILE, submission, path,
                material ? Msg.key("file.unplaced.material.message")
                        : Msg.key("file.unplaced.other.message"),
                known, Msg.key("file.unplaced.actual", Texts.type(f.type()), f.file().name()),
                Msg.key("file.unplaced.fix", Texts.named(
                        CampaignWords.exampleFiles(rules, 3).stream().map(n -> "“" + n + "”").collect(Collectors.joining()),
                        String.join(", ", CampaignWords.exampleFiles(rules, 3)))));
    }

    private static void failure(Rules rules, ProbedFile f, ProbeException e, String submission, FindingSink sink) {
        String path = f.file().relPath();
        String detail = e.getMessage() == null ? "" : e.getMessage();
        switch (e.kind()) {
            case EMPTY -> sink.add(Rule.FILE_EMPTY, submission, path,
                    Msg.key("file.empty.message"),
                    Msg.key("file.empty.expected"), Msg.key("file.empty.actual"),
                    Msg.key("file.empty.fix"));
            case ENCRYPTED -> {
                if (f.type() == FileType.MP4 || f.type() == FileType.QUICKTIME) {
                    sink.add(Rule.FILE_ENCRYPTED, submission, path,
                            Msg.key("file.encrypted.video.message"),
                            Msg.key("file.encrypted.video.expected"), Msg.literal(detail),
                            Msg.key("file.encrypted.video.fix"));
                    return;
                }
                sink.add(Rule.FILE_ENCRYPTED, submission, path,
                    Msg.key("file.encrypted.message"),
                    Msg.key("file.encrypted.expected"), Msg.key("file.encrypted.actual"),
                    Msg.key("file.encrypted.fix"));
            }
            case TOO_LARGE -> sink.add(Rule.FILE_TOO_LARGE, submission, path,
                    Msg.key("file.too-large.message",
                            megabytes(f.file().size()), f.role() == null ? Msg.key("file.too-large.unknown-role") : Texts.role(rules, f.role())),
                    Msg.key("file.too-large.expected", megabytes(rules.limits().maxBytes(f.role()))),
                    Msg.literal(megabytes(f.file().size())),
                    Msg.key("file.too-large.fix"));
            case UNREADABLE -> sink.add(Rule.FILE_UNREADABLE, submission, path,
                    Msg.key("file.unreadable.message",
                            Texts.type(f.type())),
                    f.role() == null ? Msg.key("file.unreadable.expected")
                            : Msg.key("file.unreadable.expected-role", Texts.role(rules, f.role())),
                    Msg.literal(detail),
                    Msg.key("file.unreadable.fix"));
        }
    }

    /**
     * A photo whose data ends early or is broken will not display whole: {@code file.unreadable} (error). One
     * that displays whole but lacks its end marker was cut off by a byte or two: {@code file.missing-end} (warning).
     */
    private static void damage(ProbedFile f, ImageFacts img, String submission, FindingSink sink) {
        Msg detail = Msg.literal(img.damageDetail() == null ? img.damage().id() : img.damageDetail());
        Msg copyAgain = Msg.key("file.photo-damaged.fix");
        switch (img.damage()) {
            case TRUNCATED -> sink.add(Rule.FILE_UNREADABLE, submission, f.file().relPath(),
                    Msg.key("file.photo-damaged.truncated.message"),
                    Msg.key("file.photo-damaged.expected"), detail, copyAgain);
            case CORRUPT -> sink.add(Rule.FILE_UNREADABLE, submission, f.file().relPath(),
                    Msg.key("file.photo-damaged.corrupt.message"),
                    Msg.key("file.photo-damaged.expected"), detail, copyAgain);
            case MISSING_END -> sink.add(Rule.FILE_MISSING_END, submission, f.file().relPath(),
                    Msg.key("file.missing-end.message"),
                    Msg.key("file.missing-end.expected"), detail, copyAgain);
            default -> { }
        }
    }

    private static String megabytes(long bytes) {
        return bytes == Long.MAX_VALUE ? "∞" : String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0);
    }

    private static Msg conversionAdvice(FileType actual, Rules.RoleDef role) {
        String accepted = role.types().stream().map(t -> "." + FileType.fromId(t).extensions().get(0))
                .distinct().collect(Collectors.joining(" / "));
        return switch (actual) {
            case HEIC, WEBP, BMP, GIF, TIFF -> Msg.key("file.convert.photo", accepted);
            case HTML, MHT -> Msg.key("file.convert.web-page", accepted);
            case RTF -> Msg.key("file.convert.rtf", accepted);
            case DOC_WORD2 -> Msg.key("file.convert.word2");
            case DOC_WORD6 -> Msg.key("file.convert.word6");
            case XLS_EXCEL95 -> Msg.key("file.convert.excel95");
            case XLSB -> Msg.key("file.convert.xlsb");
            case DOCX_STRICT, XLSX_STRICT -> Msg.key("file.convert.strict");
            case WPS -> Msg.key("file.convert.wps");
            case ENCRYPTED_OFFICE -> Msg.key("file.convert.encrypted-office");
            default -> Msg.key("file.convert.other", accepted);
        };
    }

}
