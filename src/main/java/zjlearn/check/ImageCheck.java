package zjlearn.check;

import zjlearn.i18n.Msg;
import zjlearn.rules.Rule;
import zjlearn.probe.ProbedFile;
import zjlearn.probe.image.ImageFacts;
import zjlearn.rules.Glob;
import zjlearn.rules.Rules;
import zjlearn.scan.Submission;

import java.util.Comparator;
import java.util.Locale;
import java.util.Set;

/**
 * {@code image.*}: the ID photo has one of the sizes of the rules file's {@code images.idPhoto.sizesMm} (for the
 * 2021 notice's 2-inch photo: 二寸 35×49 mm, 小二寸 35×45 mm, 大二寸 35×53 mm), portrait, with enough pixels for
 * {@code images.idPhoto.minDpi} (300 dpi), in colour ({@code images.idPhoto.colour}); other photos are large enough
 * to print ({@code images.photo}). The 2021 notice sets a 2-inch colour ID photo but no pixels or proportions: an ID
 * photo that is clearly not one (landscape or tiny, {@code images.idPhoto.clearlyNot}) is an error
 * ({@code image.not-id-photo}), proportions and pixel counts are warnings. Sizes are judged as displayed, after EXIF
 * orientation.
 */
public final class ImageCheck implements Check {
    @Override
    public Set<Rule> emits() {
        return Set.of(Rule.IMAGE_NOT_ID_PHOTO, Rule.IMAGE_ASPECT, Rule.IMAGE_RESOLUTION, Rule.IMAGE_GRAYSCALE, Rule.IMAGE_SCREENSHOT);
    }

    @Override
    public void run(Validation v, FindingSink sink) {
        Rules.Images images = v.rules().images();
        if (images == null) {
            return;
        }
        for (Submission s : v.scan().submissions()) {
            for (ProbedFile f : v.files(s)) {
                if (!(f.facts() instanceof ProbedFile.Image image) || f.role() == null) {
                    continue;
                }
                if (images.screenshot() != null && images.screenshot().roles().contains(f.role())) {
                    screenshot(images.screenshot(), f, image.facts(), s, sink);
                }
                if (images.idPhoto() != null && f.role().equals(images.idPhoto().role())) {
                    idPhoto(images.idPhoto(), Texts.role(v.rules(), images.idPhoto().role()), f, image.facts(), s, sink);
                } else if (images.photo() != null && images.photo().roles().contains(f.role())) {
                    photo(images.photo(), f, image.facts(), s, sink);
                }
            }
        }
    }

    private static void idPhoto(Rules.IdPhoto rule, Msg role, ProbedFile f, ImageFacts img, Submission s, FindingSink sink) {
        String path = f.file().relPath();
        double aspect = (double) img.displayWidth() / img.displayHeight();
        Rules.SizeMm matched = rule.sizeOf(img.displayWidth(), img.displayHeight()).orElse(null);
        String kind = rule.sizeName();
        String sizes = rule.sizesMm().stream().map(mm -> fmt(mm.width()) + "×" + fmt(mm.height()) + " mm")
                .reduce((a, b) -> a + " / " + b).orElse("");
        Msg actualSize = Msg.key("image.size-aspect",
                String.valueOf(img.displayWidth()), String.valueOf(img.displayHeight()), String.format(Locale.ROOT, "%.2f", aspect));
        Rules.ClearlyNot clearlyNot = rule.clearlyNot();
        int shortSide = Math.min(img.displayWidth(), img.displayHeight());
        boolean landscape = clearlyNot != null && aspect > clearlyNot.maxAspect();
        boolean tiny = clearlyNot != null && shortSide < clearlyNot.minShortSide();
        if (landscape || tiny) {
            sink.add(Rule.IMAGE_NOT_ID_PHOTO, s.path(), path,
                    landscape
                            ? Msg.key("image.not-id-photo.landscape.message", sizes, kind, role)
                            : Msg.key("image.not-id-photo.tiny.message",
                            String.valueOf(img.displayWidth()), String.valueOf(img.displayHeight()), String.valueOf(clearlyNot.minShortSide()), kind, role),
                    Msg.key("image.id-photo.expected", sizes, kind), actualSize,
                    Msg.key("image.not-id-photo.fix", sizes, kind));
            return;
        }
        if (matched == null) {
            Rules.SizeMm first = rule.sizesMm().get(0);
            sink.add(Rule.IMAGE_ASPECT, s.path(), path,
                    Msg.key("image.aspect.message",
                            sizes, String.format(Locale.ROOT, "%.2f", first.width() / first.height()), kind, role),
                    Msg.key("image.id-photo.expected", sizes, kind), actualSize,
                    Msg.key("image.aspect.fix", sizes, kind));
        }
        Rules.SizeMm target = matched != null ? matched
                : rule.sizesMm().stream().min(Comparator.comparingDouble(Rules.SizeMm::height)).orElseThrow();
        int needW = (int) Math.round(target.width() / 25.4 * rule.minDpi());
        int needH = (int) Math.round(target.height() / 25.4 * rule.minDpi());
        if (img.displayWidth() < needW * rule.dpiTolerance() || img.displayHeight() < needH * rule.dpiTolerance()) {
            sink.add(Rule.IMAGE_RESOLUTION, s.path(), path,
                    Msg.key("image.resolution.id-photo.message",
                            String.valueOf(img.displayWidth()), String.valueOf(img.displayHeight()), String.valueOf(rule.minDpi()),
                            String.valueOf(needW), String.valueOf(needH), kind, role),
                    Msg.key("image.resolution.id-photo.expected", String.valueOf(needW), String.valueOf(needH)),
                    actualSize,
                    Msg.key("image.resolution.id-photo.fix"));
        }
        if (Boolean.TRUE.equals(rule.colour()) && !img.colour()) {
            sink.add(Rule.IMAGE_GRAYSCALE, s.path(), path,
                    Msg.key("image.grayscale.message", role),
                    Msg.key("image.grayscale.expected"), Msg.key("image.grayscale.actual"),
                    Msg.key("image.grayscale.fix", rule.sizeName(), role));
        }
    }

    private static void photo(Rules.PhotoSize rule, ProbedFile f, ImageFacts img, Submission s, FindingSink sink) {
        int longSide = Math.max(img.displayWidth(), img.displayHeight());
        int shortSide = Math.min(img.displayWidth(), img.displayHeight());
        if (longSide >= rule.minLongSide() && shortSide >= rule.minShortSide()) {
            return;
        }
        sink.add(Rule.IMAGE_RESOLUTION, s.path(), f.file().relPath(),
                Msg.key("image.resolution.photo.message",
                        String.valueOf(img.displayWidth()), String.valueOf(img.displayHeight()),
                        String.valueOf(rule.minLongSide()), String.valueOf(rule.minShortSide())),
                Msg.key("image.resolution.photo.expected",
                        String.valueOf(rule.minLongSide()), String.valueOf(rule.minShortSide())),
                Msg.key("image.pixels", String.valueOf(img.displayWidth()), String.valueOf(img.displayHeight())),
                Msg.key("image.resolution.photo.fix"));
    }

    /** A phone screenshot offered as a photo: by its name, or by a screen's size and no camera in EXIF. */
    private static void screenshot(Rules.Screenshot rule, ProbedFile f, ImageFacts img, Submission s, FindingSink sink) {
        String name = f.file().name();
        Msg why = null;
        if (rule.patterns().stream().anyMatch(p -> new Glob(p).matches(name))) {
            why = Msg.key("image.screenshot.by-name", name);
        } else if (!img.camera()) {
            int w = img.displayWidth();
            int h = img.displayHeight();
            String size = w + "×" + h;
            boolean screen = rule.screenSizes().stream().map(ImageCheck::size)
                    .anyMatch(d -> d != null && (d[0] == w && d[1] == h || d[0] == h && d[1] == w));
            double tall = (double) Math.max(w, h) / Math.max(1, Math.min(w, h));
            if (screen) {
                why = Msg.key("image.screenshot.by-screen-size", size);
            } else if (rule.minTallAspect() != null && tall >= rule.minTallAspect()) {
                why = Msg.key("image.screenshot.by-proportions",
                        size, String.format(Locale.ROOT, "%.2f", tall));
            }
        }
        if (why == null) {
            return;
        }
        sink.add(Rule.IMAGE_SCREENSHOT, s.path(), f.file().relPath(),
                Msg.key("image.screenshot.message", why),
                Msg.key("image.screenshot.expected"),
                Msg.key("image.screenshot.actual", String.valueOf(img.displayWidth()), String.valueOf(img.displayHeight()),
                        img.camera() ? Msg.key("image.screenshot.camera-present") : Msg.key("image.screenshot.camera-absent")),
                Msg.key("image.screenshot.fix"));
    }

    /** "1080×2340" (or x, X, *) as {width, height}; null when it is not such a size. */
    private static int[] size(String text) {
        String[] parts = text.strip().split("\\s*[×xX*]\\s*");
        if (parts.length != 2) {
            return null;
        }
        try {
            return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String fmt(double mm) {
        return mm == Math.rint(mm) ? String.valueOf((long) mm) : String.valueOf(mm);
    }
}
