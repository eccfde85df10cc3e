package zjlearn.fix;

import zjlearn.i18n.Msg;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Finds an ffmpeg that can make the rules' video: the one given with {@code --ffmpeg} (and then only it), else
 * {@code ZJLEARN_FFMPEG}, else {@code ffmpeg} on PATH, else the one zjlearn brings: the GPL build of FFmpeg in the
 * Maven artifact {@code org.bytedeco:ffmpeg:<version>:<platform>-gpl}, looked for beside zjlearn.jar
 * ({@code ffmpeg/} of the distribution, see README) and in the local Maven repository, and unpacked once into a
 * cache folder. Each candidate must run and have the encoders the rules name.
 */
public final class FfmpegLocator {
    /** The bytedeco artifact version zjlearn brings (FFmpeg 7.1, JavaCPP 1.5.11). */
    public static final String BROUGHT_VERSION = "7.1-1.5.11";
    public static final String ENV = "ZJLEARN_FFMPEG";

    /** Found, or why not (every place tried, in order). */
    public record Result(Ffmpeg ffmpeg, List<Msg> tried) {
        public boolean found() {
            return ffmpeg != null;
        }
    }

    private final Map<String, String> env;
    private final List<Path> broughtDirs;
    private final Path cache;

    /**
     * @param env         the environment (PATH, ZJLEARN_FFMPEG)
     * @param broughtDirs folders that may hold {@code ffmpeg-<version>-<platform>-gpl.jar}
     * @param cache       where a brought ffmpeg is unpacked
     */
    public FfmpegLocator(Map<String, String> env, List<Path> broughtDirs, Path cache) {
        this.env = env;
        this.broughtDirs = List.copyOf(broughtDirs);
        this.cache = cache;
    }

    /** The places of this installation: beside zjlearn.jar, and the user's Maven repository; cache in the user's home. */
    public static FfmpegLocator standard() {
        List<Path> dirs = new ArrayList<>();
        Path jar = jarDir();
        if (jar != null) {
            dirs.add(jar.resolve("ffmpeg"));
            if (jar.getParent() != null) {
                dirs.add(jar.getParent().resolve("ffmpeg"));
            }
        }
        Path home = Path.of(System.getProperty("user.home", "."));
        dirs.add(home.resolve(".m2/repository/org/bytedeco/ffmpeg").resolve(BROUGHT_VERSION));
        String local = System.getenv("LOCALAPPDATA");
        Path cache = local != null ? Path.of(local, "zjlearn", "ffmpeg") : home.resolve(".cache/zjlearn/ffmpeg");
        return new FfmpegLocator(System.getenv(), dirs, cache);
    }

    public Result locate(Path option, List<String> encoders) {
        List<Msg> tried = new ArrayList<>();
        if (option != null) {
            Ffmpeg f = check(option, Ffmpeg.Origin.OPTION, encoders, tried);
            return new Result(f, tried);
        }
        String configured = env.get(ENV);
        if (configured != null && !configured.isBlank()) {
            Ffmpeg f = check(Path.of(configured.strip()), Ffmpeg.Origin.ENVIRONMENT, encoders, tried);
            if (f != null) {
                return new Result(f, tried);
            }
        }
        Path onPath = onPath();
        if (onPath != null) {
            Ffmpeg f = check(onPath, Ffmpeg.Origin.PATH, encoders, tried);
            if (f != null) {
                return new Result(f, tried);
            }
        } else {
            tried.add(Msg.key("fix.ffmpeg.not-on-path"));
        }
        Path brought = brought(tried);
        if (brought != null) {
            Ffmpeg f = check(brought, Ffmpeg.Origin.BROUGHT, encoders, tried);
            if (f != null) {
                return new Result(f, tried);
            }
        }
        return new Result(null, tried);
    }

    private Ffmpeg check(Path exe, Ffmpeg.Origin origin, List<String> encoders, List<Msg> tried) {
        if (!Files.isRegularFile(exe)) {
            tried.add(Msg.key("fix.ffmpeg.no-file", exe));
            return null;
        }
        String version = Ffmpeg.query(exe, "-version");
        if (version == null) {
            tried.add(Msg.key("fix.ffmpeg.does-not-run", exe));
            return null;
        }
        String list = Ffmpeg.query(exe, "-encoders");
        for (String encoder : encoders) {
            if (list == null || !Ffmpeg.hasEncoder(list, encoder)) {
                tried.add(Msg.key("fix.ffmpeg.lacks-encoder", exe, encoder));
                return null;
            }
        }
        return new Ffmpeg(exe, version.lines().findFirst().orElse("ffmpeg").strip(), origin);
    }

    private Path onPath() {
        String path = env.get("PATH");
        if (path == null) {
            path = env.getOrDefault("Path", "");
        }
        boolean windows = windows();
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            try {
                Path exe = Path.of(dir.strip()).resolve(windows ? "ffmpeg.exe" : "ffmpeg");
                if (Files.isRegularFile(exe) && Files.isExecutable(exe)) {
                    return exe;
                }
            } catch (RuntimeException ignored) {
                // a malformed PATH entry
            }
        }
        return null;
    }

    /** The platform's brought ffmpeg, unpacked from its jar into the cache (once); null when no jar is here. */
    private Path brought(List<Msg> tried) {
        String platform = platform();
        if (platform == null) {
            tried.add(Msg.key("fix.ffmpeg.no-platform",
                    System.getProperty("os.name") + " " + System.getProperty("os.arch")));
            return null;
        }
        String jarName = "ffmpeg-" + BROUGHT_VERSION + "-" + platform + ".jar";
        for (Path dir : broughtDirs) {
            Path jar = dir.resolve(jarName);
            if (Files.isRegularFile(jar)) {
                try {
                    return unpack(jar, platform);
                } catch (IOException e) {
                    tried.add(Msg.key("fix.ffmpeg.cannot-unpack", jar, String.valueOf(e.getMessage())));
                    return null;
                }
            }
        }
        tried.add(Msg.key("fix.ffmpeg.not-brought", jarName));
        return null;
    }

    /** Unpacks {@code org/bytedeco/ffmpeg/<platform>/} (the program and its libraries) into the cache, atomically. */
    Path unpack(Path jar, String platform) throws IOException {
        Path dir = cache.resolve(BROUGHT_VERSION + "-" + platform);
        Path exe = dir.resolve(platform.startsWith("windows") ? "ffmpeg.exe" : "ffmpeg");
        if (Files.isRegularFile(exe)) {
            return exe;
        }
        Files.createDirectories(cache);
        Path part = Files.createTempDirectory(cache, ".unpack");
        try {
            String prefix = "org/bytedeco/ffmpeg/" + platform + "/";
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                    String name = e.getName();
                    if (e.isDirectory() || !name.startsWith(prefix) || name.substring(prefix.length()).contains("/")) {
                        continue;
                    }
                    Path target = part.resolve(name.substring(prefix.length()));
                    try (InputStream in = zip.getInputStream(e)) {
                        Files.copy(in, target);
                    }
                    target.toFile().setExecutable(true, false);
                }
            }
            try {
                Files.move(part, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                if (!Files.isRegularFile(exe)) { // not another run's unpacking that won the race
                    throw e;
                }
            }
        } finally {
            if (Files.exists(part)) {
                zjlearn.PartialFiles.deleteTree(part);
            }
        }
        return exe;
    }

    /** bytedeco's platform name of the GPL build for this machine, or null when none is made. */
    static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String a = arch.equals("amd64") || arch.equals("x86_64") ? "x86_64" : arch.equals("aarch64") || arch.equals("arm64") ? "arm64" : null;
        if (a == null) {
            return null;
        }
        if (os.startsWith("windows")) {
            return a.equals("x86_64") ? "windows-x86_64-gpl" : null;
        }
        if (os.startsWith("mac")) {
            return "macosx-" + a + "-gpl";
        }
        if (os.startsWith("linux")) {
            return "linux-" + a + "-gpl";
        }
        return null;
    }

    private static boolean windows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    private static Path jarDir() {
        try {
            Path p = Path.of(FfmpegLocator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(p) ? p.getParent() : null;
        } catch (Exception e) {
            return null;
        }
    }

    /** For tests: the folders looked in. */
    List<Path> broughtDirs() {
        return broughtDirs;
    }
}
