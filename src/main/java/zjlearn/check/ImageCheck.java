package zjlearn.check;

import zjlearn.rules.Rule;
import zjlearn.probe.ProbedFile;
import zjlearn.probe.image.ImageFacts;
import zjlearn.rules.Glob;
import zjlearn.rules.Rules;
import zjlearn.scan.Submission;

import java.util.Comparator;
import java.util.Locale;

/**
 * {@code image.*}: the ID photo has one of the sizes of rules.yaml (二寸: 35×49 mm, 小二寸 35×45 mm, 大二寸 35×53 mm),
 * portrait, with enough pixels for about 300 dpi, in colour; other photos are large enough to print. The notice
 * sets a 2-inch colour ID photo but no pixels or proportions: an ID photo that is clearly not one (landscape or tiny,
 * {@code clearlyNot} in rules.yaml) is an error ({@code image.not-id-photo}), proportions and pixel counts are
 * warnings. Sizes are judged as displayed, after EXIF orientation.
 */
public final class ImageCheck implements Check {
    @Override
    public void run(Validation v, FindingSink sink) {
        Rules.Images images = v.rules().images();
        if (images == null) {
            return;
        }
        for (Submission s : v.scan().submissions()) {
            for (ProbedFile f : v.files(s)) {
                if (f.image() == null || f.role() == null) {
                    continue;
                }
                if (images.screenshot() != null && images.screenshot().roles().contains(f.role())) {
                    screenshot(images.screenshot(), f, s, sink);
                }
                if (images.idPhoto() != null && f.role().equals(images.idPhoto().role())) {
                    idPhoto(images.idPhoto(), f, s, sink);
                } else if (images.photo() != null && images.photo().roles().contains(f.role())) {
                    photo(images.photo(), f, s, sink);
                }
            }
        }
    }

    private static void idPhoto(Rules.IdPhoto rule, ProbedFile f, Submission s, FindingSink sink) {
        ImageFacts img = f.image();
        String path = f.file().relPath();
        double aspect = (double) img.displayWidth() / img.displayHeight();
        Rules.SizeMm matched = rule.sizesMm().stream()
                .filter(mm -> Math.abs(aspect / (mm.width() / mm.height()) - 1) <= rule.aspectTolerance())
                .findFirst().orElse(null);
        String kind = rule.sizeName();
        String sizes = rule.sizesMm().stream().map(mm -> fmt(mm.width()) + "×" + fmt(mm.height()) + " mm")
                .reduce((a, b) -> a + " / " + b).orElse("");
        Msg actualSize = Msg.of("{0}×{1} 像素（宽高比 {2}）", "{0}×{1} pixels (aspect {2})",
                String.valueOf(img.displayWidth()), String.valueOf(img.displayHeight()), String.format(Locale.ROOT, "%.2f", aspect));
        Rules.ClearlyNot clearlyNot = rule.clearlyNot();
        int shortSide = Math.min(img.displayWidth(), img.displayHeight());
        boolean landscape = clearlyNot != null && aspect > clearlyNot.maxAspect();
        boolean tiny = clearlyNot != null && shortSide < clearlyNot.minShortSide();
        if (landscape || tiny) {
            sink.add(Rule.IMAGE_NOT_ID_PHOTO, s.path(), path,
                    landscape
                            ? Msg.of("证件照是横版的，不是{1}免冠证件照（{1}证件照为竖版 {0}）", "the ID photo is landscape: it is not a {1} ID photo, which is portrait ({0})", sizes, kind)
                            : Msg.of("证件照只有 {0}×{1} 像素（短边不足 {2}），不是可用的{3}证件照", "the ID photo has only {0}×{1} pixels (shorter side under {2}): not a usable {3} ID photo",
                            String.valueOf(img.displayWidth()), String.valueOf(img.displayHeight()), String.valueOf(clearlyNot.minShortSide()), kind),
                    Msg.of("{1}竖版 {0}", "{1} portrait, {0}", sizes, kind), actualSize,
                    Msg.of("换成真正的{1}免冠彩色证件照（竖版 {0}，照相馆或证件照软件的原图），保存为 JPG", "use a real {1} colour ID photo (portrait {0}, the original from a studio or an ID-photo app), saved as JPEG", sizes, kind));
            return;
        }
        if (matched == null) {
            Rules.SizeMm first = rule.sizesMm().get(0);
            sink.add(Rule.IMAGE_ASPECT, s.path(), path,
                    Msg.of("证件照的宽高比不是{2}照片的比例（{0}，宽高比约 {1}）", "the ID photo does not have the {2} proportions ({0}, aspect about {1})",
                            sizes, String.format(Locale.ROOT, "%.2f", first.width() / first.height()), kind),
                    Msg.of("{1}竖版 {0}", "{1} portrait, {0}", sizes, kind), actualSize,
                    Msg.of("用证件照软件或请照相馆按{1}（{0}）竖版裁剪，保存为 JPG", "crop it as a {1} portrait ({0}) with an ID-photo app or a photo studio, and save as JPEG", sizes, kind));
        }
        Rules.SizeMm target = matched != null ? matched
                : rule.sizesMm().stream().min(Comparator.comparingDouble(Rules.SizeMm::height)).orElseThrow();
        int needW = (int) Math.round(target.width() / 25.4 * rule.minDpi());
        int needH = (int) Math.round(target.height() / 25.4 * rule.minDpi());
        if (img.displayWidth() < needW * rule.dpiTolerance() || img.displayHeight() < needH * rule.dpiTolerance()) {
            sink.add(Rule.IMAGE_RESOLUTION, s.path(), path,
                    Msg.of("证件照像素太少：{0}×{1}，按 {2} dpi 打印{5}照片约需 {3}×{4} 像素",
                            "the ID photo has too few pixels: {0}×{1}; a {5} print at {2} dpi needs about {3}×{4}",
                            String.valueOf(img.displayWidth()), String.valueOf(img.displayHeight()), String.valueOf(rule.minDpi()),
                            String.valueOf(needW), String.valueOf(needH), kind),
                    Msg.of("约 {0}×{1} 像素或更多", "about {0}×{1} pixels or more", String.valueOf(needW), String.valueOf(needH)),
                    actualSize,
                    Msg.of("提供原始的电子证件照（不要用截图或压缩过的微信图片），或重新拍摄", "send the original digital ID photo (not a screenshot or a chat-app copy), or take it again"));
        }
        if (Boolean.TRUE.equals(rule.colour()) && !img.colour()) {
            sink.add(Rule.IMAGE_GRAYSCALE, s.path(), path,
                    Msg.of("证件照是黑白的，通知要求彩色证件照", "the ID photo is black and white; the notice asks for colour"),
                    Msg.of("彩色", "colour"), Msg.of("黑白（灰度）", "black and white (grayscale)"),
                    Msg.of("提供彩色的{0}免冠证件照", "send a colour {0} ID photo", rule.sizeName()));
        }
    }

    private static void photo(Rules.PhotoSize rule, ProbedFile f, Submission s, FindingSink sink) {
        ImageFacts img = f.image();
        int longSide = Math.max(img.displayWidth(), img.displayHeight());
        int shortSide = Math.min(img.displayWidth(), img.displayHeight());
        if (longSide >= rule.minLongSide() && shortSide >= rule.minShortSide()) {
            return;
        }
        sink.add(Rule.IMAGE_RESOLUTION, s.path(), f.file().relPath(),
                Msg.of("照片像素太少：{0}×{1}，至少需要 {2}×{3}", "the photo has too few pixels: {0}×{1}; at least {2}×{3} are needed",
                        String.valueOf(img.displayWidth()), String.valueOf(img.displayHeight()),
                        String.valueOf(rule.minLongSide()), String.valueOf(rule.minShortSide())),
                Msg.of("长边 ≥ {0}、短边 ≥ {1} 像素", "long side ≥ {0}, short side ≥ {1} pixels",
                        String.valueOf(rule.minLongSide()), String.valueOf(rule.minShortSide())),
                Msg.of("{0}×{1} 像素", "{0}×{1} pixels", String.valueOf(img.displayWidth()), String.valueOf(img.displayHeight())),
                Msg.of("提供相机或手机拍摄的原图（不要用截图、缩略图或聊天软件压缩过的图片）",
                        "send the original from the camera or phone (not a screenshot, thumbnail or chat-app copy)"));
    }

    /** A phone screenshot offered as a photo: by its name, or by a screen's size and no camera in EXIF. */
    private static void screenshot(Rules.Screenshot rule, ProbedFile f, Submission s, FindingSink sink) {
        ImageFacts img = f.image();
        String name = f.file().name();
        Msg why = null;
        if (rule.patterns().stream().anyMatch(p -> new Glob(p).matches(name))) {
            why = Msg.of("文件名“{0}”是截屏的名字", "the name \"{0}\" is a screenshot's", name);
        } else if (!img.camera()) {
            int w = img.displayWidth();
            int h = img.displayHeight();
            String size = w + "×" + h;
            boolean screen = rule.screenSizes().stream().map(ImageCheck::size)
                    .anyMatch(d -> d != null && (d[0] == w && d[1] == h || d[0] == h && d[1] == w));
            double tall = (double) Math.max(w, h) / Math.max(1, Math.min(w, h));
            if (screen) {
                why = Msg.of("{0} 像素正是手机屏幕的尺寸，且没有相机信息", "{0} pixels is a phone screen's size, and there is no camera information", size);
            } else if (rule.minTallAspect() != null && tall >= rule.minTallAspect()) {
                why = Msg.of("{0} 像素的比例（{1}:1）是手机屏幕的比例，相机照片没有这么瘦长，且没有相机信息",
                        "{0} pixels ({1}:1) has a phone screen's proportions, which no camera photo has, and there is no camera information",
                        size, String.format(Locale.ROOT, "%.2f", tall));
            }
        }
        if (why == null) {
            return;
        }
        sink.add(Rule.IMAGE_SCREENSHOT, s.path(), f.file().relPath(),
                Msg.of("这张照片像是手机截屏，不是拍摄的原图：{0}", "this photo looks like a phone screenshot, not an original: {0}", why),
                Msg.of("相机或手机拍摄的原图", "the original from a camera or phone"),
                Msg.of("{0}×{1} 像素，{2}", "{0}×{1} pixels, {2}", String.valueOf(img.displayWidth()), String.valueOf(img.displayHeight()),
                        img.camera() ? Msg.of("有相机信息", "camera information present") : Msg.of("没有相机信息", "no camera information")),
                Msg.of("换成相机或手机拍摄的原图（在手机相册中选中照片、以“原图”发送或用数据线复制，不要截屏），文件名不要带“截屏”“Screenshot”",
                        "use the original photo (send it from the phone's gallery as the original, or copy it by cable; do not take a screenshot), and do not name it as a screenshot"));
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
