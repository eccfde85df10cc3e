package zjlearn.probe.image;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@link ImageProbe} learned about a JPEG or PNG photo.
 *
 * @param format        {@code "jpeg"} or {@code "png"}
 * @param width         pixel width as stored in the file (before EXIF orientation)
 * @param height        pixel height as stored in the file (before EXIF orientation)
 * @param orientation   EXIF orientation 1–8; 1 when absent or out of range
 * @param displayWidth  width as a viewer shows it: orientations 5–8 swap width and height
 * @param displayHeight height as a viewer shows it
 * @param colour        {@code true} for a colour photo, {@code false} for grayscale (see {@link ImageProbe})
 * @param dpiX          horizontal resolution in dots per inch (JFIF density, EXIF XResolution or PNG pHYs);
 *                      {@code null} when the file does not say
 * @param dpiY          vertical resolution in dots per inch; {@code null} when the file does not say
 * @param thumbnail     a JPEG preview at most {@link Thumbnails#SIZE} pixels on its long side, displayed the
 *                      right way up; null when no pixel was decoded
 * @param camera        EXIF names the camera (Make or Model), as a camera or a phone's camera writes and a
 *                      screenshot does not
 * @param damage        what decoding found wrong with the data ({@link Damage#NONE} when nothing, or when the
 *                      image was too big to decode in the time allowed)
 * @param damageDetail  the decoder's own words about the damage, or null
 */
public record ImageFacts(String format, int width, int height, int orientation,
                         int displayWidth, int displayHeight, boolean colour,
                         Double dpiX, Double dpiY, byte[] thumbnail, boolean camera,
                         Damage damage, String damageDetail) {

    /** Damage found while decoding. */
    public enum Damage {
        NONE,
        /** The whole picture decodes, but the file lacks its end marker (JPEG EOI / PNG IEND): cut off just at the end. */
        MISSING_END,
        /** The data ends before the picture is complete: part of it is grey or missing (cut off while copying). */
        TRUNCATED,
        /** The decoder reports broken data it cannot get past. */
        CORRUPT;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** Builds the facts, deriving the displayed size from the stored size and the EXIF orientation. */
    public static ImageFacts of(String format, int width, int height, int orientation, boolean colour,
                                Double dpiX, Double dpiY) {
        int o = orientation >= 1 && orientation <= 8 ? orientation : 1;
        boolean swap = o >= 5;
        return new ImageFacts(format, width, height, o,
                swap ? height : width, swap ? width : height, colour, dpiX, dpiY, null, false, Damage.NONE, null);
    }

    /** The same facts saying whether EXIF names a camera. */
    public ImageFacts withCamera(boolean fromCamera) {
        return new ImageFacts(format, width, height, orientation, displayWidth, displayHeight, colour, dpiX, dpiY, thumbnail,
                fromCamera, damage, damageDetail);
    }

    /** The same facts with the damage decoding found. */
    public ImageFacts withDamage(Damage found, String detail) {
        return new ImageFacts(format, width, height, orientation, displayWidth, displayHeight, colour, dpiX, dpiY, thumbnail,
                camera, found == null ? Damage.NONE : found, detail);
    }

    /** The same facts with a small JPEG preview (for the HTML report), made from the decode done for colour. */
    public ImageFacts withThumbnail(byte[] jpeg) {
        return new ImageFacts(format, width, height, orientation, displayWidth, displayHeight, colour, dpiX, dpiY, jpeg,
                camera, damage, damageDetail);
    }

    /**
     * The facts for {@code inspect --format json}, keys in this order: {@code format}, {@code width},
     * {@code height} (both as displayed, i.e. after EXIF orientation), {@code orientation}, {@code color}
     * (boolean) and {@code dpi}: {@code null} when the file states no resolution, otherwise an object
     * {@code {"x": 300.0, "y": 300.0}} (a missing axis is {@code null}); {@code camera} (boolean); and, only
     * when decoding found damage, {@code damage} ({@code missing-end}, {@code truncated}, {@code corrupt}) and
     * {@code damageDetail}.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", format);
        m.put("width", displayWidth);
        m.put("height", displayHeight);
        m.put("orientation", orientation);
        m.put("color", colour);
        if (dpiX == null && dpiY == null) {
            m.put("dpi", null);
        } else {
            Map<String, Object> dpi = new LinkedHashMap<>();
            dpi.put("x", dpiX);
            dpi.put("y", dpiY);
            m.put("dpi", dpi);
        }
        m.put("camera", camera);
        if (damage != Damage.NONE) {
            m.put("damage", damage.id());
            m.put("damageDetail", damageDetail);
        }
        return m;
    }
}
