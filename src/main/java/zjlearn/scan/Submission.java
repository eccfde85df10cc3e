package zjlearn.scan;

import java.util.List;

/**
 * One nominee's or project's folder.
 *
 * @param unit       canonical unit name from rules.yaml, or null when the unit is not known
 * @param category   category id from rules.yaml ({@code star}, {@code project})
 * @param title      the folder name without its number prefix (the nominee's or project's name)
 * @param path       relative to the root given, {@code /}-separated ("." when the root is this folder)
 * @param national   whether the folder holds a national folder (全国推荐材料)
 * @param files      every file of the submission, the national folder's included, sorted by path
 */
public record Submission(String unit, String category, String title, String path, boolean national,
                         List<InputFile> files) {
    public Submission {
        files = List.copyOf(files);
    }
}
