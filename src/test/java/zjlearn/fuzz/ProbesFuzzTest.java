package zjlearn.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import zjlearn.rules.FileType;
import zjlearn.probe.ProbeException;
import zjlearn.probe.TypeSniffer;
import zjlearn.probe.form.FormReader;
import zjlearn.probe.form.LabelResolver;
import zjlearn.probe.image.ImageProbe;
import zjlearn.probe.video.MemoryChannel;
import zjlearn.probe.video.VideoProbe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * Fuzz targets for the three probes that read untrusted bytes. Each may only answer with facts or a
 * {@link ProbeException}; anything else is a bug. A normal test run replays the seed corpus under
 * src/test/resources/zjlearn/fuzz/ProbesFuzzTestInputs/; {@code scripts/fuzz.sh} fuzzes for as long as asked.
 */
class ProbesFuzzTest {
    private static final LabelResolver LABELS = text -> Optional.of(text).filter(t -> t.contains("姓名") || t.contains("序号"));
    private static Path scratch;

    @BeforeAll
    static void scratchFile() throws IOException {
        scratch = Files.createTempFile("fuzz", ".bin");
    }

    @AfterAll
    static void removeScratch() throws IOException {
        Files.deleteIfExists(scratch);
    }

    @FuzzTest(maxDuration = "30s")
    void videoProbe(byte[] data) {
        try {
            VideoProbe.probe(new MemoryChannel(data, data.length), new LongAdder());
        } catch (ProbeException expected) {
            // a clear "unreadable" is the right answer for broken input
        }
    }

    @FuzzTest(maxDuration = "30s")
    void formReader(byte[] data) throws IOException {
        Files.write(scratch, data);
        FileType sniffed = TypeSniffer.sniff(scratch);
        for (FileType type : new FileType[] {sniffed, FileType.DOCX, FileType.DOC, FileType.XLSX, FileType.XLS}) {
            try {
                FormReader.read(scratch, type, LABELS);
            } catch (ProbeException expected) {
                // broken forms are findings
            }
        }
    }

    @FuzzTest(maxDuration = "30s")
    void imageProbe(byte[] data) throws IOException {
        Files.write(scratch, data);
        for (FileType type : new FileType[] {FileType.JPEG, FileType.PNG}) {
            try {
                ImageProbe.probe(scratch, type);
            } catch (ProbeException expected) {
                // broken images are findings
            }
        }
    }
}
