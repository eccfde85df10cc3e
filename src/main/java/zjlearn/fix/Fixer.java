package zjlearn.fix;

import zjlearn.PartialFiles;
import zjlearn.i18n.Msg;
import zjlearn.probe.ProbedFile;
import zjlearn.rules.Rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the copy: the whole input tree into a part folder beside the output ({@code .<name>.<pid>.fixing}), every
 * file copied byte for byte except those the plan converts, then renamed into place in one step. Ctrl-C stops
 * ffmpeg and removes the part folder ({@link PartialFiles}). The input is only read.
 */
public final class Fixer {
    /** Hears how a video conversion goes. */
    public interface Listener {
        Listener NONE = new Listener() {
        };

        default void videoStarted(String file, int index, int count) {
        }

        default void videoProgress(String file, double secondsDone, double totalSeconds, double speed) {
        }

        default void videoFinished(String file) {
        }
    }

    /** One file that was converted. */
    public record Change(String from, String to, List<zjlearn.rules.Rule> rules, List<Msg> done) {
    }

    /**
     * What the run did.
     *
     * @param output        the copy
     * @param changes       the converted files
     * @param left          what was not converted, and why (from the plan, and conversions that failed)
     * @param videosNoFfmpeg videos that needed ffmpeg, which could not be had
     */
    public record Outcome(Path output, List<Change> changes, List<Plan.Left> left, int videosNoFfmpeg) {
    }

    private final Rules rules;
    private final Ffmpeg ffmpeg;
    private final PhotoConverter photos;
    private final Listener listener;

    /** @param ffmpeg the ffmpeg to use, or null when none could be had (the videos are then copied unchanged) */
    public Fixer(Rules rules, Ffmpeg ffmpeg, PhotoConverter photos, Listener listener) {
        this.rules = rules;
        this.ffmpeg = ffmpeg;
        this.photos = photos;
        this.listener = listener;
    }

    /**
     * Copies {@code source} into {@code output} (which must not exist unless {@code replace}), converting as planned.
     *
     * @param probed the validation's facts of the input, by the file's path
     */
    public Outcome run(Plan plan, Map<Path, ProbedFile> probed, Path source, Path output, boolean replace) throws IOException, InterruptedException {
        return run(plan, probed, source, output, List.of(), List.of(), replace);
    }

    /**
     * As above, the copy of {@code source} placed at {@code below} under {@code output} (the category folder, the
     * submission's category and own folder: below the unit folder a category or submission needs to be recognised
     * again), with {@code besides} (the category folder's own files that validating a submission reads) copied
     * beside it.
     */
    public Outcome run(Plan plan, Map<Path, ProbedFile> probed, Path source, Path output, List<String> below,
                       List<Path> besides, boolean replace) throws IOException, InterruptedException {
        Path parent = output.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path part = parent.resolve("." + output.getFileName() + "." + ProcessHandle.current().pid() + ".fixing");
        Map<Path, Plan.Job> jobs = new HashMap<>();
        plan.jobs().forEach(j -> jobs.put(j.file().path(), j));
        List<Change> changes = new ArrayList<>();
        List<Plan.Left> left = new ArrayList<>(plan.left());
        List<Pending> videos = new ArrayList<>();
        List<Pending> decodeLater = new ArrayList<>();
        PartialFiles.create(part, () -> Files.createDirectory(part));
        boolean done = false;
        try {
            Path into = part;
            for (String name : below) {
                into = into.resolve(name);
            }
            Files.createDirectories(into);
            for (Path extra : besides) {
                copy(extra, into.getParent().resolve(extra.getFileName().toString()));
            }
            Path copyRoot = into;
            Files.walkFileTree(source, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    Files.createDirectories(target(source, dir, copyRoot));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Path dest = target(source, file, copyRoot);
                    Plan.Job job = jobs.get(file);
                    if (job instanceof Plan.PhotoJob photo && photo.viaFfmpeg()) {
                        decodeLater.add(new Pending(null, file, dest, photo));
                    } else if (job instanceof Plan.PhotoJob photo) {
                        photo(photo, file, dest, changes, left);
                    } else if (job instanceof Plan.VideoJob video) {
                        videos.add(new Pending(video, file, dest, null));
                    } else {
                        copy(file, dest);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    throw e; // nothing may be missing from the copy without being told: the run fails and says why
                }
            });
            for (Pending p : decodeLater) {
                photoViaFfmpeg(p, changes, left);
            }
            int index = 0;
            int noFfmpeg = 0;
            for (Pending v : videos) {
                index++;
                if (ffmpeg == null) {
                    copy(v.file, v.dest);
                    noFfmpeg++;
                    left.add(new Plan.Left(v.job.file().relPath(), v.job.rules().get(0), Msg.key("fix.video.no-ffmpeg")));
                    continue;
                }
                video(v, probed.get(v.file), index, videos.size(), changes, left);
            }
            replaceWith(part, output, replace);
            done = true;
            return new Outcome(output, changes, left, noFfmpeg);
        } finally {
            if (!done && Files.exists(part)) {
                PartialFiles.deleteTree(part);
            }
            PartialFiles.done(part);
        }
    }

    private record Pending(Plan.VideoJob job, Path file, Path dest, Plan.PhotoJob photo) {
    }

    /** A photo no Java decoder reads (HEIC): ffmpeg decodes it losslessly to PNG, the photo conversion goes on from there. */
    private void photoViaFfmpeg(Pending p, List<Change> changes, List<Plan.Left> left) throws IOException, InterruptedException {
        Plan.PhotoJob job = p.photo();
        if (ffmpeg == null) {
            copy(p.file(), p.dest());
            left.add(new Plan.Left(job.file().relPath(), job.rules().isEmpty() ? zjlearn.rules.Rule.FILE_TYPE_NOT_ALLOWED : job.rules().get(0),
                    Msg.key("fix.photo.heic-no-ffmpeg", typeName(job))));
            return;
        }
        Path in = local(p.file(), p.dest());
        Path png = p.dest().resolveSibling("." + p.dest().getFileName() + ".decoded.png");
        try {
            Ffmpeg.Outcome decoded = ffmpeg.run(List.of("-i", in.toString(), "-frames:v", "1", "-c:v", "png", "-f", "image2", png.toString()),
                    Ffmpeg.Progress.NONE);
            if (!decoded.ok() || !Files.isRegularFile(png)) {
                copy(p.file(), p.dest());
                String why = decoded.log().lines().reduce((a, b) -> b).orElse("exit " + decoded.exitCode());
                left.add(new Plan.Left(job.file().relPath(), job.rules().isEmpty() ? zjlearn.rules.Rule.FILE_TYPE_NOT_ALLOWED : job.rules().get(0),
                        Msg.key("fix.photo.heic-unreadable",
                                ffmpeg.executable(), ffmpeg.version(), typeName(job), why)));
                return;
            }
            photo(job, png, p.dest(), changes, left, p.file());
        } finally {
            Files.deleteIfExists(png);
            if (!in.equals(p.file())) {
                Files.deleteIfExists(in);
            }
        }
    }

    private static Msg typeName(Plan.PhotoJob job) {
        return Msg.key(job.from().labelKey());
    }

    private void photo(Plan.PhotoJob job, Path file, Path dest, List<Change> changes, List<Plan.Left> left) throws IOException {
        photo(job, file, dest, changes, left, file);
    }

    /** Converts {@code file} (the original, or its lossless decoding) into the copy; on failure copies {@code original}. */
    private void photo(Plan.PhotoJob job, Path file, Path dest, List<Change> changes, List<Plan.Left> left, Path original) throws IOException {
        Path out = dest.resolveSibling(name(job.target()));
        try (InputStream in = Files.newInputStream(file)) {
            PhotoConverter.Done d = photos.convert(job, in, out);
            if (d.steps().isEmpty()) { // nothing was needed once decoded
                Files.delete(out);
                copy(original, dest);
            } else {
                changes.add(new Change(job.file().relPath(), job.target(), job.rules(), d.steps()));
            }
            d.notes().forEach(n -> left.add(new Plan.Left(job.target(), zjlearn.rules.Rule.IMAGE_ASPECT, n)));
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            Files.deleteIfExists(out);
            copy(original, dest);
            left.add(new Plan.Left(job.file().relPath(), job.rules().isEmpty() ? zjlearn.rules.Rule.FILE_TYPE_NOT_ALLOWED : job.rules().get(0),
                    Msg.key("fix.photo.failed", String.valueOf(e.getMessage()))));
        }
    }

    private void video(Pending v, ProbedFile facts, int index, int count, List<Change> changes, List<Plan.Left> left)
            throws IOException, InterruptedException {
        VideoConverter converter = new VideoConverter(rules.video());
        Path out = v.dest.resolveSibling(name(v.job.target()));
        Path in = local(v.file, v.dest);
        String name = v.job.file().name();
        listener.videoStarted(name, index, count);
        Ffmpeg.Outcome outcome;
        try {
            String audio = facts != null && Planner.video(facts) != null ? Planner.video(facts).audio().codec() : null;
            outcome = converter.run(ffmpeg, v.job, audio, in, out,
                    (seconds, speed) -> listener.videoProgress(name, seconds, v.job.seconds(), speed));
        } finally {
            listener.videoFinished(name);
            if (!in.equals(v.file)) {
                Files.deleteIfExists(in);
            }
        }
        if (outcome.ok()) {
            changes.add(new Change(v.job.file().relPath(), v.job.target(), v.job.rules(), List.of(converter.describe(v.job))));
            return;
        }
        Files.deleteIfExists(out);
        copy(v.file, v.dest);
        String why = outcome.log().lines().reduce((a, b) -> b).orElse("exit " + outcome.exitCode());
        left.add(new Plan.Left(v.job.file().relPath(), v.job.rules().get(0), Msg.key("fix.video.failed", why)));
    }

    /** ffmpeg reads files on disk: a file inside an archive is first copied out beside its destination. */
    private static Path local(Path file, Path dest) throws IOException {
        if (file.getFileSystem() == FileSystems.getDefault()) {
            return file;
        }
        Path tmp = dest.resolveSibling("." + dest.getFileName() + ".source");
        try (InputStream in = Files.newInputStream(file)) {
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
        }
        return tmp;
    }

    /** Byte for byte, with the modification time where the file system keeps one. */
    static void copy(Path file, Path dest) throws IOException {
        if (file.getFileSystem() == FileSystems.getDefault()) {
            Files.copy(file, dest, StandardCopyOption.COPY_ATTRIBUTES);
            return;
        }
        try (InputStream in = Files.newInputStream(file)) {
            Files.copy(in, dest);
        }
    }

    private static Path target(Path source, Path p, Path part) {
        Path result = part;
        for (Path name : source.relativize(p)) {
            result = result.resolve(name.toString());
        }
        return result;
    }

    private static String name(String relPath) {
        return relPath.substring(relPath.lastIndexOf('/') + 1);
    }

    /** Puts the finished copy in place: a rename; an existing output (only with replace) is moved aside first. */
    private static void replaceWith(Path part, Path output, boolean replace) throws IOException {
        Path old = null;
        if (Files.exists(output)) {
            if (!replace) {
                throw new java.nio.file.FileAlreadyExistsException(output.toString());
            }
            old = output.resolveSibling("." + output.getFileName() + "." + ProcessHandle.current().pid() + ".old");
            Files.move(output, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(part, output, StandardCopyOption.ATOMIC_MOVE);
        if (old != null) {
            PartialFiles.deleteTree(old);
        }
    }
}
