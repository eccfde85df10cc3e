package zjlearn.archive;

import com.fasterxml.jackson.databind.JsonNode;
import zjlearn.rules.Rules;
import zjlearn.scan.LayoutIssue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads RAR 4 and RAR 5 archives with 7-Zip-JBinding (7-Zip's RAR decoder) in a separate Java process,
 * {@link RarChild}: in our tests the library crashed the Java process in native code, and a crash must never
 * end a run (see README, 依赖). The child lists the archive; the listing is held to the limits and the names
 * to the same rules as a zip's ({@link TreeBuilder}); only then does the child decompress the files that may be
 * read, in one pass (RAR archives may be solid), into files of the private temporary folder that this class
 * names. A child that crashes or says nothing for {@link #timeout()} makes the archive (or its unread
 * entries) a finding; when no child can start or 7-Zip-JBinding has no native library for this computer, the
 * RAR archive is a finding that says how to send it instead.
 */
final class RarReader {
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final String childMain;
    private final Duration timeout;

    private RarReader(String childMain, Duration timeout) {
        this.childMain = childMain;
        this.timeout = timeout;
    }

    /** The reader used by runs: {@link RarChild}, a minute without an answer ends it. */
    static RarReader standard() {
        return new RarReader(RarChild.class.getName(), timeout());
    }

    /** A reader whose child runs another main class (tests: a child that crashes or hangs). */
    static RarReader withChild(String mainClass, Duration timeout) {
        return new RarReader(mainClass, timeout);
    }

    /** How long the child may stay silent: {@code -Dzjlearn.rar.timeoutSeconds}, else 60 s. */
    static Duration timeout() {
        Long seconds = Long.getLong("zjlearn.rar.timeoutSeconds");
        return seconds != null && seconds > 0 ? Duration.ofSeconds(seconds) : DEFAULT_TIMEOUT;
    }

    /** "RAR 4" or "RAR 5", from the signature (Rar!␚␇␀ or Rar!␚␇␁␀). */
    static String version(FileChannel channel) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(8);
        channel.read(head, 0);
        return head.position() >= 7 && head.get(6) == 1 ? "RAR 5" : "RAR 4";
    }

    /** No RAR reader can run on this computer; the message names the version. */
    static final class UnsupportedFormatException extends IOException {
        final String format;

        UnsupportedFormatException(String format, String why) {
            super(format + " is not read: " + why);
            this.format = format;
        }
    }

    /** One part of a multi-volume RAR archive (x.part1.rar, x.part2.rar, …): not read. */
    static final class VolumeException extends IOException {
        VolumeException() {
            super("volume");
        }
    }

    /** The entries of the RAR archive {@code file} (open as {@code channel}); problems found on the way go to {@code problems}. */
    List<RawEntry> read(Path file, FileChannel channel, Opening owner, List<Problem> problems,
                        Rules.ArchiveLimits limits) throws IOException {
        String version = version(channel);
        owner.format = version.equals("RAR 5") ? "rar5" : "rar4";
        owner.nameEncoding(version.equals("RAR 5") ? "UTF-8 (RAR 5)" : "Unicode (RAR 4)");
        Path local = file instanceof ArchivePath p ? p.getFileSystem().node(p).data.file() : file;
        Path folder = TempArea.newFolder();
        ChildProcess child;
        try {
            child = new ChildProcess(childMain, folder);
        } catch (IOException e) {
            TempArea.delete(folder);
            throw new UnsupportedFormatException(version, "the helper process cannot start: " + e.getMessage());
        }
        try {
            Map<String, String> request = new LinkedHashMap<>();
            request.put("archive", local.toAbsolutePath().toString());
            request.put("natives", Files.createDirectory(folder.resolve("natives")).toString());
            child.send(request);
            JsonNode first = child.next(timeout);
            if ("error".equals(first.path("type").asText())) {
                throw failure(first, version);
            }
            if (first.path("volume").asBoolean()) {
                throw new VolumeException();
            }
            long archiveSize = channel.size();
            if (first.path("items").asInt() > limits.entries()) {
                throw new Opening.LimitException("entries", first.path("items").asInt());
            }
            damage(first, archiveSize, problems);
            List<JsonNode> listed = new ArrayList<>();
            for (JsonNode line = child.next(timeout); !"listed".equals(line.path("type").asText()); line = child.next(timeout)) {
                switch (line.path("type").asText()) {
                    case "entry" -> listed.add(line);
                    case "error" -> throw failure(line, version);
                    default -> {
                        // progress
                    }
                }
            }
            long total = 0;
            for (JsonNode e : listed) {
                total += e.path("folder").asBoolean() || e.path("link").asBoolean() ? 0 : Math.max(0, e.path("size").asLong());
            }
            Limits.checkTotal(total, archiveSize, limits);
            return extract(child, listed, problems, limits);
        } catch (ChildProcess.StoppedException e) {
            throw new IOException("the RAR reader " + e.getMessage(), e);
        } finally {
            child.close();
            TempArea.delete(folder); // the native library, a crash log: nothing of the child outlives it
        }
    }

    /** An archive 7-Zip reads only in part (its end is missing or damaged): said once, for the whole archive. */
    private static void damage(JsonNode open, long archiveSize, List<Problem> problems) {
        long flags = open.path("errorFlags").asLong(0);
        long physical = open.path("physicalSize").asLong(archiveSize);
        if (flags != 0 || physical < archiveSize) {
            String why = (flags & 0x20) != 0 || physical > archiveSize ? "truncated: the archive ends too early"
                    : "damaged: only the first " + physical + " of " + archiveSize + " bytes could be read";
            problems.add(Problem.of(LayoutIssue.Kind.ARCHIVE_UNREADABLE, null, why));
        }
    }


    private static IOException failure(JsonNode error, String version) {
        String message = error.path("message").asText();
        return switch (error.path("stage").asText()) {
            case "init" -> new UnsupportedFormatException(version, "7-Zip-JBinding cannot run on this computer: " + message);
            case "open" -> error.path("password").asBoolean()
                    ? new Opening.EncryptedException("the file names are encrypted")
                    : new IOException("not a readable " + version + " archive: " + message);
            default -> new IOException(message);
        };
    }

    /** The entries, with the files that may be read decompressed by the child into the temporary folder. */
    private List<RawEntry> extract(ChildProcess child, List<JsonNode> listed, List<Problem> problems,
                                   Rules.ArchiveLimits limits) throws IOException {
        List<RawEntry> out = new ArrayList<>();
        List<Map<String, Object>> requests = new ArrayList<>();
        Map<Integer, Integer> positions = new HashMap<>();
        Map<Integer, Path> targets = new HashMap<>();
        for (JsonNode e : listed) {
            String name = e.path("path").asText();
            FileTime modified = FileTime.fromMillis(e.path("modified").asLong());
            long size = Math.max(0, e.path("size").asLong());
            long packed = e.path("packed").isNumber() ? e.path("packed").asLong() : -1;
            if (e.path("folder").asBoolean()) {
                out.add(new RawEntry(name, Node.Type.DIRECTORY, 0, 0, modified, null));
                continue;
            }
            if (e.path("link").asBoolean()) {
                out.add(new RawEntry(name, Node.Type.SYMLINK, 0, packed, modified, null));
                continue;
            }
            EntryData data = new EntryData.Failing("not read: the RAR reader stopped before this entry");
            if (e.path("encrypted").asBoolean()) {
                problems.add(Problem.of(LayoutIssue.Kind.ARCHIVE_ENCRYPTED, name, null));
                data = new EntryData.Failing("the entry is encrypted (password-protected archive)");
            } else if (TreeBuilder.unsafe(name) == null && !(packed > 0 && size > Limits.RATIO_FLOOR && size / packed > limits.ratio())) {
                int index = e.path("index").asInt();
                Path target = TempArea.newFile(name);
                targets.put(index, target);
                positions.put(index, out.size());
                Map<String, Object> request = new LinkedHashMap<>();
                request.put("index", index);
                request.put("to", target.toString());
                request.put("size", size);
                requests.add(request);
            }
            out.add(new RawEntry(name, Node.Type.FILE, size, packed, modified, data));
        }
        if (requests.isEmpty()) {
            child.send(Map.of("extract", List.of()));
            return out;
        }
        child.send(Map.of("extract", requests));
        String unread = "not read: the RAR reader stopped before this entry";
        try {
            for (JsonNode line = child.next(timeout); ; line = child.next(timeout)) {
                if ("done".equals(line.path("type").asText())) {
                    int index = line.path("index").asInt();
                    Integer position = positions.remove(index);
                    if (position != null) {
                        done(out, position, targets.get(index), line, problems);
                    }
                } else if ("finished".equals(line.path("type").asText())) {
                    if (line.hasNonNull("failure")) {
                        unread = "not read: " + line.get("failure").asText();
                    }
                    break;
                }
            }
        } catch (ChildProcess.StoppedException e) {
            problems.add(Problem.of(LayoutIssue.Kind.ARCHIVE_UNREADABLE, null, "the RAR reader " + e.getMessage()));
        }
        for (Map.Entry<Integer, Integer> left : positions.entrySet()) {
            Files.deleteIfExists(targets.get(left.getKey())); // never written in full: the entry stays unreadable
            problems.add(Problem.of(LayoutIssue.Kind.ARCHIVE_UNREADABLE, out.get(left.getValue()).name(), unread));
        }
        return out;
    }

    /** One entry the child reports decompressed: read from its file when whole, else a finding. */
    private static void done(List<RawEntry> out, int position, Path target, JsonNode line, List<Problem> problems)
            throws IOException {
        RawEntry raw = out.get(position);
        String result = line.path("result").asText();
        long bytes = line.path("bytes").asLong();
        EntryData data;
        if ("OK".equals(result) && bytes == raw.size()) {
            data = EntryData.Extracted.done(target);
        } else {
            Files.deleteIfExists(target);
            String why = switch (result) {
                case "OK" -> "the entry ends after " + bytes + " of " + raw.size() + " bytes (truncated)";
                case "TOO_LONG" -> "the entry holds more data than its header declares: corrupt, or a zip bomb";
                case "CRCERROR" -> "CRC error: the entry's data are damaged";
                case "UNSUPPORTEDMETHOD" -> "compression method not supported";
                default -> "the entry's data are damaged (" + result + ")";
            };
            problems.add(Problem.of(LayoutIssue.Kind.ARCHIVE_UNREADABLE, raw.name(), why));
            data = new EntryData.Failing(why);
        }
        out.set(position, new RawEntry(raw.name(), raw.type(), raw.size(), raw.compressedSize(), raw.modified(), data));
    }
}
