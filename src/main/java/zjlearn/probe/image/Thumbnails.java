package zjlearn.probe.image;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** Small JPEG previews for reports, made from the already-subsampled image the colour test decoded. */
public final class Thumbnails {
    /** Longest side of a preview, in pixels. */
    public static final int SIZE = 160;

    private Thumbnails() {
    }

    /**
     * A preview the right way up (EXIF orientation applied), or null when it cannot be made.
     * The subsampled image may have been squeezed unevenly, so the stored size gives the proportions.
     */
    static byte[] jpeg(BufferedImage image, int orientation, int storedWidth, int storedHeight) {
        try {
            double scale = Math.min(1.0, (double) SIZE / Math.max(storedWidth, storedHeight));
            int w = Math.max(1, (int) Math.round(storedWidth * scale));
            int h = Math.max(1, (int) Math.round(storedHeight * scale));
            boolean swap = orientation >= 5;
            BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = out.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setTransform(orientationTransform(orientation, w, h));
            g.drawImage(image, 0, 0, w, h, null);
            g.dispose();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            return ImageIO.write(out, "jpg", bytes) ? bytes.toByteArray() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Maps the stored w×h image onto the displayed canvas for EXIF orientations 1–8. */
    private static AffineTransform orientationTransform(int orientation, int w, int h) {
        AffineTransform t = new AffineTransform();
        switch (orientation) {
            case 2 -> { t.translate(w, 0); t.scale(-1, 1); }
            case 3 -> { t.translate(w, h); t.rotate(Math.PI); }
            case 4 -> { t.translate(0, h); t.scale(1, -1); }
            case 5 -> { t.rotate(Math.PI / 2); t.scale(1, -1); }
            case 6 -> { t.translate(h, 0); t.rotate(Math.PI / 2); }
            case 7 -> { t.scale(-1, 1); t.translate(-h, 0); t.translate(0, w); t.rotate(3 * Math.PI / 2); }
            case 8 -> { t.translate(0, w); t.rotate(3 * Math.PI / 2); }
            default -> { }
        }
        return t;
    }
}
