package zjlearn.archive;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.LinkOption;
import java.nio.file.NotDirectoryException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.ReadOnlyFileSystemException;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.FileTime;
import java.nio.file.spi.FileSystemProvider;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The read-only provider behind {@link ArchiveFileSystem}: everything that would write fails. */
final class ArchiveProvider extends FileSystemProvider {
    static final String SCHEME = "zjlearn-archive";
    static final ArchiveProvider INSTANCE = new ArchiveProvider();

    private ArchiveProvider() {
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public FileSystem newFileSystem(URI uri, Map<String, ?> env) {
        throw new UnsupportedOperationException("archives are opened by zjlearn.archive.ArchiveMounter");
    }

    @Override
    public FileSystem getFileSystem(URI uri) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Path getPath(URI uri) {
        throw new UnsupportedOperationException();
    }

    private static ArchivePath check(Path path) {
        if (!(path instanceof ArchivePath p)) {
            throw new ProviderMismatchException();
        }
        return p;
    }

    private static Node node(Path path) throws IOException {
        ArchivePath p = check(path);
        return p.getFileSystem().node(p);
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
            throws IOException {
        return newFileChannel(path, options, attrs);
    }

    @Override
    public FileChannel newFileChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
            throws IOException {
        for (OpenOption o : options) {
            if (o != StandardOpenOption.READ && o != LinkOption.NOFOLLOW_LINKS) {
                throw new ReadOnlyFileSystemException();
            }
        }
        Node node = node(path);
        if (node.data == null) {
            throw new IOException("not a regular file: " + path);
        }
        return node.data.open();
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter) throws IOException {
        Node node = node(dir);
        if (!node.isDirectory()) {
            throw new NotDirectoryException(dir.toString());
        }
        List<Path> children = new ArrayList<>();
        for (String name : node.children.keySet()) {
            Path child = dir.resolve(name);
            if (filter == null || filter.accept(child)) {
                children.add(child);
            }
        }
        return new DirectoryStream<>() {
            @Override
            public Iterator<Path> iterator() {
                return children.iterator();
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) {
        throw new ReadOnlyFileSystemException();
    }

    @Override
    public void delete(Path path) {
        throw new ReadOnlyFileSystemException();
    }

    @Override
    public void copy(Path source, Path target, CopyOption... options) {
        throw new ReadOnlyFileSystemException();
    }

    @Override
    public void move(Path source, Path target, CopyOption... options) {
        throw new ReadOnlyFileSystemException();
    }

    @Override
    public boolean isSameFile(Path path, Path path2) {
        return path.toAbsolutePath().normalize().equals(path2.toAbsolutePath().normalize());
    }

    @Override
    public boolean isHidden(Path path) {
        return false;
    }

    @Override
    public FileStore getFileStore(Path path) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void checkAccess(Path path, AccessMode... modes) throws IOException {
        node(path);
        for (AccessMode m : modes) {
            if (m != AccessMode.READ) {
                throw new AccessDeniedException(path.toString(), null, "archives are read-only");
            }
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V extends FileAttributeView> V getFileAttributeView(Path path, Class<V> type, LinkOption... options) {
        if (type != BasicFileAttributeView.class) {
            return null;
        }
        return (V) new BasicFileAttributeView() {
            @Override
            public String name() {
                return "basic";
            }

            @Override
            public BasicFileAttributes readAttributes() throws IOException {
                return attributes(node(path));
            }

            @Override
            public void setTimes(FileTime lastModifiedTime, FileTime lastAccessTime, FileTime createTime) {
                throw new ReadOnlyFileSystemException();
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public <A extends BasicFileAttributes> A readAttributes(Path path, Class<A> type, LinkOption... options) throws IOException {
        if (!type.isAssignableFrom(BasicFileAttributes.class)) {
            throw new UnsupportedOperationException("only basic attributes: " + type.getName());
        }
        return (A) attributes(node(path));
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException {
        BasicFileAttributes a = attributes(node(path));
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("size", a.size());
        map.put("lastModifiedTime", a.lastModifiedTime());
        map.put("isDirectory", a.isDirectory());
        map.put("isRegularFile", a.isRegularFile());
        map.put("isSymbolicLink", a.isSymbolicLink());
        return map;
    }

    @Override
    public void setAttribute(Path path, String attribute, Object value, LinkOption... options) {
        throw new ReadOnlyFileSystemException();
    }

    private static BasicFileAttributes attributes(Node node) {
        return new BasicFileAttributes() {
            @Override
            public FileTime lastModifiedTime() {
                return node.modified;
            }

            @Override
            public FileTime lastAccessTime() {
                return node.modified;
            }

            @Override
            public FileTime creationTime() {
                return node.modified;
            }

            @Override
            public boolean isRegularFile() {
                return node.type == Node.Type.FILE;
            }

            @Override
            public boolean isDirectory() {
                return node.type == Node.Type.DIRECTORY;
            }

            @Override
            public boolean isSymbolicLink() {
                return node.type == Node.Type.SYMLINK;
            }

            @Override
            public boolean isOther() {
                return false;
            }

            @Override
            public long size() {
                return node.size;
            }

            @Override
            public Object fileKey() {
                return null;
            }
        };
    }
}
