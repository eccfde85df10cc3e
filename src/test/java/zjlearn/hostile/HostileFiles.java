package zjlearn.hostile;

import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import zjlearn.probe.video.Mp4Builder;
import zjlearn.testing.Docs;
import zjlearn.testing.Encrypt;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Broken and hostile files, built in code so each shows exactly what is wrong with it. */
final class HostileFiles {
    private HostileFiles() {
    }

    static byte[] docx() throws IOException {
        Path tmp = Files.createTempFile("form", ".docx");
        try {
            Docs.fieldFormDocx(tmp, "附表1", java.util.Map.of("姓名", "张三"));
            return Files.readAllBytes(tmp);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static void truncated(Path file, byte[] whole) throws IOException {
        Files.write(file, Arrays.copyOf(whole, whole.length / 2));
    }

    static void encryptedDocx(Path file) throws Exception {
        Files.write(file, docx());
        Encrypt.docx(file, "123456");
    }

    static void encryptedXls(Path file) throws IOException {
        Biff8EncryptionKey.setCurrentUserPassword("123456");
        try (HSSFWorkbook wb = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            wb.createSheet("登记表").createRow(0).createCell(0).setCellValue("序号");
            wb.write(out);
        } finally {
            Biff8EncryptionKey.setCurrentUserPassword(null);
        }
    }

    /** A minimal OOXML package whose parts are given; the content types declare a Word document. */
    static void zipPackage(Path file, String documentXml, int extraEntries, long bombBytes) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            put(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                    <Default Extension="xml" ContentType="application/xml"/>\
                    <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
                    </Types>""");
            put(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
                    </Relationships>""");
            if (bombBytes > 0) {
                zip.putNextEntry(new ZipEntry("word/document.xml"));
                byte[] head = "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>"
                        .getBytes(StandardCharsets.UTF_8);
                zip.write(head);
                byte[] spaces = new byte[1 << 20];
                Arrays.fill(spaces, (byte) ' ');
                for (long written = 0; written < bombBytes; written += spaces.length) {
                    zip.write(spaces);
                }
                zip.write("</w:t></w:r></w:p></w:body></w:document>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            } else {
                put(zip, "word/document.xml", documentXml);
            }
            for (int i = 0; i < extraEntries; i++) {
                put(zip, "customXml/item" + i + ".xml", "<a/>");
            }
        }
    }

    static String xxeDocument() {
        return """
                <?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\
                <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:tbl><w:tr>\
                <w:tc><w:p><w:r><w:t>姓名</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:tc>\
                </w:tr></w:tbl></w:body></w:document>""";
    }

    static String billionLaughs() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE w:document [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>");
        return "<?xml version=\"1.0\"?>" + dtd + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                + "<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>";
    }

    /** A real .xls whose OLE2 directory sector was overwritten with garbage. */
    static void corruptOle2(Path file) throws IOException {
        try (HSSFWorkbook wb = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            wb.createSheet("表").createRow(0).createCell(0).setCellValue("序号");
            wb.write(out);
        }
        byte[] bytes = Files.readAllBytes(file);
        int directorySector = java.nio.ByteBuffer.wrap(bytes, 0x30, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
        int at = 512 * (directorySector + 1);
        for (int i = at; i < Math.min(bytes.length, at + 512); i++) {
            bytes[i] = (byte) (i * 31);
        }
        Files.write(file, bytes);
    }

    /** A compliant video whose first box claims {@code size}; 1 means a 64-bit size of 2^40 follows. */
    static byte[] mp4WithFirstBoxSize(long size) {
        byte[] good = new Mp4Builder().build();
        byte[] bad = good.clone();
        if (size == 1) {
            byte[] big = new byte[good.length + 8];
            System.arraycopy(good, 0, big, 0, 8);
            putU32(big, 0, 1);
            long huge = 1L << 40;
            for (int i = 0; i < 8; i++) {
                big[8 + i] = (byte) (huge >>> (56 - 8 * i));
            }
            System.arraycopy(good, 8, big, 16, good.length - 8);
            return big;
        }
        putU32(bad, 0, size);
        return bad;
    }

    /** The stts of a compliant video claiming 10^9 entries. */
    static byte[] mp4WithHugeSampleCount() {
        byte[] bytes = new Mp4Builder().build();
        int stts = indexOf(bytes, "stts");
        putU32(bytes, stts + 8, 1_000_000_000L);
        return bytes;
    }

    /** A moov claiming 300 MB in a file of a few hundred KB. */
    static byte[] mp4WithHugeMoov() {
        byte[] bytes = new Mp4Builder().build();
        int moov = indexOf(bytes, "moov") - 4;
        putU32(bytes, moov, 300L * 1024 * 1024);
        return bytes;
    }

    static byte[] mp4Recursive() {
        byte[] bytes = new Mp4Builder().build();
        int trak = indexOf(bytes, "trak") - 4;
        int moov = indexOf(bytes, "moov") - 4;
        long moovSize = u32(bytes, moov);
        putU32(bytes, trak, moovSize + 100); // a child larger than its parent
        return bytes;
    }

    /** A PNG whose IHDR claims 50000×50000 pixels, with a tiny IDAT. */
    static byte[] hugePng() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        ihdr.write(u32(50000));
        ihdr.write(u32(50000));
        ihdr.write(new byte[] {8, 2, 0, 0, 0});
        chunk(out, "IHDR", ihdr.toByteArray());
        Deflater deflater = new Deflater();
        deflater.setInput(new byte[1000]);
        deflater.finish();
        byte[] idat = new byte[2000];
        int n = deflater.deflate(idat);
        chunk(out, "IDAT", Arrays.copyOf(idat, n));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /** A JPEG whose SOF0 claims 50000×50000 pixels. */
    static byte[] hugeJpeg(byte[] smallJpeg) {
        byte[] bytes = smallJpeg.clone();
        for (int i = 2; i + 9 < bytes.length; i++) {
            if ((bytes[i] & 0xff) == 0xFF && ((bytes[i + 1] & 0xff) == 0xC0 || (bytes[i + 1] & 0xff) == 0xC2)) {
                bytes[i + 5] = (byte) (50000 >> 8);
                bytes[i + 6] = (byte) (50000 & 0xff);
                bytes[i + 7] = (byte) (50000 >> 8);
                bytes[i + 8] = (byte) (50000 & 0xff);
                return bytes;
            }
        }
        throw new AssertionError("no SOF marker");
    }

    static void sparse(Path file, long size) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size);
        }
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        out.write(u32(data.length));
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.write(t);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.write(u32(crc.getValue()));
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static byte[] u32(long v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    private static long u32(byte[] b, int at) {
        return ((b[at] & 0xffL) << 24) | ((b[at + 1] & 0xffL) << 16) | ((b[at + 2] & 0xffL) << 8) | (b[at + 3] & 0xffL);
    }

    private static void putU32(byte[] b, int at, long v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    static int indexOf(byte[] bytes, String fourcc) {
        byte[] f = fourcc.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + 4 <= bytes.length; i++) {
            for (int j = 0; j < 4; j++) {
                if (bytes[i + j] != f[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("no " + fourcc);
    }
}
