package zjlearn.archive;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;

/**
 * Zips built in code the way a Chinese Windows writes them (GBK names, no UTF-8 flag), with whatever
 * entries a test needs — hostile names, links, stored or deflated data.
 */
final class ArchiveZips {
    private record Item(String name, byte[] data, boolean stored, int unixMode) {
    }

    private final List<Item> items = new ArrayList<>();

    ArchiveZips file(String name, byte[] data) {
        items.add(new Item(name, data, false, 0));
        return this;
    }

    ArchiveZips stored(String name, byte[] data) {
        items.add(new Item(name, data, true, 0));
        return this;
    }

    ArchiveZips symlink(String name, String target) {
        items.add(new Item(name, target.getBytes(StandardCharsets.UTF_8), true, 0120777));
        return this;
    }

    /** Every file under {@code folder}, named relative to {@code base} (so the folder's own name may lead). */
    ArchiveZips tree(Path base, Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = base.relativize(f).toString().replace('\\', '/');
                String lower = name.toLowerCase();
                boolean media = lower.endsWith(".jpg") || lower.endsWith(".mp4") || lower.endsWith(".png");
                items.add(new Item(name, Files.readAllBytes(f), media, 0));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Copies a folder tree (test fixtures into a temporary inbox). */
    static void copyTree(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path write(Path zip) {
        try {
            Files.createDirectories(zip.getParent());
            try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
                out.setEncoding("GBK");
                out.setUseLanguageEncodingFlag(false);
                out.setCreateUnicodeExtraFields(ZipArchiveOutputStream.UnicodeExtraFieldPolicy.NEVER);
                for (Item item : items) {
                    ZipArchiveEntry e = new ZipArchiveEntry(item.name());
                    e.setTime(1_629_424_800_000L);
                    if (item.unixMode() != 0) {
                        e.setUnixMode(item.unixMode());
                    }
                    if (item.stored()) {
                        CRC32 crc = new CRC32();
                        crc.update(item.data());
                        e.setMethod(ZipEntry.STORED);
                        e.setSize(item.data().length);
                        e.setCrc(crc.getValue());
                    } else {
                        e.setMethod(ZipEntry.DEFLATED);
                    }
                    out.putArchiveEntry(e);
                    out.write(item.data());
                    out.closeArchiveEntry();
                }
            }
            return zip;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
