package zjlearn.archive;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;

/** A path inside an archive opened by {@link ArchiveFileSystem}: names separated by {@code /}. */
final class ArchivePath implements Path {
    private final ArchiveFileSystem fs;
    private final List<String> names;
    private final boolean absolute;

    ArchivePath(ArchiveFileSystem fs, List<String> names, boolean absolute) {
        this.fs = fs;
        this.names = List.copyOf(names);
        this.absolute = absolute;
    }

    List<String> names() {
        return names;
    }

    @Override
    public ArchiveFileSystem getFileSystem() {
        return fs;
    }

    @Override
    public boolean isAbsolute() {
        return absolute;
    }

    @Override
    public Path getRoot() {
        return absolute ? new ArchivePath(fs, List.of(), true) : null;
    }

    @Override
    public Path getFileName() {
        return names.isEmpty() ? null : new ArchivePath(fs, List.of(names.get(names.size() - 1)), false);
    }

    @Override
    public Path getParent() {
        if (names.isEmpty() || !absolute && names.size() == 1) {
            return null;
        }
        return new ArchivePath(fs, names.subList(0, names.size() - 1), absolute);
    }

    @Override
    public int getNameCount() {
        return names.size();
    }

    @Override
    public Path getName(int index) {
        return new ArchivePath(fs, List.of(names.get(index)), false);
    }

    @Override
    public Path subpath(int beginIndex, int endIndex) {
        return new ArchivePath(fs, names.subList(beginIndex, endIndex), false);
    }

    @Override
    public boolean startsWith(Path other) {
        if (!(other instanceof ArchivePath o) || o.fs != fs || o.absolute != absolute || o.names.size() > names.size()) {
            return false;
        }
        return names.subList(0, o.names.size()).equals(o.names);
    }

    @Override
    public boolean endsWith(Path other) {
        if (!(other instanceof ArchivePath o) || o.fs != fs || o.names.size() > names.size() || o.absolute && !absolute) {
            return false;
        }
        if (o.absolute) {
            return equals(o);
        }
        return names.subList(names.size() - o.names.size(), names.size()).equals(o.names);
    }

    @Override
    public Path normalize() {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            if (n.equals(".")) {
                continue;
            }
            if (n.equals("..") && !out.isEmpty() && !out.get(out.size() - 1).equals("..")) {
                out.remove(out.size() - 1);
            } else if (!(n.equals("..") && absolute)) {
                out.add(n);
            }
        }
        return new ArchivePath(fs, out, absolute);
    }

    @Override
    public Path resolve(Path other) {
        ArchivePath o = check(other);
        if (o.absolute) {
            return o;
        }
        List<String> joined = new ArrayList<>(names);
        joined.addAll(o.names);
        return new ArchivePath(fs, joined, absolute);
    }

    @Override
    public Path resolve(String other) {
        return resolve(fs.getPath(other));
    }

    @Override
    public Path relativize(Path other) {
        ArchivePath o = check(other);
        if (o.absolute != absolute) {
            throw new IllegalArgumentException("one path is absolute, the other is not");
        }
        int common = 0;
        while (common < names.size() && common < o.names.size() && names.get(common).equals(o.names.get(common))) {
            common++;
        }
        List<String> out = new ArrayList<>();
        for (int i = common; i < names.size(); i++) {
            out.add("..");
        }
        out.addAll(o.names.subList(common, o.names.size()));
        return new ArchivePath(fs, out, false);
    }

    @Override
    public URI toUri() {
        try {
            return new URI(ArchiveProvider.SCHEME, null, toAbsolutePath().toString(), null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Path toAbsolutePath() {
        return absolute ? this : new ArchivePath(fs, names, true);
    }

    @Override
    public Path toRealPath(LinkOption... options) throws IOException {
        Path real = toAbsolutePath().normalize();
        fs.node((ArchivePath) real);
        return real;
    }

    /**
     * The entry as a file on this computer, for libraries that read only files (POI): a compressed entry is
     * extracted into the private temporary folder once, a stored one copied there.
     */
    @Override
    public File toFile() {
        try {
            Node node = fs.node((ArchivePath) toAbsolutePath().normalize());
            if (node.data == null) {
                throw new UnsupportedOperationException("not a file: " + this);
            }
            return node.data.file().toFile();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public WatchKey register(WatchService watcher, WatchEvent.Kind<?>[] events, WatchEvent.Modifier... modifiers) {
        throw new UnsupportedOperationException("archives are read-only");
    }

    @Override
    public int compareTo(Path other) {
        return toString().compareTo(other.toString());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArchivePath p && p.fs == fs && p.absolute == absolute && p.names.equals(names);
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(fs) * 31 + names.hashCode() + (absolute ? 1 : 0);
    }

    @Override
    public String toString() {
        return (absolute ? "/" : "") + String.join("/", names);
    }

    private ArchivePath check(Path other) {
        if (!(other instanceof ArchivePath o) || o.fs != fs) {
            throw new ProviderMismatchException();
        }
        return o;
    }
}
