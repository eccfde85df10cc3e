package zjlearn.scan;

import java.util.List;

/**
 * A category folder of a unit: its submissions are listed in {@link ScanResult#submissions()};
 * the files here are those lying directly in the folder (typically the category's 推荐登记表).
 */
public record CategoryFolder(String unit, String category, String path, List<InputFile> files) {
    public CategoryFolder {
        files = List.copyOf(files);
    }
}
