package zjlearn.pack;

import zjlearn.report.Sizes;
import org.apache.commons.compress.archivers.zip.UnsupportedZipFeatureException;
import zjlearn.check.Msg;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a BagIt bag (RFC 8493), zipped or unpacked: its declaration ({@code bagit.txt}), its
 * manifests, the Payload-Oxum of {@code bag-info.txt}, every checksum (hex compared case-insensitively),
 * files missing from or extra to the payload, and — in a zip — entries whose paths escape the bag,
 * duplicate or overlapping entries and entries that inflate beyond their declared size. Reports every
 * problem, not the first. A fast check ({@code --fast}) compares only the Payload-Oxum and the file
 * lists, reading no file content except the tag files.
 *
 * <p>Memory does not grow with the bag: file content is streamed through a fixed buffer, and tag
 * files larger than {@link #MAX_TAG_FILE} are refused.
 */
public final class BagVerifier {
    /** The largest tag file (manifest, bag-info.txt …) read into memory. */
    static final int MAX_TAG_FILE = 256 << 20;
    /** Files from this size on are read ahead on a second thread, so that reading overlaps hashing. */
    private static final long READ_AHEAD_FROM = 8L << 20;
    private static final Pattern MANIFEST = Pattern.compile("manifest-([a-z0-9]+)\\.txt");
    private static final Pattern TAG_MANIFEST = Pattern.compile("tagmanifest-([a-z0-9]+)\\.txt");
    private static final Pattern OXUM = Pattern.compile("(\\d+)\\.(\\d+)");
    private static final Pattern MANIFEST_LINE = Pattern.compile("([0-9A-Fa-f]+)[ \\t]+(.+)");
    private static final Pattern ANY_MANIFEST = Pattern.compile("(?:tag)?manifest-([a-z0-9]+)\\.txt");

    public enum Kind {
        NOT_A_ZIP("不是可读的 ZIP 文件（{0}）", "not a readable ZIP file ({0})"),
        TOP_LEVEL("压缩包中应只有一个顶层文件夹（即 BagIt 包），实际为：{0}", "the archive should hold exactly one top-level folder (the bag); found: {0}"),
        UNSAFE_PATH("条目路径越出包外（绝对路径或含“..”），已跳过", "the entry's path escapes the bag (absolute or with \"..\"); skipped"),
        DUPLICATE_ENTRY("同名条目出现了不止一次", "more than one entry has this name"),
        OVERLAPPING("条目的数据与另一条目重叠（可能是 zip 炸弹），不予读取", "the entry's data overlap another entry's (a zip bomb?); not read"),
        UNSUPPORTED_ENTRY("条目已加密或使用了不支持的压缩方式，无法核对", "the entry is encrypted or uses an unsupported compression method; not checked"),
        TOO_LARGE("解压出的内容比声明的大小多，已停止读取（可能是 zip 炸弹或文件损坏）", "inflates to more than its declared size; reading stopped (a zip bomb or a corrupt entry)"),
        TRUNCATED("内容比声明的大小短：声明 {0} 字节，实际 {1} 字节", "shorter than declared: {0} bytes declared, {1} read"),
        UNREADABLE("无法读取（{0}）", "cannot be read ({0})"),
        SYMLINK("是符号链接，BagIt 包中不应有", "is a symbolic link, which a bag must not hold"),
        NOT_A_BAG("不是 BagIt 包：找不到 bagit.txt", "not a BagIt bag: bagit.txt is missing"),
        BAGIT_TXT("bagit.txt 格式不对：{0}", "bagit.txt is malformed: {0}"),
        NO_MANIFEST("没有载荷清单（manifest-<算法>.txt）", "no payload manifest (manifest-<algorithm>.txt)"),
        UNKNOWN_ALGORITHM("不支持的校验算法“{0}”，该清单未核对", "unsupported checksum algorithm \"{0}\"; this manifest was not checked"),
        MANIFEST_LINE("清单第 {0} 行格式不对：{1}", "line {0} of the manifest is malformed: {1}"),
        MANIFEST_PATH("清单 {0} 中的路径越出包外或不在 data/ 之下", "the path in {0} escapes the bag or lies outside data/"),
        MISSING("缺少文件：清单 {0} 中列出，但包中没有", "missing: listed in {0} but not in the bag"),
        EXTRA("多出文件：包中有，但清单 {0} 中没有", "extra: in the bag but not listed in {0}"),
        CHECKSUM("校验值不符（{0}）：清单为 {1}，实际为 {2}", "checksum mismatch ({0}): manifest {1}, actual {2}"),
        OXUM_FORMAT("Payload-Oxum 格式不对：“{0}”", "malformed Payload-Oxum: \"{0}\""),
        OXUM("Payload-Oxum 不符：bag-info.txt 写的是 {0}，实际为 {1}（字节数.文件数）", "Payload-Oxum mismatch: bag-info.txt says {0}, actual {1} (bytes.files)"),
        TAG_MISSING("缺少标签文件：{0} 中列出，但包中没有", "missing tag file: listed in {0} but not in the bag"),
        TAG_FILE_TOO_LARGE("标签文件太大（超过 {0}），未读取", "tag file too large (over {0}); not read"),
        TAG_FILE_ENCODING("不是 UTF-8 文本", "not UTF-8 text");

        private final String zh;
        private final String en;

        Kind(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }

        Msg message(List<Object> details) {
            return Msg.of(zh, en, details.toArray());
        }
    }

    /** One problem; {@code path} is the file inside the bag it concerns, or null. */
    public record Problem(Kind kind, String path, List<Object> details) {
        public Problem {
            details = List.copyOf(details);
        }

        public String render(Locale locale) {
            String text = kind.message(details).render(locale);
            String separator = "en".equals(locale.getLanguage()) ? ": " : "：";
            return path == null ? text : path + separator + text;
        }
    }

    /**
     * The outcome for one archive or folder.
     *
     * @param files payload files found, {@code bytes} their total size
     */
    public record Report(Path target, boolean fast, List<Problem> problems, int files, long bytes) {
        public Report {
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private BagVerifier() {
    }

    public static Report verify(Path target, boolean fast) {
        List<Problem> problems = new ArrayList<>();
        BagSource source;
        try {
            source = BagSource.open(target);
        } catch (IOException | RuntimeException e) {
            problems.add(new Problem(Kind.NOT_A_ZIP, null, List.of(String.valueOf(e.getMessage()))));
            return new Report(target, fast, problems, 0, 0);
        }
        try (source) {
            return new Run(source, fast, problems).run(target);
        } catch (IOException e) {
            problems.add(new Problem(Kind.UNREADABLE, null, List.of(String.valueOf(e.getMessage()))));
            return new Report(target, fast, problems, 0, 0);
        }
    }

    private static final class Run {
        private final BagSource source;
        private final boolean fast;
        private final List<Problem> problems;
        private final byte[] buffer = new byte[1 << 20];

        Run(BagSource source, boolean fast, List<Problem> problems) {
            this.source = source;
            this.fast = fast;
            this.problems = problems;
        }

        private void problem(Kind kind, String path, Object... details) {
            problems.add(new Problem(kind, path, List.of(details)));
        }

        Report run(Path target) {
            problems.addAll(source.problems);
            Map<String, BagSource.Entry> files = source.files;
            Map<String, BagSource.Entry> payload = new TreeMap<>();
            files.forEach((path, e) -> {
                if (path.startsWith(BagIt.DATA)) {
                    payload.put(path, e);
                }
            });
            long bytes = payload.values().stream().mapToLong(BagSource.Entry::size).sum();
            if (!files.containsKey(BagIt.BAGIT_TXT)) {
                if (source.problems.stream().noneMatch(p -> p.kind() == Kind.TOP_LEVEL)) {
                    problem(Kind.NOT_A_BAG, null);
                }
                return new Report(target, fast, problems, payload.size(), bytes);
            }
            declaration(files.get(BagIt.BAGIT_TXT));

            // Manifests: which algorithms, and what each lists.
            Map<String, Map<String, String>> manifests = new TreeMap<>();
            Map<String, Map<String, String>> tagManifests = new TreeMap<>();
            for (String path : files.keySet()) {
                Matcher m = MANIFEST.matcher(path);
                Matcher t = TAG_MANIFEST.matcher(path);
                if (m.matches()) {
                    manifest(path, m.group(1), true).ifPresent(x -> manifests.put(path, x));
                } else if (t.matches()) {
                    manifest(path, t.group(1), false).ifPresent(x -> tagManifests.put(path, x));
                }
            }
            if (files.keySet().stream().noneMatch(p -> MANIFEST.matcher(p).matches())) {
                problem(Kind.NO_MANIFEST, null);
            }
            for (Map.Entry<String, Map<String, String>> m : manifests.entrySet()) {
                for (String listed : m.getValue().keySet()) {
                    if (!payload.containsKey(listed)) {
                        problem(Kind.MISSING, listed, m.getKey());
                    }
                }
                for (String present : payload.keySet()) {
                    if (!m.getValue().containsKey(present)) {
                        problem(Kind.EXTRA, present, m.getKey());
                    }
                }
            }
            for (Map.Entry<String, Map<String, String>> m : tagManifests.entrySet()) {
                for (String listed : m.getValue().keySet()) {
                    if (!files.containsKey(listed)) {
                        problem(Kind.TAG_MISSING, listed, m.getKey());
                    }
                }
            }

            // Checksums: each file read once, every algorithm that lists it fed from the same bytes.
            long actualBytes = bytes;
            if (!fast) {
                actualBytes = 0;
                for (BagSource.Entry e : payload.values()) {
                    actualBytes += check(e, manifests);
                }
                TreeSet<String> tagFiles = new TreeSet<>();
                tagManifests.values().forEach(m -> tagFiles.addAll(m.keySet()));
                for (String tag : tagFiles) {
                    BagSource.Entry e = files.get(tag);
                    if (e != null) {
                        check(e, tagManifests);
                    }
                }
            }
            oxum(files.get(BagIt.BAG_INFO_TXT), actualBytes, payload.size());
            return new Report(target, fast, problems, payload.size(), bytes);
        }

        private void declaration(BagSource.Entry bagit) {
            String text = tagText(bagit);
            if (text == null) {
                return;
            }
            Map<String, String> fields = fields(text);
            String version = fields.get("BagIt-Version");
            String encoding = fields.get("Tag-File-Character-Encoding");
            if (version == null || !version.matches("\\d+\\.\\d+")) {
                problem(Kind.BAGIT_TXT, BagIt.BAGIT_TXT, "BagIt-Version: " + (version == null ? "—" : version));
            }
            if (encoding == null || !encoding.equalsIgnoreCase("UTF-8")) {
                problem(Kind.BAGIT_TXT, BagIt.BAGIT_TXT, "Tag-File-Character-Encoding: " + (encoding == null ? "—" : encoding));
            }
        }

        /** A manifest's entries (path → lower-case hex), or empty when its algorithm is unknown or it cannot be read. */
        private java.util.Optional<Map<String, String>> manifest(String file, String algorithm, boolean payload) {
            if (!BagIt.ALGORITHMS.containsKey(algorithm)) {
                problem(Kind.UNKNOWN_ALGORITHM, file, algorithm);
                return java.util.Optional.empty();
            }
            String text = tagText(source.files.get(file));
            if (text == null) {
                return java.util.Optional.empty();
            }
            Map<String, String> entries = new LinkedHashMap<>();
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
                if (line.isBlank()) {
                    continue;
                }
                Matcher m = MANIFEST_LINE.matcher(line);
                if (!m.matches()) {
                    problem(Kind.MANIFEST_LINE, file, String.valueOf(i + 1), line);
                    continue;
                }
                String path = zjlearn.rules.Names.nfc(BagIt.decodePath(m.group(2)));
                if (!BagSource.safe(path) || payload && !path.startsWith(BagIt.DATA)) {
                    problem(Kind.MANIFEST_PATH, path, file);
                    continue;
                }
                entries.put(path, m.group(1).toLowerCase(Locale.ROOT));
            }
            return java.util.Optional.of(entries);
        }

        /** Reads a file once, feeding every manifest that lists it; returns the bytes read. */
        private long check(BagSource.Entry e, Map<String, Map<String, String>> manifests) {
            Map<String, MessageDigest> digests = new LinkedHashMap<>();
            Map<String, String> expected = new LinkedHashMap<>();
            for (Map.Entry<String, Map<String, String>> m : manifests.entrySet()) {
                String hex = m.getValue().get(e.path());
                if (hex != null) {
                    String algorithm = algorithmOf(m.getKey());
                    digests.put(m.getKey(), digest(algorithm));
                    expected.put(m.getKey(), hex);
                }
            }
            long read = 0;
            try (InputStream in = e.size() > READ_AHEAD_FROM ? new ReadAhead(source.open(e)) : source.open(e)) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    read += n;
                    for (MessageDigest d : digests.values()) {
                        d.update(buffer, 0, n);
                    }
                }
            } catch (BagSource.TooLargeException x) {
                problem(Kind.TOO_LARGE, e.path());
                return read;
            } catch (UnsupportedZipFeatureException x) {
                problem(Kind.UNSUPPORTED_ENTRY, e.path());
                return read;
            } catch (IOException | RuntimeException x) {
                problem(Kind.UNREADABLE, e.path(), String.valueOf(x.getMessage()));
                return read;
            }
            if (read != e.size()) {
                problem(Kind.TRUNCATED, e.path(), String.valueOf(e.size()), String.valueOf(read));
                return read;
            }
            for (Map.Entry<String, MessageDigest> d : digests.entrySet()) {
                String actual = BagIt.hex(d.getValue().digest());
                if (!actual.equalsIgnoreCase(expected.get(d.getKey()))) {
                    problem(Kind.CHECKSUM, e.path(), algorithmOf(d.getKey()), expected.get(d.getKey()), actual);
                }
            }
            return read;
        }

        private void oxum(BagSource.Entry bagInfo, long bytes, int count) {
            String text = bagInfo == null ? null : tagText(bagInfo);
            String value = text == null ? null : fields(text).get("Payload-Oxum");
            if (value == null) {
                return; // optional (RFC 8493 §2.2.2): nothing to compare
            }
            Matcher m = OXUM.matcher(value.strip());
            if (!m.matches()) {
                problem(Kind.OXUM_FORMAT, BagIt.BAG_INFO_TXT, value);
                return;
            }
            String actual = bytes + "." + count;
            if (!actual.equals(Long.parseLong(m.group(1)) + "." + Long.parseLong(m.group(2)))) {
                problem(Kind.OXUM, BagIt.BAG_INFO_TXT, value.strip(), actual);
            }
        }

        /** A tag file's text, or null after reporting why it could not be read. */
        private String tagText(BagSource.Entry e) {
            if (e.size() > MAX_TAG_FILE) {
                problem(Kind.TAG_FILE_TOO_LARGE, e.path(), Sizes.human(MAX_TAG_FILE));
                return null;
            }
            try (InputStream in = source.open(e)) {
                byte[] bytes = in.readAllBytes();
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString()
                        .replace("\uFEFF", "");
            } catch (BagSource.TooLargeException x) {
                problem(Kind.TOO_LARGE, e.path());
            } catch (CharacterCodingException x) {
                problem(Kind.TAG_FILE_ENCODING, e.path());
            } catch (IOException | RuntimeException x) {
                problem(Kind.UNREADABLE, e.path(), String.valueOf(x.getMessage()));
            }
            return null;
        }
    }

    /** "Label: value" lines; a line starting with whitespace continues the previous value. */
    static Map<String, String> fields(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        String last = null;
        for (String raw : text.split("\r\n|\n|\r")) {
            if (!raw.isEmpty() && Character.isWhitespace(raw.charAt(0)) && last != null) {
                fields.put(last, fields.get(last) + " " + raw.strip());
                continue;
            }
            int colon = raw.indexOf(':');
            if (colon > 0) {
                last = raw.substring(0, colon).strip();
                fields.putIfAbsent(last, raw.substring(colon + 1).strip());
            }
        }
        return fields;
    }

    private static String algorithmOf(String manifestFile) {
        Matcher m = ANY_MANIFEST.matcher(manifestFile);
        return m.matches() ? m.group(1) : manifestFile;
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(BagIt.ALGORITHMS.get(algorithm));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
