package zjlearn.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.sf.sevenzipjbinding.ExtractAskMode;
import net.sf.sevenzipjbinding.ExtractOperationResult;
import net.sf.sevenzipjbinding.IArchiveExtractCallback;
import net.sf.sevenzipjbinding.IInArchive;
import net.sf.sevenzipjbinding.ISequentialOutStream;
import net.sf.sevenzipjbinding.PropID;
import net.sf.sevenzipjbinding.SevenZip;
import net.sf.sevenzipjbinding.SevenZipException;
import net.sf.sevenzipjbinding.impl.RandomAccessFileInStream;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The program {@link RarReader} runs in a separate Java process to read one RAR archive with 7-Zip-JBinding
 * (7-Zip's own RAR 4 and RAR 5 decoder, native code). A crash or hang in native code then ends only this
 * process, and the archive becomes a finding; the run goes on.
 *
 * <p>Everything goes through standard input and output as JSON lines in UTF-8 (never through the command
 * line, whose encoding on Windows is the ANSI code page): first the request {@code {"archive":…,"natives":…}};
 * then this process writes the listing ({@code open}, one {@code entry} per item, {@code listed}) or an
 * {@code error}; then it reads which entries to extract and into which files (files {@link RarReader} created
 * in its private temporary folder — names from the archive are never used as paths), writes each, never past
 * the size the listing declared, and reports {@code done} per entry, {@code progress} at most once a second,
 * and {@code finished}. The archive is opened read-only.
 */
public final class RarChild {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Writer out;
    private long written;
    private long lastProgress;

    private RarChild(Writer out) {
        this.out = out;
    }

    public static void main(String[] args) throws IOException {
        Writer out = new java.io.OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8);
        System.setOut(System.err); // nothing else may write into the protocol
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        RarChild child = new RarChild(out);
        try {
            child.run(in);
        } catch (IOException | RuntimeException | LinkageError e) {
            child.send(Map.of("type", "error", "stage", "run", "message", describe(e)));
        }
        out.flush();
        Runtime.getRuntime().halt(0); // no native clean-up at exit: everything is said
    }

    private void run(BufferedReader in) throws IOException {
        String line = in.readLine();
        if (line == null) {
            return;
        }
        JsonNode request = JSON.readTree(line);
        try {
            SevenZip.initSevenZipFromPlatformJAR(new java.io.File(request.get("natives").asText()));
        } catch (Exception | LinkageError e) {
            send(Map.of("type", "error", "stage", "init", "message", describe(e)));
            return;
        }
        try (RandomAccessFile file = new RandomAccessFile(request.get("archive").asText(), "r")) {
            IInArchive archive;
            try {
                archive = SevenZip.openInArchive(null, new RandomAccessFileInStream(file));
            } catch (SevenZipException e) {
                String message = messages(e);
                send(Map.of("type", "error", "stage", "open", "password", message.contains("password"), "message", message));
                return;
            }
            try {
                list(archive);
                line = in.readLine();
                if (line != null) {
                    extract(archive, JSON.readTree(line).path("extract"));
                }
            } finally {
                archive.close();
            }
        }
    }

    private void list(IInArchive archive) throws IOException {
        int n = archive.getNumberOfItems();
        Map<String, Object> open = new LinkedHashMap<>();
        open.put("type", "open");
        open.put("format", String.valueOf(archive.getArchiveFormat()));
        open.put("items", n);
        open.put("errorFlags", archive.getArchiveProperty(PropID.ERROR_FLAGS));
        open.put("physicalSize", archive.getArchiveProperty(PropID.PHY_SIZE));
        open.put("volume", Boolean.TRUE.equals(archive.getArchiveProperty(PropID.IS_VOLUME)));
        send(open);
        for (int i = 0; i < n; i++) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("type", "entry");
            e.put("index", i);
            e.put("path", archive.getStringProperty(i, PropID.PATH));
            e.put("folder", Boolean.TRUE.equals(archive.getProperty(i, PropID.IS_FOLDER)));
            e.put("size", archive.getProperty(i, PropID.SIZE));
            e.put("packed", archive.getProperty(i, PropID.PACKED_SIZE));
            e.put("encrypted", Boolean.TRUE.equals(archive.getProperty(i, PropID.ENCRYPTED)));
            Object link = archive.getProperty(i, PropID.SYM_LINK);
            e.put("link", link != null && !String.valueOf(link).isEmpty() || isLink(archive.getProperty(i, PropID.ATTRIBUTES)));
            Object modified = archive.getProperty(i, PropID.LAST_MODIFICATION_TIME);
            e.put("modified", modified instanceof Date d ? d.getTime() : 0L);
            send(e);
        }
        send(Map.of("type", "listed"));
    }

    /**
     * A reparse point (Windows), or a Unix mode of S_IFLNK in the attributes' high half (7-Zip 16.02 gives a RAR 5
     * entry from a Unix host its mode there without the 0x8000 flag other formats carry).
     */
    private static boolean isLink(Object attributes) {
        if (!(attributes instanceof Integer a)) {
            return false;
        }
        return (a & 0x400) != 0 || ((a >>> 16) & 0170000) == 0120000;
    }

    private void extract(IInArchive archive, JsonNode requests) throws IOException {
        Map<Integer, JsonNode> byIndex = new LinkedHashMap<>();
        requests.forEach(r -> byIndex.put(r.get("index").asInt(), r));
        int[] indices = byIndex.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        List<String> failures = new ArrayList<>();
        try {
            archive.extract(indices, false, new Callback(byIndex, failures));
        } catch (SevenZipException e) {
            failures.add(messages(e));
        }
        Map<String, Object> finished = new LinkedHashMap<>();
        finished.put("type", "finished");
        finished.put("failure", failures.isEmpty() ? null : String.join("; ", failures));
        send(finished);
    }

    /** Writes each requested entry into its file, no further than its declared size, and reports the result. */
    private final class Callback implements IArchiveExtractCallback {
        private final Map<Integer, JsonNode> requests;
        private final List<String> failures;
        private int index = -1;
        private OutputStream target;
        private long bytes;
        private boolean over;

        Callback(Map<Integer, JsonNode> requests, List<String> failures) {
            this.requests = requests;
            this.failures = failures;
        }

        @Override
        public ISequentialOutStream getStream(int i, ExtractAskMode mode) throws SevenZipException {
            JsonNode request = requests.get(i);
            if (mode != ExtractAskMode.EXTRACT || request == null) {
                return null;
            }
            index = i;
            bytes = 0;
            over = false;
            long limit = request.get("size").asLong();
            try {
                target = Files.newOutputStream(Path.of(request.get("to").asText()), StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING);
            } catch (IOException e) {
                throw new SevenZipException("cannot write the temporary file: " + e.getMessage());
            }
            return data -> {
                if (bytes + data.length > limit) {
                    over = true; // more than declared: the rest is not written
                } else {
                    try {
                        target.write(data);
                    } catch (IOException e) {
                        throw new SevenZipException("cannot write the temporary file: " + e.getMessage());
                    }
                }
                bytes += data.length;
                progress(data.length);
                return data.length;
            };
        }

        @Override
        public void prepareOperation(ExtractAskMode mode) {
            // nothing to prepare
        }

        @Override
        public void setOperationResult(ExtractOperationResult result) throws SevenZipException {
            if (index < 0) {
                return;
            }
            try {
                target.close();
                Map<String, Object> done = new LinkedHashMap<>();
                done.put("type", "done");
                done.put("index", index);
                done.put("result", over ? "TOO_LONG" : String.valueOf(result));
                done.put("bytes", bytes);
                send(done);
            } catch (IOException e) {
                failures.add(e.getMessage());
            }
            index = -1;
        }

        @Override
        public void setTotal(long total) {
            // progress is counted in bytes written
        }

        @Override
        public void setCompleted(long complete) {
            progress(0); // decoding goes on (through entries not asked for in a solid archive, too)
        }
    }

    /** Counts {@code n} bytes written and tells the parent, at most once a second, that the work goes on. */
    private void progress(long n) {
        written += n;
        long now = System.nanoTime();
        if (now - lastProgress > 1_000_000_000L) {
            lastProgress = now;
            try {
                send(Map.of("type", "progress", "bytes", written));
            } catch (IOException ignored) {
                // the parent is gone; the extraction ends with the process
            }
        }
    }

    private synchronized void send(Map<String, ?> message) throws IOException {
        out.write(JSON.writeValueAsString(message));
        out.write('\n');
        out.flush();
    }

    /** The message of a 7-Zip-JBinding exception with the causes it collects. */
    private static String messages(SevenZipException e) {
        StringBuilder s = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable c : new Throwable[] {e.getCause(), e.getCauseLastThrown(), e.getCauseFirstPotentialThrown()}) {
            if (c != null && c.getMessage() != null && s.indexOf(c.getMessage()) < 0) {
                s.append(": ").append(c.getMessage());
            }
        }
        return s.toString();
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
