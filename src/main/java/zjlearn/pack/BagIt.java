package zjlearn.pack;

import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The small text formats of a BagIt bag (RFC 8493), shared by the writer and the verifier. */
public final class BagIt {
    public static final String VERSION = "1.0";
    public static final String BAGIT_TXT = "bagit.txt";
    public static final String BAG_INFO_TXT = "bag-info.txt";
    public static final String DATA = "data/";
    /** Checksum algorithms this tool reads, by their BagIt names; it writes sha256. */
    public static final Map<String, String> ALGORITHMS = Map.of(
            "sha256", "SHA-256", "sha512", "SHA-512", "sha1", "SHA-1", "md5", "MD5");

    private BagIt() {
    }

    public static String bagitTxt() {
        return "BagIt-Version: " + VERSION + "\nTag-File-Character-Encoding: UTF-8\n";
    }

    /** A manifest line's path: CR, LF and % percent-encoded (RFC 8493 §2.1.3). */
    public static String encodePath(String path) {
        StringBuilder b = new StringBuilder(path.length());
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            switch (c) {
                case '%' -> b.append("%25");
                case '\n' -> b.append("%0A");
                case '\r' -> b.append("%0D");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** The inverse of {@link #encodePath}: only %25, %0A and %0D are decoded (either case). */
    public static String decodePath(String path) {
        if (path.indexOf('%') < 0) {
            return path;
        }
        StringBuilder b = new StringBuilder(path.length());
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%' && i + 2 < path.length()) {
                String code = path.substring(i + 1, i + 3).toUpperCase(Locale.ROOT);
                switch (code) {
                    case "25" -> { b.append('%'); i += 2; continue; }
                    case "0A" -> { b.append('\n'); i += 2; continue; }
                    case "0D" -> { b.append('\r'); i += 2; continue; }
                    default -> { }
                }
            }
            b.append(c);
        }
        return b.toString();
    }

    public static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    /** One manifest line per entry: checksum, two spaces, encoded path; the entries are written in the order given. */
    public static String manifest(List<Map.Entry<String, String>> pathToHex) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> e : pathToHex) {
            b.append(e.getValue()).append("  ").append(encodePath(e.getKey())).append('\n');
        }
        return b.toString();
    }

    /** A tag file value on one line: line breaks become spaces. */
    public static String oneLine(String value) {
        return value == null ? "" : value.replaceAll("[\\r\\n]+", " ").strip();
    }
}
