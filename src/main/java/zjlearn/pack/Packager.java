package zjlearn.pack;

import zjlearn.report.Sizes;
import zjlearn.AtomicFiles;
import zjlearn.PartialFiles;
import zjlearn.IoErrors;

import zjlearn.ValidationResult;
import zjlearn.i18n.Msg;
import zjlearn.report.ReportFormat;
import zjlearn.report.TextReport;
import zjlearn.rules.Rules;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * Writes one unit's bag as {@code DIR/<unit>.zip}: first to {@code <unit>.zip.part}, which is forced
 * to disk and then renamed atomically, so the final name never holds half an archive; a
 * failure deletes the part file. Entries (sorted by name):
 *
 * <pre>
 * 杭州市/bag-info.txt           Source-Organization, Bagging-Date, Payload-Oxum, counts per category …
 * 杭州市/bagit.txt
 * 杭州市/data/…                 the accepted submissions, in their folders as the unit sent them
 * 杭州市/manifest-sha256.txt
 * 杭州市/report.json            the unit's zjlearn-report/1, with its package section
 * 杭州市/report.txt             the same as the text report a clerk reads
 * 杭州市/report.html            the same as the HTML page, thumbnails included
 * 杭州市/tagmanifest-sha256.txt
 * </pre>
 *
 * <p>The Bagging-Date is {@code --date} when given, else the day (China Standard Time, UTC+8) of the
 * newest modification time among the unit's packaged files: identical input gives a byte-identical
 * archive. Every zip entry is dated that day (see {@link BagZipWriter}).
 */
public final class Packager {
    /** The campaign's time zone: dates are days in China Standard Time. */
    public static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    /** Files above this size get a progress line of their own. */
    private static final long BIG_FILE = 256L << 20;

    /**
     * @param classicZip CRC and sizes in the local headers (for importers that read zips as a stream), at
     *                   the cost of reading each archive back to hash it; else in data descriptors, one pass
     */
    public record Options(LocalDate date, String agent, Locale locale, boolean classicZip) {
    }

    /** What bag-info.txt says about the payload. */
    public record BagFacts(LocalDate baggingDate, String payloadOxum) {
    }

    /**
     * The outcome of writing one unit's archive.
     *
     * @param error why the archive could not be written (then no archive exists), or null
     */
    public record UnitResult(PackagePlan.UnitPlan plan, Path archive, String sha256, long size, BagFacts facts,
                             String error) {
    }

    private enum Kind { DIRECTORY, BAGIT, BAG_INFO, PAYLOAD, MANIFEST, REPORT_JSON, REPORT_TXT, REPORT_HTML, TAG_MANIFEST }

    private record Item(String name, Kind kind, PackagePlan.Payload payload) {
    }

    /** How far the payload of the archive being written is: for a progress bar. Called on the writing thread. */
    @FunctionalInterface
    public interface Meter {
        Meter NONE = (archive, done, total) -> { };

        void payload(String archive, long done, long total);
    }

    private final Options options;
    private final Consumer<Msg> progress;
    private final Meter meter;

    public Packager(Options options, Consumer<Msg> progress, Meter meter) {
        this.options = options;
        this.progress = progress;
        this.meter = meter;
    }

    /** The Bagging-Date of a unit: the date given, else the newest modification day of its payload (UTC+8). */
    public static LocalDate baggingDate(PackagePlan.UnitPlan unit, LocalDate given, Rules rules) throws IOException {
        if (given != null) {
            return given;
        }
        LocalDate newest = null;
        for (PackagePlan.Payload p : unit.payload()) {
            LocalDate day = Files.getLastModifiedTime(p.file().path()).toInstant().atOffset(CHINA).toLocalDate();
            if (newest == null || day.isAfter(newest)) {
                newest = day;
            }
        }
        return newest != null ? newest : rules.campaign().deadline();
    }

    public static String payloadOxum(PackagePlan.UnitPlan unit) {
        return unit.payloadBytes() + "." + unit.payload().size();
    }

    /**
     * Writes the unit's archive into {@code dir}. Never throws for an I/O failure: the result then carries
     * the error, and neither the archive nor its part file exists.
     */
    public UnitResult write(PackagePlan plan, PackagePlan.UnitPlan unit, Path dir, boolean replace) {
        Path target = dir.resolve(unit.archiveName());
        Path part = dir.resolve(unit.archiveName() + ".part");
        BagFacts facts = null;
        try {
            if (!replace && Files.exists(target)) {
                throw new FileAlreadyExistsException(target.toString());
            }
            facts = new BagFacts(baggingDate(unit, options.date(), plan.result().validation().rules()), payloadOxum(unit));
            String sha256;
            BagZipWriter.Layout layout = options.classicZip() ? BagZipWriter.Layout.CLASSIC : BagZipWriter.Layout.STREAMED;
            BagFacts bag = facts;
            try (BagZipWriter zip = PartialFiles.create(part, () -> new BagZipWriter(part, bag.baggingDate(), layout))) {
                long[] done = {0};
                meter.payload(unit.archiveName(), 0, unit.payloadBytes());
                zip.onPayloadRead(n -> {
                    done[0] += n;
                    meter.payload(unit.archiveName(), done[0], unit.payloadBytes());
                });
                writeEntries(plan, unit, facts, zip);
                sha256 = BagIt.hex(zip.finish());
            }
            long size = Files.size(part);
            AtomicFiles.move(part, target);
            PartialFiles.done(part);
            return new UnitResult(unit, target, sha256, size, facts, null);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(part);
                PartialFiles.done(part);
            } catch (IOException ignored) {
                // reported below with the original failure; an interrupted run's clean-up still knows the file
            }
            return new UnitResult(unit, null, null, 0, facts, describe(e));
        }
    }

    private void writeEntries(PackagePlan plan, PackagePlan.UnitPlan unit, BagFacts facts, BagZipWriter zip)
            throws IOException {
        String top = unit.unit() + "/";
        ValidationResult view = UnitView.of(plan.result(), unit);
        List<Item> items = new ArrayList<>();
        TreeSet<String> dirs = new TreeSet<>();
        dirs.add(top);
        dirs.add(top + BagIt.DATA);
        for (PackagePlan.Payload p : unit.payload()) {
            String name = top + p.bagPath();
            items.add(new Item(name, Kind.PAYLOAD, p));
            for (int slash = name.indexOf('/'); slash >= 0; slash = name.indexOf('/', slash + 1)) {
                dirs.add(name.substring(0, slash + 1));
            }
        }
        dirs.forEach(d -> items.add(new Item(d, Kind.DIRECTORY, null)));
        items.add(new Item(top + BagIt.BAGIT_TXT, Kind.BAGIT, null));
        items.add(new Item(top + BagIt.BAG_INFO_TXT, Kind.BAG_INFO, null));
        items.add(new Item(top + "manifest-sha256.txt", Kind.MANIFEST, null));
        items.add(new Item(top + "report.json", Kind.REPORT_JSON, null));
        items.add(new Item(top + "report.txt", Kind.REPORT_TXT, null));
        items.add(new Item(top + "report.html", Kind.REPORT_HTML, null));
        items.add(new Item(top + "tagmanifest-sha256.txt", Kind.TAG_MANIFEST, null));
        items.sort(Comparator.comparing(Item::name));

        // Sorted by name, the payload (data/…) precedes the manifest and every tag file precedes the tag
        // manifest, so each checksum is known by the time a manifest is written.
        List<Map.Entry<String, CompletableFuture<byte[]>>> payloadSums = new ArrayList<>();
        List<Map.Entry<String, String>> tagSums = new ArrayList<>();
        MessageDigest sha = ArchiveStream.sha256();
        for (Item item : items) {
            String inBag = item.name().substring(top.length());
            byte[] content = switch (item.kind()) {
                case DIRECTORY -> null;
                case PAYLOAD -> null;
                case BAGIT -> utf8(BagIt.bagitTxt());
                case BAG_INFO -> utf8(bagInfo(plan, unit, facts));
                case MANIFEST -> {
                    if (payloadSums.size() != unit.payload().size()) {
                        throw new IllegalStateException("manifest written before the payload");
                    }
                    yield utf8(BagIt.manifest(resolve(payloadSums)));
                }
                case REPORT_JSON -> utf8(PackageReport.bag(view, unit, facts, plan.strict(), options.locale()));
                case REPORT_TXT -> utf8(textReport(view));
                case REPORT_HTML -> utf8(ReportFormat.html.render(view, options.locale(), false, options.agent()));
                case TAG_MANIFEST -> utf8(BagIt.manifest(tagSums));
            };
            switch (item.kind()) {
                case DIRECTORY -> zip.directory(item.name());
                case PAYLOAD -> {
                    PackagePlan.Payload p = item.payload();
                    if (p.file().size() >= BIG_FILE) {
                        progress.accept(Msg.key("pack.progress.writing-file", p.bagPath(), Sizes.human(p.file().size())));
                    }
                    payloadSums.add(new AbstractMap.SimpleEntry<>(inBag,
                            zip.file(item.name(), p.file().path(), p.file().size(), p.store())));
                }
                default -> {
                    zip.bytes(item.name(), content);
                    if (item.kind() != Kind.TAG_MANIFEST) {
                        tagSums.add(new AbstractMap.SimpleEntry<>(inBag, BagIt.hex(sha.digest(content))));
                    }
                }
            }
        }
    }

    /** The payload checksums, waiting for the payload hasher where it has not caught up yet. */
    private static List<Map.Entry<String, String>> resolve(List<Map.Entry<String, CompletableFuture<byte[]>>> sums)
            throws IOException {
        List<Map.Entry<String, String>> hex = new ArrayList<>();
        for (Map.Entry<String, CompletableFuture<byte[]>> s : sums) {
            try {
                hex.add(new AbstractMap.SimpleEntry<>(s.getKey(), BagIt.hex(s.getValue().get())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while hashing " + s.getKey());
            } catch (ExecutionException e) {
                // the archive's failure (a full disk), as the writer met it
                Throwable cause = e.getCause();
                throw new IOException(cause.getMessage() != null ? cause.getMessage() : "writing the archive failed: " + cause,
                        cause);
            }
        }
        return hex;
    }

    private String bagInfo(PackagePlan plan, PackagePlan.UnitPlan unit, BagFacts facts) {
        Rules rules = plan.result().validation().rules();
        Rules.Campaign campaign = rules.campaign();
        StringBuilder b = new StringBuilder();
        line(b, "Source-Organization", unit.unit());
        line(b, "External-Description", campaign.name()
                + (campaign.document() == null ? "" : "（" + campaign.document() + "）") + "：" + unit.unit() + "推荐材料中通过检查的部分");
        line(b, "External-Identifier", (campaign.document() == null ? campaign.name() : campaign.document()) + "/" + unit.unit());
        line(b, "Bag-Group-Identifier", campaign.name());
        line(b, "Bagging-Date", facts.baggingDate().toString());
        line(b, "Bag-Software-Agent", options.agent());
        line(b, "Payload-Oxum", facts.payloadOxum());
        line(b, "Bag-Size", Sizes.human(unit.payloadBytes()));
        line(b, "Accepted-Submissions", String.valueOf(unit.count(PackagePlan.Status.ACCEPTED)));
        line(b, "Rejected-Submissions", String.valueOf(unit.count(PackagePlan.Status.REJECTED)));
        line(b, "Over-Quota-Submissions", String.valueOf(unit.count(PackagePlan.Status.OVER_QUOTA)));
        int index = 0;
        for (Map.Entry<String, Rules.CategoryDef> c : rules.categories().entrySet()) {
            index++;
            String label = label(c.getKey(), index);
            line(b, "Category-" + label, c.getValue().name());
            line(b, "Accepted-Submissions-" + label, String.valueOf(unit.count(PackagePlan.Status.ACCEPTED, c.getKey())));
            line(b, "Rejected-Submissions-" + label, String.valueOf(unit.count(PackagePlan.Status.REJECTED, c.getKey())));
            line(b, "Over-Quota-Submissions-" + label, String.valueOf(unit.count(PackagePlan.Status.OVER_QUOTA, c.getKey())));
        }
        for (Msg excluded : unit.excluded()) {
            line(b, "Over-Quota", excluded.render(options.locale()));
        }
        return b.toString();
    }

    /** An ASCII label for a category: its rules.yaml id capitalised ("star" → "Star"), else its position. */
    static String label(String id, int index) {
        if (!id.isEmpty() && id.chars().allMatch(ch -> ch < 128 && (Character.isLetterOrDigit(ch) || ch == '-'))) {
            return Character.toUpperCase(id.charAt(0)) + id.substring(1);
        }
        return "Category" + index;
    }

    private static void line(StringBuilder b, String label, String value) {
        b.append(label).append(": ").append(BagIt.oneLine(value)).append('\n');
    }

    private String textReport(ValidationResult view) {
        StringWriter buffer = new StringWriter();
        PrintWriter out = new PrintWriter(buffer);
        TextReport.write(view, options.locale(), false, out);
        out.flush();
        return buffer.toString().replace("\r\n", "\n");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }


    private String describe(Exception e) {
        if (e instanceof FileAlreadyExistsException) {
            return "already exists: " + e.getMessage();
        }
        if (e instanceof IOException io && !(e instanceof ArchiveStream.ChangedFileException)) {
            return IoErrors.explain(io).render(options.locale());
        }
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
