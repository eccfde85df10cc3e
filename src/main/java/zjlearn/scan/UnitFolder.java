package zjlearn.scan;

import java.util.List;

/**
 * A unit's folder, as read: its path relative to the root given ("." when the root is the unit) and the
 * unit documents lying directly in it (cover letters, stamped scans: rules.yaml's layout.unitDocuments),
 * which are checked and packaged with the unit.
 */
public record UnitFolder(String unit, String path, List<InputFile> files) {
    public UnitFolder {
        files = List.copyOf(files);
    }
}
