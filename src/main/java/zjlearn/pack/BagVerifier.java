package zjlearn.pack;

import zjlearn.report.Sizes;
import org.apache.commons.compress.archivers.zip.UnsupportedZipFeatureException;
import zjlearn.i18n.Msg;

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
        NOT_A_ZIP,
        TOP_LEVEL,
        UNSAFE_PATH,
        DUPLICATE_ENTRY,
        OVERLAPPING,
        UNSUPPORTED_ENTRY,
        TOO_LARGE,
        TRUNCATED,
        UNREADABLE,
        SYMLINK,
        NOT_A_BAG,
        BAGIT_TXT,
        NO_MANIFEST,
        UNKNOWN_ALGORITHM,
        MANIFEST_LINE,
        MANIFEST_PATH,
        MISSING,
        EXTRA,
        CHECKSUM,
        OXUM_FORMAT,
        OXUM,
        TAG_MISSING,
        TAG_FILE_TOO_LARGE,
        TAG_FILE_ENCODING;

        Msg message(List<Object> details) {
            return Msg.key("pack.verify." + name().toLowerCase(Locale.ROOT).replace('_', '-'), details.toArray());
        }
    }

    /** One problem; {@code path} is the file inside the bag it concerns, or null. */
    public record Problem(Kind kind, String path, List<Object> details) {
        public Problem {
            details = List.copyOf(details);
        }

        public String render(Locale locale) {
            Msg text = kind.message(details);
            return (path == null ? text : Msg.key("pack.verify.at", path, text)).render(locale);
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
