package zjlearn.archive;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zjlearn.rules.RulesLoader;
import zjlearn.rules.Vocabulary;
import zjlearn.scan.LayoutIssue;
import zjlearn.testing.Trees;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The child process that reads RAR archives crashes, hangs or cannot load its native library: the archive
 * (or what was not yet read of it) becomes a finding, the run goes on, and nothing is left behind.
 */
class RarReaderFaultsTest {
    @TempDir
    Path tmp;

    @AfterAll
    static void closeArchives() {
        Mounts.closeAll();
    }

    ArchiveMounter.Mount mount(Class<?> child, Duration timeout, String fixture) throws IOException {
        return mount(child, timeout, Files.copy(RarInputTest.RAR.resolve(fixture), tmp.resolve("宁波市.rar")));
    }

    static ArchiveMounter.Mount mount(Class<?> child, Duration timeout, Path rar) {
        ArchiveMounter mounter = new ArchiveMounter(new Vocabulary(RulesLoader.loadDefault()), RarReader.withChild(child.getName(), timeout));
        return mounter.mount(rar, "宁波市.rar");
    }

    @Test
    void aNativeCrashMakesTheArchiveAFindingAndTheRunGoesOn() throws IOException {
        Path rar = Files.copy(RarInputTest.RAR.resolve("rar5.rar"), tmp.resolve("宁波市.rar"));
        Map<String, String> before = Trees.fingerprint(tmp);
        Path cwd = Path.of("").toAbsolutePath();
        long crashLogsBefore = crashLogs(cwd);
        ArchiveMounter.Mount mount = mount(FaultyRarChildren.CrashAtOnce.class, Duration.ofSeconds(60), rar);
        assertThat(mount.path()).isNull();
        assertThat(mount.issues()).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo(LayoutIssue.Kind.ARCHIVE_UNREADABLE);
            assertThat(i.path()).isEqualTo("宁波市.rar");
            assertThat(i.detail()).contains("the RAR reader stopped");
        });
        assertThat(crashLogs(cwd)).as("the crash log goes to the private temporary folder").isEqualTo(crashLogsBefore);
        assertThat(Trees.fingerprint(tmp)).as("nothing written beside the archive, the archive unchanged").isEqualTo(before);
    }

    @Test
    void aCrashWhileExtractingLeavesTheListedEntriesAsFindings() throws IOException {
        ArchiveMounter.Mount mount = mount(FaultyRarChildren.CrashWhileExtracting.class, Duration.ofSeconds(60), "rar5.rar");
        assertThat(mount.path()).isNotNull();
        assertThat(mount.issues()).extracting(LayoutIssue::path)
                .containsExactlyInAnyOrder("宁波市.rar", "宁波市.rar!/test1.bin", "宁波市.rar!/test2.bin", "宁波市.rar!/test3.bin", "宁波市.rar!/test4.bin");
        assertThat(mount.issues()).allSatisfy(i -> assertThat(i.kind()).isEqualTo(LayoutIssue.Kind.ARCHIVE_UNREADABLE));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Files.readAllBytes(mount.path().resolve("test1.bin")))
                .isInstanceOf(IOException.class);
    }

    @Test
    void aHangingReaderIsEndedAfterTheTimeout() throws IOException {
        long start = System.nanoTime();
        ArchiveMounter.Mount mount = mount(FaultyRarChildren.Hang.class, Duration.ofSeconds(2), "rar4.rar");
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertThat(mount.issues()).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo(LayoutIssue.Kind.ARCHIVE_UNREADABLE);
            assertThat(i.detail()).contains("no answer for 2 s");
        });
        assertThat(seconds).isLessThan(30);
    }

    @Test
    void withoutANativeLibraryTheFindingNamesRarAndWhatToDo() throws IOException {
        ArchiveMounter.Mount mount = mount(FaultyRarChildren.NoNativeLibrary.class, Duration.ofSeconds(60), "rar5.rar");
        assertThat(mount.issues()).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo(LayoutIssue.Kind.ARCHIVE_UNREADABLE);
            assertThat(i.detail()).isEqualTo("unsupported:RAR 5");
        });
    }

    @Test
    void theChildsClassPathIsAbsoluteWhateverTheProgramWasStartedWith() {
        String sep = java.io.File.pathSeparator;
        String[] entries = ChildProcess.absolute("zjlearn.jar" + sep + "lib/a.jar").split(java.util.regex.Pattern.quote(sep));
        assertThat(entries).containsExactly(Path.of("zjlearn.jar").toAbsolutePath().toString(), Path.of("lib/a.jar").toAbsolutePath().toString());
        assertThat(Path.of(entries[0]).isAbsolute()).isTrue();
    }

    private static long crashLogs(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith("hs_err")).count();
        }
    }
}
