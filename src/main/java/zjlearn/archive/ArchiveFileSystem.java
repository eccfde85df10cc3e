package zjlearn.archive;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.spi.FileSystemProvider;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * One archive, read in place, as a read-only file system: the scanner lists its folders and the probes open
 * its files through ordinary {@link Path}s. Paths are shown to the clerk as {@code 宁波市.zip!/百姓学习之星/…}:
 * the archive's path, then the path below the folder that stands for the unit ({@link #display}).
 */
final class ArchiveFileSystem extends FileSystem {
    private final Node root;
    private final String displayName;
    private final int depth;
    private final List<Closeable> resources = new ArrayList<>();
    private volatile boolean open = true;
    private ArchivePath mount;

    ArchiveFileSystem(Node root, String displayName, int depth) {
        this.root = root;
        this.displayName = displayName;
        this.depth = depth;
    }

    /** How many archives this one lies in (0 for an archive on disk). */
    int depth() {
        return depth;
    }

    void holds(Closeable resource) {
        resources.add(resource);
    }

    void mountAt(ArchivePath path) {
        mount = path;
    }

    ArchivePath rootPath() {
        return new ArchivePath(this, List.of(), true);
    }

    /** The archive's path as the clerk sees it, then {@code !/} and the path below the mount folder. */
    String display(ArchivePath path) {
        ArchivePath p = (ArchivePath) path.toAbsolutePath().normalize();
        if (p.equals(mount)) {
            return displayName;
        }
        List<String> below = mount != null && p.startsWith(mount)
                ? p.names().subList(mount.getNameCount(), p.getNameCount()) : p.names();
        return displayName + "!/" + String.join("/", below);
    }

    Node node(ArchivePath path) throws NoSuchFileException {
        Node node = root;
        for (String name : ((ArchivePath) path.toAbsolutePath().normalize()).names()) {
            node = node.children.get(name);
            if (node == null) {
                throw new NoSuchFileException(path.toString());
            }
        }
        return node;
    }

    @Override
    public FileSystemProvider provider() {
        return ArchiveProvider.INSTANCE;
    }

    @Override
    public void close() throws IOException {
        open = false;
        IOException first = null;
        for (Closeable c : resources) {
            try {
                c.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public boolean isReadOnly() {
        return true;
    }

    @Override
    public String getSeparator() {
        return "/";
    }

    @Override
    public Iterable<Path> getRootDirectories() {
        return List.of(rootPath());
    }

    @Override
    public Iterable<FileStore> getFileStores() {
        return List.of();
    }

    @Override
    public Set<String> supportedFileAttributeViews() {
        return Set.of("basic");
    }

    @Override
    public Path getPath(String first, String... more) {
        String joined = more.length == 0 ? first : first + "/" + String.join("/", more);
        List<String> names = new ArrayList<>(Arrays.asList(joined.split("/")));
        names.removeIf(String::isEmpty);
        return new ArchivePath(this, names, joined.startsWith("/"));
    }

    @Override
    public PathMatcher getPathMatcher(String syntaxAndPattern) {
        throw new UnsupportedOperationException();
    }

    @Override
    public UserPrincipalLookupService getUserPrincipalLookupService() {
        throw new UnsupportedOperationException();
    }

    @Override
    public java.nio.file.WatchService newWatchService() {
        throw new UnsupportedOperationException();
    }
}
