package zjlearn.archive;

import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.Map;

/** A file, folder or symbolic link inside an archive. */
final class Node {
    enum Type { DIRECTORY, FILE, SYMLINK }

    final String name;
    final Node parent;
    final Type type;
    final Map<String, Node> children = new LinkedHashMap<>();
    final long size;
    final FileTime modified;
    final EntryData data;

    Node(String name, Node parent, Type type, long size, FileTime modified, EntryData data) {
        this.name = name;
        this.parent = parent;
        this.type = type;
        this.size = size;
        this.modified = modified;
        this.data = data;
    }

    static Node directory(String name, Node parent, FileTime modified) {
        return new Node(name, parent, Type.DIRECTORY, 0, modified, null);
    }

    boolean isDirectory() {
        return type == Type.DIRECTORY;
    }
}
