package zjlearn.archive;

import java.nio.file.attribute.FileTime;

/**
 * An entry as an archive lists it, before its name is checked.
 *
 * @param name           decoded, as written in the archive (separators not yet normalised)
 * @param compressedSize bytes in the archive, or -1 when the format does not say (solid 7z, RAR)
 * @param data           where its bytes come from; null for folders and links
 */
record RawEntry(String name, Node.Type type, long size, long compressedSize, FileTime modified, EntryData data) {
}
