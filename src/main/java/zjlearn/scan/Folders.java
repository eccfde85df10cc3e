package zjlearn.scan;

import zjlearn.archive.ArchiveMounter;
import zjlearn.rules.Names;
import zjlearn.rules.Vocabulary;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the {@link Scanner} sees the folders it walks: their entries in name order without following links, with
 * archives opened as folders ({@link ArchiveMounter}), names in NFC, paths relative to the folder given, and system
 * leftovers, links and unlistable entries reported as {@link LayoutIssue}s and skipped.
 */
final class Folders {
    record Entry(Path path, String name, BasicFileAttributes attrs) {
        boolean isDirectory() {
            return attrs.isDirectory();
        }

        boolean isSymlink() {
            return attrs.isSymbolicLink();
        }
    }
    /** The files of a folder of unknown purpose and of its sub-folders, and whether it holds files itself. */
    record Loose(List<InputFile> files, boolean holdsFiles) {
    }
    private static final Comparator<String> NAME_ORDER = NameOrder.NATURAL;

    private final Vocabulary vocabulary;
    private final ArchiveMounter archives;
    private final List<LayoutIssue> issues;
    /** The names of archives opened as folders, by the path of the folder that stands for each. */
    private final Map<Path, String> mountNames = new HashMap<>();
    /** The folder given (or the folder an archive given stands for): what paths are relative to. */
    Path root;

    Folders(Vocabulary vocabulary, List<LayoutIssue> issues) {
        this.vocabulary = vocabulary;
        this.archives = new ArchiveMounter(vocabulary);
        this.issues = issues;
    }

    /**
     * Opens the archive given as the folder to check, which becomes the root; null (with the issues saying why) when
     * nothing of it can be read.
     */
    Path mountGiven(Path archive) throws IOException {
        ArchiveMounter.Mount mount = archives.mount(archive, Names.nfc(archive.getFileName().toString()));
        issues.addAll(mount.issues());
        if (mount.path() == null) {
            return null;
        }
        root = mount.path();
        mountNames.put(root, mount.name());
        return root;
    }

    /** Empty when the folder holds nothing but system leftovers and links. */
    Optional<Loose> loose(Entry e) throws IOException {
        List<Entry> children = list(e.path(), false).stream().filter(c -> !c.isSymlink() && !(c.isDirectory()
                ? vocabulary.isIgnoredFolder(c.name()) : vocabulary.isIgnoredFile(c.name()))).toList();
        if (children.isEmpty()) {
            return Optional.empty();
        }
        List<InputFile> files = new ArrayList<>();
        boolean holdsFiles = false;
        for (Entry c : children) {
            if (!c.isDirectory()) {
                files.add(file(c, false));
                holdsFiles = true;
            } else {
                for (Entry g : list(c.path(), false)) {
                    if (!g.isDirectory() && !g.isSymlink()) {
                        files.add(file(g, false));
                    }
                }
            }
        }
        return Optional.of(new Loose(files, holdsFiles));
    }
    boolean isEmpty(Entry e) throws IOException {
        return list(e.path(), false).stream().allMatch(c -> c.isDirectory() ? vocabulary.isIgnoredFolder(c.name())
                : vocabulary.isIgnoredFile(c.name()));
    }
    /** Symlinks and system leftovers are reported and skipped. */
    boolean skipped(Entry e, String submissionPath) {
        if (e.isSymlink()) {
            issues.add(new LayoutIssue(LayoutIssue.Kind.SYMLINK, rel(e.path()), submissionPath));
            return true;
        }
        if (e.isDirectory() ? vocabulary.isIgnoredFolder(e.name()) : vocabulary.isIgnoredFile(e.name())) {
            issues.add(new LayoutIssue(LayoutIssue.Kind.TEMP_FILE, rel(e.path()), submissionPath));
            return true;
        }
        if (!e.isDirectory() && !e.attrs().isRegularFile()) {
            issues.add(new LayoutIssue(LayoutIssue.Kind.UNLISTABLE, rel(e.path()), submissionPath));
            return true;
        }
        return false;
    }
    InputFile file(Entry e, boolean national) {
        return new InputFile(e.path(), rel(e.path()), e.attrs().size(), national);
    }
    List<Entry> list(Path dir) throws IOException {
        return list(dir, true);
    }
    /** The folder's entries in name order; with {@code mount}, archives in it are opened as folders. */
    List<Entry> list(Path dir, boolean mount) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path p : stream) {
                BasicFileAttributes attrs = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (mount && attrs.isRegularFile() && ArchiveMounter.isArchiveName(folderName(p))) {
                    ArchiveMounter.Mount m = archives.mount(p, rel(p));
                    issues.addAll(m.issues());
                    if (m.path() != null) {
                        mountNames.put(m.path(), m.name());
                        entries.add(new Entry(m.path(), m.name(),
                                Files.readAttributes(m.path(), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)));
                    }
                    continue;
                }
                entries.add(new Entry(p, folderName(p), attrs));
            }
        } catch (java.nio.file.AccessDeniedException e) {
            issues.add(new LayoutIssue(LayoutIssue.Kind.UNLISTABLE, rel(dir), null));
        }
        entries.sort(Comparator.comparing(Entry::name, NAME_ORDER));
        return entries;
    }
    /** A file name without its extension. */
    static String baseName(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
    String folderName(Path p) {
        String mounted = mountNames.get(p);
        if (mounted != null) {
            return mounted;
        }
        Path name = p.getFileName();
        return name == null ? p.toString() : Names.nfc(name.toString());
    }
    /** Relative to the root given, {@code /}-separated; a folder above the root is reached by "..". */
    String rel(Path p) {
        if (p.equals(root)) {
            return ".";
        }
        if (ArchiveMounter.inArchive(p)) {
            return ArchiveMounter.display(p);
        }
        List<String> parts = new ArrayList<>();
        for (Path part : root.relativize(p)) {
            parts.add(Names.nfc(part.toString()));
        }
        return String.join("/", parts);
    }
}
