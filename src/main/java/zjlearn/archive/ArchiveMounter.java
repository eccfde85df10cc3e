package zjlearn.archive;

import zjlearn.rules.FileType;
import zjlearn.rules.Magic;
import zjlearn.rules.Names;
import zjlearn.rules.Rules;
import zjlearn.rules.Vocabulary;
import zjlearn.scan.LayoutIssue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Opens an archive (zip, 7z, RAR) where the scanner expects a folder, and gives it back as a read-only
 * folder: the scanner and the probes then read it through ordinary paths, in place, and never unpack it into
 * the input. An archive that cannot be read, or entries that must not be, become {@link LayoutIssue}s.
 *
 * <p>The folder that stands for the archive (the "mount") is its single top folder when it has one that is
 * not a category folder, else the archive's root; its name, which the scanner reads as a unit, category or
 * submission name, is the top folder's name when that names a unit, else the unit its file name names
 * ({@code 宁波市教育局-百姓学习之星推荐材料.zip} → 宁波市), else the file name without extension.
 */
public final class ArchiveMounter {
    /**
     * An archive opened as a folder.
     *
     * @param path   the folder that stands for the archive, or null when nothing of it can be read
     * @param name   the name the scanner should give that folder
     * @param issues what is wrong with the archive, with display paths
     * @param facts  format, name encoding and entry count, for {@code inspect}
     */
    public record Mount(Path path, String name, List<LayoutIssue> issues, Facts facts) {
    }

    /** What {@code inspect} says about an archive. */
    public record Facts(String format, String nameEncoding, int entries, int files, long bytes) {
    }

    private final Vocabulary vocabulary;
    private final Rules.ArchiveLimits limits;

    private final RarReader rar;

    public ArchiveMounter(Vocabulary vocabulary) {
        this(vocabulary, RarReader.standard());
    }

    /** A mounter whose RAR reader runs another child (tests: one that crashes or hangs). */
    ArchiveMounter(Vocabulary vocabulary, RarReader rar) {
        this.vocabulary = vocabulary;
        this.limits = vocabulary.rules().limits().archives();
        this.rar = rar;
    }

    /** A part of a multi-volume archive, by its name: x.r00, x.z01, x.7z.001, x.zip.001 (RAR 5's x.part2.rar by its header). */
    private static final java.util.regex.Pattern VOLUME = java.util.regex.Pattern.compile(
            "(?i).*(\\.r\\d\\d|\\.z\\d\\d|\\.(7z|zip|rar)\\.\\d{3})");

    /** Whether a file name is an archive's (.zip, .7z, .rar, any case) or a part of a multi-volume one. */
    public static boolean isArchiveName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return lower.endsWith(".zip") || lower.endsWith(".7z") || lower.endsWith(".rar") || VOLUME.matcher(fileName).matches();
    }

    /**
     * Whether {@code file} is one part of a multi-volume archive by its name, or is the last part of a split zip
     * (x.zip beside x.z01) or of an old-style RAR set (x.rar beside x.r00). RAR volumes named x.part1.rar are
     * told by their header ({@link RarReader}).
     */
    static boolean isVolume(Path file, String fileName) {
        if (VOLUME.matcher(fileName).matches()) {
            return true;
        }
        String lower = fileName.toLowerCase(Locale.ROOT);
        String first = lower.endsWith(".zip") ? ".z01" : lower.endsWith(".rar") ? ".r00" : null;
        if (first == null || file.getParent() == null) {
            return false;
        }
        String stem = fileName.substring(0, fileName.length() - 4);
        return java.nio.file.Files.exists(file.resolveSibling(stem + first))
                || java.nio.file.Files.exists(file.resolveSibling(stem + first.toUpperCase(Locale.ROOT)));
    }

    /** The path as the clerk sees it ({@code 宁波市.zip!/百姓学习之星/01-赵志刚/推荐表.docx}), or null outside archives. */
    public static String display(Path path) {
        return path instanceof ArchivePath p ? p.getFileSystem().display(p) : null;
    }

    /** Whether {@code file} is an archive the commands accept where they accept a folder. */
    public static boolean isArchiveFile(Path file) {
        return java.nio.file.Files.isRegularFile(file) && file.getFileName() != null && isArchiveName(file.getFileName().toString());
    }

    /**
     * The CRC-32 an archive records for a file read in place without decompression (a stored zip entry), which
     * whoever reads the whole file should compare with the bytes read; -1 for any other file.
     */
    public static long recordedCrc(Path path) {
        if (!(path instanceof ArchivePath p)) {
            return -1;
        }
        try {
            Node node = p.getFileSystem().node(p);
            return node.data == null ? -1 : node.data.recordedCrc();
        } catch (IOException e) {
            return -1;
        }
    }

    /** A display path without its leading archive ({@code 宁波市.zip!/百姓学习之星/…} → {@code 百姓学习之星/…}). */
    public static String belowArchive(String path) {
        int slash = path.indexOf('/');
        return slash > 0 && path.charAt(slash - 1) == '!' ? path.substring(slash + 1) : path;
    }

    /** A display path as folders: each archive it passes through ({@code 01-赵志刚.zip!}) becomes a folder of that name. */
    public static String asFolders(String path) {
        return path.replace("!/", "/");
    }

    /** Whether a path lies inside an archive opened here. */
    public static boolean inArchive(Path path) {
        return path instanceof ArchivePath;
    }

    /**
     * Opens {@code file} as a folder.
     *
     * @param display how reports name the archive file (its path relative to the folder given, or its name)
     */
    public Mount mount(Path file, String display) {
        String fileName = Names.nfc(file.getFileName() == null ? display : file.getFileName().toString());
        int depth = file instanceof ArchivePath p ? p.getFileSystem().depth() + 1 : 0;
        List<Problem> problems = new ArrayList<>();
        if (depth > limits.nesting()) {
            problems.add(Problem.of(LayoutIssue.Kind.ARCHIVE_NESTED, null, String.valueOf(depth)));
            return failed(display, problems, null);
        }
        if (isVolume(file, fileName)) {
            problems.add(Problem.of(LayoutIssue.Kind.ARCHIVE_UNREADABLE, null, "volume"));
            return failed(display, problems, null);
        }
        Opening opening = new Opening();
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
            opening.holds(channel);
            List<RawEntry> entries = read(file, channel, opening, problems);
            TreeBuilder tree = new TreeBuilder(problems, limits);
            entries.forEach(tree::add);
            if (tree.bytes() > limits.totalBytes()) {
                throw new Opening.LimitException("total", tree.bytes());
            }
            if (tree.files() > 0 && tree.files() == tree.encrypted()) {
                throw new Opening.EncryptedException("every entry is encrypted");
            }
            ArchiveFileSystem fs = new ArchiveFileSystem(tree.root(), display, depth);
            opening.resources.forEach(fs::holds);
            Placement placement = place(tree.root(), fileName, problems);
            ArchivePath mountPath = new ArchivePath(fs, placement.names(), true);
            fs.mountAt(mountPath);
            Mounts.register(fs);
            Facts facts = new Facts(opening.format, opening.nameEncoding, entries.size(), tree.files(), tree.bytes());
            return new Mount(mountPath, placement.name(), issues(display, fs, problems), facts);
        } catch (Opening.EncryptedException e) {
            opening.closeAll();
            problems.removeIf(p -> p.kind() == LayoutIssue.Kind.ARCHIVE_ENCRYPTED);
            problems.add(Problem.of(LayoutIssue.Kind.ARCHIVE_ENCRYPTED, null, e.getMessage()));
            return failed(display, problems, opening);
        } catch (Opening.LimitException e) {
            opening.closeAll();
            problems.add(new Problem(LayoutIssue.Kind.ARCHIVE_LIMIT, null, e.what, (int) Math.min(Integer.MAX_VALUE, e.actual)));
            return failed(display, problems, opening);
        } catch (RarReader.VolumeException e) {
            opening.closeAll();
            problems.add(Problem.of(LayoutIssue.Kind.ARCHIVE_UNREADABLE, null, "volume"));
            return failed(display, problems, opening);
        } catch (RarReader.UnsupportedFormatException e) {
            opening.closeAll();
            problems.add(Problem.of(LayoutIssue.Kind.ARCHIVE_UNREADABLE, null, "unsupported:" + e.format));
            return failed(display, problems, opening);
        } catch (IOException | RuntimeException | OutOfMemoryError | StackOverflowError | LinkageError e) {
            opening.closeAll();
            problems.add(Problem.of(LayoutIssue.Kind.ARCHIVE_UNREADABLE, null, describe(e)));
            return failed(display, problems, opening);
        }
    }

    /**
     * What {@code zjlearn inspect} shows for an archive: format, how its names were decoded, its entries, the
     * unit it is read as, the files it holds (the first 200) and its problems.
     */
    public java.util.Map<String, Object> inspect(Path file) {
        java.util.Map<String, Object> facts = new java.util.LinkedHashMap<>();
        String name = Names.nfc(String.valueOf(file.getFileName()));
        facts.put("path", file.toString());
        Mount mount = mount(file, name);
        if (mount.facts() != null) {
            facts.put("type", mount.facts().format());
            java.util.Map<String, Object> archive = new java.util.LinkedHashMap<>();
            archive.put("format", mount.facts().format());
            archive.put("nameEncoding", mount.facts().nameEncoding());
            archive.put("entries", mount.facts().entries());
            archive.put("files", mount.facts().files());
            archive.put("bytes", mount.facts().bytes());
            if (mount.path() != null) {
                archive.put("readAs", mount.name());
                List<String> files = new ArrayList<>();
                try (java.util.stream.Stream<Path> walk = java.nio.file.Files.walk(mount.path())) {
                    walk.filter(java.nio.file.Files::isRegularFile).limit(200).forEach(p -> files.add(display(p)));
                } catch (IOException | java.io.UncheckedIOException e) {
                    files.add("… " + e.getMessage());
                }
                archive.put("list", files);
            }
            facts.put("archive", archive);
        }
        if (!mount.issues().isEmpty()) {
            List<java.util.Map<String, Object>> problems = new ArrayList<>();
            for (LayoutIssue i : mount.issues()) {
                java.util.Map<String, Object> p = new java.util.LinkedHashMap<>();
                p.put("kind", i.kind().name().toLowerCase(Locale.ROOT));
                p.put("path", i.path());
                p.put("detail", i.detail());
                problems.add(p);
            }
            facts.put(mount.path() == null ? "error" : "problems", mount.path() == null && problems.size() == 1
                    ? problems.get(0) : problems);
        }
        return facts;
    }

    private List<RawEntry> read(Path file, FileChannel channel, Opening opening, List<Problem> problems) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(8);
        while (head.hasRemaining() && channel.read(head, head.position()) > 0) {
            // a short file stops early
        }
        int n = head.position();
        byte[] b = Arrays.copyOf(head.array(), n);
        FileType type = Magic.type(b);
        if (type == FileType.ZIP) {
            return ZipReader.read(channel, opening, problems, limits.entries());
        }
        if (type == FileType.SEVEN_ZIP) {
            return SevenZReader.read(channel, opening, problems, limits);
        }
        if (n >= 7 && type == FileType.RAR) {
            return rar.read(file, channel, opening, problems, limits);
        }
        throw new IOException(n == 0 ? "the file is empty" : "not a zip, 7z or RAR archive (its content is something else)");
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private record Placement(List<String> names, String name) {
    }

    /** Where the mount lies and what the scanner should call it (see the class comment). */
    private Placement place(Node root, String fileName, List<Problem> problems) {
        List<Node> visible = new ArrayList<>();
        List<Node> ignored = new ArrayList<>();
        for (Node child : root.children.values()) {
            boolean ignore = child.isDirectory() ? vocabulary.isIgnoredFolder(child.name) : vocabulary.isIgnoredFile(child.name);
            (ignore ? ignored : visible).add(child);
        }
        String stem = stem(fileName);
        Node top = visible.size() == 1 && visible.get(0).isDirectory() ? visible.get(0) : null;
        if (top != null && vocabulary.category(top.name).isEmpty()) {
            ignored.forEach(i -> problems.add(Problem.of(LayoutIssue.Kind.TEMP_FILE, i.name, null)));
            if (vocabulary.unit(top.name).isPresent() || !holdsCategories(top)) {
                return new Placement(List.of(top.name), top.name);
            }
            return new Placement(List.of(top.name), unitFromName(stem, top.name, problems));
        }
        // only an archive that holds category folders stands for a unit: 01-张三.zip in a category folder does not
        return new Placement(List.of(), holdsCategories(root) ? unitFromName(stem, stem, problems) : stem);
    }

    private boolean holdsCategories(Node folder) {
        return folder.children.values().stream().anyMatch(c -> c.isDirectory() && vocabulary.category(c.name).isPresent());
    }

    /** The one unit a file name names, else {@code fallback}; several units are an issue. */
    private String unitFromName(String stem, String fallback, List<Problem> problems) {
        Set<String> units = unitsNamedIn(stem);
        if (units.size() == 1) {
            return units.iterator().next();
        }
        if (units.size() > 1) {
            problems.add(Problem.of(LayoutIssue.Kind.ARCHIVE_UNIT_AMBIGUOUS, null, String.join("、", units)));
        }
        return fallback;
    }

    /** Every unit of rules.yaml whose name or an alias occurs in {@code text}. */
    Set<String> unitsNamedIn(String text) {
        String key = Names.key(text);
        Set<String> found = new LinkedHashSet<>();
        for (Rules.UnitDef unit : vocabulary.rules().units()) {
            List<String> names = new ArrayList<>(unit.aliases());
            names.add(unit.name());
            for (String n : names) {
                String k = Names.key(n);
                if (!k.isEmpty() && key.contains(k)) {
                    found.add(unit.name());
                }
            }
        }
        return found;
    }

    private static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    private static Mount failed(String display, List<Problem> problems, Opening opening) {
        Facts facts = opening == null ? null : new Facts(opening.format, opening.nameEncoding, 0, 0, 0);
        return new Mount(null, null, issues(display, null, problems), facts);
    }

    private static List<LayoutIssue> issues(String display, ArchiveFileSystem fs, List<Problem> problems) {
        List<LayoutIssue> issues = new ArrayList<>();
        for (Problem p : problems) {
            String path;
            if (p.entry() == null) {
                path = display;
            } else if (fs != null && p.kind() != LayoutIssue.Kind.ARCHIVE_UNSAFE_ENTRY && p.kind() != LayoutIssue.Kind.TEMP_FILE) {
                path = fs.display((ArchivePath) fs.getPath("/" + TreeBuilder.clean(p.entry())));
            } else {
                path = display + "!/" + p.entry();
            }
            issues.add(new LayoutIssue(p.kind(), path, null, p.count(), p.detail()));
        }
        return issues;
    }
}
