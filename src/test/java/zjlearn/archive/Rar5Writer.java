package zjlearn.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * RAR 5 archives built in code, entries stored (no free program writes RAR; the stored form is simple enough to
 * write from the format's documentation, rarlab.com "RAR 5.0 archive format"): the signature, a main archive
 * header, one file header per entry with its UTF-8 name, data and CRC-32, and the end-of-archive header.
 * {@code RarWriterTest} checks that 7-Zip and libarchive read what it writes.
 */
final class Rar5Writer {
    private record Item(String name, byte[] data, boolean folder, boolean link) {
    }

    private final List<Item> items = new ArrayList<>();
    private boolean volume;

    /** Marks the archive as one volume of a multi-volume set (the main header's volume flag). */
    Rar5Writer volume() {
        volume = true;
        return this;
    }

    Rar5Writer file(String name, byte[] data) {
        items.add(new Item(name, data, false, false));
        return this;
    }

    Rar5Writer folder(String name) {
        items.add(new Item(name, new byte[0], true, false));
        return this;
    }

    /** A Unix symbolic link (host OS Unix, mode 0120777) whose data is its target. */
    Rar5Writer symlink(String name, String target) {
        items.add(new Item(name, target.getBytes(StandardCharsets.UTF_8), false, true));
        return this;
    }

    /** Every file under {@code folder}, named relative to {@code base}, in name order. */
    Rar5Writer tree(Path base, Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                file(base.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Path write(Path rar) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x52, 0x61, 0x72, 0x21, 0x1A, 0x07, 0x01, 0x00});
        header(out, 1, 0, -1, vint(volume ? 0x0001 : 0)); // main archive header: volume flag or none
        for (Item item : items) {
            ByteArrayOutputStream fields = new ByteArrayOutputStream();
            CRC32 crc = new CRC32();
            crc.update(item.data());
            byte[] name = item.name().getBytes(StandardCharsets.UTF_8);
            fields.writeBytes(vint(item.folder() ? 0x01 : 0x06));      // file flags: directory, or mtime and CRC32 present
            fields.writeBytes(vint(item.data().length));               // unpacked size
            fields.writeBytes(vint(item.link() ? 0120777 : item.folder() ? 0x10 : 0x20)); // Unix link mode, or Windows attributes
            if (!item.folder()) {
                fields.writeBytes(uint32(1_630_454_400L));            // mtime 2021-09-01 00:00 UTC
                fields.writeBytes(uint32(crc.getValue()));
            }
            fields.writeBytes(vint(0));                                // compression: version 0, method 0 (store)
            fields.writeBytes(vint(item.link() ? 1 : 0));              // host OS: Unix for the link, else Windows
            fields.writeBytes(vint(name.length));
            fields.writeBytes(name);
            header(out, 2, 0x02, item.data().length, fields.toByteArray());
            out.writeBytes(item.data());
        }
        header(out, 5, 0, -1, vint(0)); // end of archive
        try {
            Files.createDirectories(rar.toAbsolutePath().getParent());
            return Files.write(rar, out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** CRC32, header size, then type, flags, [data size], fields. */
    private static void header(ByteArrayOutputStream out, int type, int flags, long dataSize, byte[] fields) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(vint(type));
        body.writeBytes(vint(flags));
        if (dataSize >= 0) {
            body.writeBytes(vint(dataSize));
        }
        body.writeBytes(fields);
        byte[] size = vint(body.size());
        CRC32 crc = new CRC32();
        crc.update(size);
        crc.update(body.toByteArray());
        out.writeBytes(uint32(crc.getValue()));
        out.writeBytes(size);
        out.writeBytes(body.toByteArray());
    }

    private static byte[] vint(long value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        do {
            int b = (int) (value & 0x7f);
            value >>>= 7;
            out.write(value != 0 ? b | 0x80 : b);
        } while (value != 0);
        return out.toByteArray();
    }

    private static byte[] uint32(long value) {
        return new byte[] {(byte) value, (byte) (value >>> 8), (byte) (value >>> 16), (byte) (value >>> 24)};
    }
}
