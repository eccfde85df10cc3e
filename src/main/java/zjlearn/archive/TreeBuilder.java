package zjlearn.archive;

import zjlearn.rules.Names;
import zjlearn.rules.Rules;
import zjlearn.scan.LayoutIssue;

import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Builds an archive's folder tree from its entries, refusing what must not be read: names that leave the
 * archive ({@code ../}, an absolute path, a drive letter), control characters, a name given twice, and
 * entries compressed far beyond what real material allows (a zip bomb). A refused entry is a
 * {@link Problem}, never silently dropped. Backslashes count as folder separators (old Windows tools).
 */
final class TreeBuilder {
    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");
    private static final FileTime EPOCH = FileTime.fromMillis(0);

    private final Node root = Node.directory("", null, EPOCH);
    private final List<Problem> problems;
    private final Rules.ArchiveLimits limits;
    private int files;
    private int encrypted;
    private long bytes;

    TreeBuilder(List<Problem> problems, Rules.ArchiveLimits limits) {
        this.problems = problems;
        this.limits = limits;
    }

    Node root() {
        return root;
    }

    int files() {
        return files;
    }

    /** Files whose data need a password. */
    int encrypted() {
        return encrypted;
    }

    /** The declared size of all files. */
    long bytes() {
        return bytes;
    }

    /** Why a name must not be read, or null when it is safe. */
    static String unsafe(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return "control";
            }
        }
        String n = name.replace('\\', '/');
        if (n.startsWith("/")) {
            return "absolute";
        }
        if (DRIVE.matcher(n).matches()) {
            return "drive";
        }
        for (String segment : n.split("/")) {
            if (segment.equals("..")) {
                return "escape";
            }
        }
        return null;
    }

    /** The name with {@code /} separators, NFC, without empty or {@code .} segments. */
    static String clean(String name) {
        return String.join("/", segments(name));
    }

    private static List<String> segments(String name) {
        List<String> parts = new ArrayList<>();
        for (String s : Names.nfc(name.replace('\\', '/')).split("/")) {
            if (!s.isEmpty() && !s.equals(".")) {
                parts.add(s);
            }
        }
        return parts;
    }

    void add(RawEntry e) {
        String why = unsafe(e.name());
        if (why != null) {
            problems.add(Problem.of(LayoutIssue.Kind.ARCHIVE_UNSAFE_ENTRY, e.name(), why));
            return;
        }
        List<String> parts = segments(e.name());
        if (parts.isEmpty()) {
            return; // the archive's root folder itself ("./")
        }
        Node dir = root;
        for (int i = 0; i < parts.size() - 1; i++) {
            Node child = dir.children.get(parts.get(i));
            if (child == null) {
                child = Node.directory(parts.get(i), dir, e.modified());
                dir.children.put(child.name, child);
            } else if (!child.isDirectory()) {
                problems.add(Problem.of(LayoutIssue.Kind.ARCHIVE_UNSAFE_ENTRY, e.name(), "duplicate"));
                return;
            }
            dir = child;
        }
        String last = parts.get(parts.size() - 1);
        Node existing = dir.children.get(last);
        if (e.type() == Node.Type.DIRECTORY) {
            if (existing == null) {
                dir.children.put(last, Node.directory(last, dir, e.modified()));
            } else if (!existing.isDirectory()) {
                problems.add(Problem.of(LayoutIssue.Kind.ARCHIVE_UNSAFE_ENTRY, e.name(), "duplicate"));
            }
            return;
        }
        if (existing != null) {
            problems.add(Problem.of(LayoutIssue.Kind.ARCHIVE_UNSAFE_ENTRY, e.name(), "duplicate"));
            return;
        }
        EntryData data = e.data();
        if (e.type() == Node.Type.FILE) {
            files++;
            bytes += Math.max(0, e.size());
            if (data instanceof EntryData.Failing && problems.stream().anyMatch(p -> p.kind() == LayoutIssue.Kind.ARCHIVE_ENCRYPTED
                    && e.name().equals(p.entry()))) {
                encrypted++;
            }
            if (e.compressedSize() > 0 && e.size() > Limits.RATIO_FLOOR && e.size() / e.compressedSize() > limits.ratio()) {
                problems.add(new Problem(LayoutIssue.Kind.ARCHIVE_LIMIT, e.name(), "ratio",
                        (int) Math.min(Integer.MAX_VALUE, e.size() / e.compressedSize())));
                data = new EntryData.Failing("compressed " + e.size() / e.compressedSize() + " times: a zip bomb, not read");
            }
        }
        dir.children.put(last, new Node(last, dir, e.type(), e.type() == Node.Type.FILE ? e.size() : 0, e.modified(), data));
    }
}
