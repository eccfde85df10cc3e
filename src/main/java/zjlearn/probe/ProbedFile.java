package zjlearn.probe;

import zjlearn.probe.form.FormContent;
import zjlearn.probe.image.ImageFacts;
import zjlearn.probe.video.VideoFacts;
import zjlearn.scan.InputFile;

/**
 * The facts one file yielded. Immutable; produced once per file per run.
 *
 * @param file    the file
 * @param type    its real type, from content
 * @param role    the role from rules.yaml (by name, else by real type), or null when none fits
 * @param form    the form's fields when the file is a form that could be read, else null
 * @param text    the character counts when the file is a summary that could be read, else null
 * @param image   size, orientation and colour of a JPEG or PNG, else null
 * @param video   the header facts of a file in the video role, else null
 * @param failure why the content could not be read, or null
 */
public record ProbedFile(InputFile file, FileType type, String role, FormContent form, TextFacts text,
                         ImageFacts image, VideoFacts video, ProbeException failure) {
    public record TextFacts(int words, int nonWhitespaceCodePoints) {
    }

    public static ProbedFile plain(InputFile file, FileType type, String role) {
        return new ProbedFile(file, type, role, null, null, null, null, null);
    }

    public static ProbedFile failed(InputFile file, FileType type, String role, ProbeException failure) {
        return new ProbedFile(file, type, role, null, null, null, null, failure);
    }

    public boolean readable() {
        return failure == null;
    }
}
