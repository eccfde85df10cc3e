package zjlearn.fix;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Where fix finds ffmpeg: an option that names a missing program means none; PATH; and the one zjlearn brings, the
 * bytedeco GPL jar (a test dependency here, as the distribution's {@code ffmpeg/} folder holds it), unpacked once.
 */
class FfmpegLocatorTest {
    static final List<String> ENCODERS = List.of("libx264", "aac");

    @TempDir
    Path tmp;

    @Test
    void aNamedProgramThatIsMissingMeansNoFfmpegEvenWithOneOnPath() {
        FfmpegLocator locator = new FfmpegLocator(Map.of("PATH", "/usr/bin"), List.of(), tmp.resolve("cache"));
        FfmpegLocator.Result r = locator.locate(tmp.resolve("无/ffmpeg"), ENCODERS);
        assertThat(r.found()).isFalse();
        assertThat(r.tried()).singleElement().satisfies(m -> assertThat(m.render(Locale.CHINA)).contains("文件不存在"));
    }

    @Test
    void theOneOnPathIsUsed() {
        assumeTrue(FixFixtures.ffmpeg() != null, "no ffmpeg on PATH");
        Path dir = Path.of(FixFixtures.ffmpeg()).getParent();
        FfmpegLocator.Result r = new FfmpegLocator(Map.of("PATH", "/nonexistent" + File.pathSeparator + dir), List.of(), tmp.resolve("cache"))
                .locate(null, ENCODERS);
        assertThat(r.found()).isTrue();
        assertThat(r.ffmpeg().origin()).isEqualTo(Ffmpeg.Origin.PATH);
        assertThat(r.ffmpeg().version()).startsWith("ffmpeg version");
    }

    @Test
    void aProgramWithoutTheEncoderIsPassedOver() {
        assumeTrue(FixFixtures.ffmpeg() != null, "no ffmpeg on PATH");
        FfmpegLocator.Result r = new FfmpegLocator(Map.of("PATH", Path.of(FixFixtures.ffmpeg()).getParent().toString()), List.of(), tmp.resolve("cache"))
                .locate(null, List.of("libx264", "no_such_encoder"));
        assertThat(r.found()).isFalse();
        assertThat(r.tried()).anySatisfy(m -> assertThat(m.render(Locale.ENGLISH)).contains("lacks the encoder no_such_encoder"));
    }

    @Test
    void theBroughtFfmpegIsUnpackedOnceAndRuns() throws Exception {
        String platform = FfmpegLocator.platform();
        Path jar = broughtJar(platform);
        assumeTrue(jar != null, "the bytedeco ffmpeg jar for " + platform + " is not on the test class path");
        Path cache = tmp.resolve("cache");
        FfmpegLocator locator = new FfmpegLocator(Map.of("PATH", ""), List.of(tmp.resolve("nothing"), jar.getParent()), cache);
        FfmpegLocator.Result r = locator.locate(null, ENCODERS);
        assertThat(r.found()).as(r.tried().toString()).isTrue();
        assertThat(r.ffmpeg().origin()).isEqualTo(Ffmpeg.Origin.BROUGHT);
        assertThat(r.ffmpeg().version()).startsWith("ffmpeg version 7.1");
        assertThat(r.ffmpeg().executable()).startsWith(cache);
        long modified = Files.getLastModifiedTime(r.ffmpeg().executable()).toMillis();
        FfmpegLocator.Result again = locator.locate(null, ENCODERS);
        assertThat(again.ffmpeg().executable()).isEqualTo(r.ffmpeg().executable());
        assertThat(Files.getLastModifiedTime(again.ffmpeg().executable()).toMillis()).isEqualTo(modified);
        try (var s = Files.list(cache)) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly(FfmpegLocator.BROUGHT_VERSION + "-" + platform);
        }
    }

    /** The jar of the brought ffmpeg on the test class path (pom.xml's test dependency), or null. */
    static Path broughtJar(String platform) {
        if (platform == null) {
            return null;
        }
        String name = "ffmpeg-" + FfmpegLocator.BROUGHT_VERSION + "-" + platform + ".jar";
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.endsWith(File.separator + name)) {
                return Path.of(entry);
            }
        }
        return null;
    }
}
