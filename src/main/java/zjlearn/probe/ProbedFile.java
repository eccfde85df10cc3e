package zjlearn.probe;

import zjlearn.rules.FileType;
import java.util.Objects;
import java.util.Optional;
import zjlearn.probe.form.FormContent;
import zjlearn.probe.image.ImageFacts;
import zjlearn.probe.video.VideoFacts;
import zjlearn.scan.InputFile;

/**
 * The facts one file yielded. Immutable; produced once per file per run.
 *
 * @param file  the file
 * @param type  its real type, from content
 * @param role  the role from rules.yaml (by name, else by real type), or null when none fits
 * @param facts what reading its content gave: exactly one of {@link Form}, {@link TextFacts}, {@link Image},
 *              {@link Video}, {@link Unread} or {@link NotRead}; checks take what they need by pattern matching
 */
public record ProbedFile(InputFile file, FileType type, String role, Facts facts) {

    public ProbedFile {
        Objects.requireNonNull(facts, "facts");
    }

    /** What reading a file's content gave. */
    public sealed interface Facts permits Form, TextFacts, Image, Video, Unread, NotRead {
    }

    /** The fields of a form that could be read. */
    public record Form(FormContent content) implements Facts {
    }

    /** The character counts of a summary that could be read. */
    public record TextFacts(int words, int nonWhitespaceCodePoints) implements Facts {
    }

    /** Size, orientation and colour of a JPEG or PNG. */
    public record Image(ImageFacts facts) implements Facts {
    }

    /** The header facts of a file in the video role (or of any MP4/QuickTime file). */
    public record Video(VideoFacts facts) implements Facts {
    }

    /** Why the content could not be read. */
    public record Unread(ProbeException failure) implements Facts {
    }

    /** Nothing was read beyond the type: no check needs more of a file of this type and role. */
    public record NotRead() implements Facts {
    }

    /** A file whose form was read, as the checks that compare forms see it. */
    public record FormFile(InputFile file, String role, FormContent form) {
    }

    public static ProbedFile plain(InputFile file, FileType type, String role) {
        return new ProbedFile(file, type, role, new NotRead());
    }

    public static ProbedFile failed(InputFile file, FileType type, String role, ProbeException failure) {
        return new ProbedFile(file, type, role, new Unread(failure));
    }

    public boolean readable() {
        return !(facts instanceof Unread);
    }

    /** The file and its form, when its facts are a form. */
    public Optional<FormFile> formFile() {
        return facts instanceof Form form ? Optional.of(new FormFile(file, role, form.content())) : Optional.empty();
    }
}
