package zjlearn.probe.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/**
 * Counts sampled pixels with a visible chroma spread. A pixel is chromatic when
 * {@code max(|r-g|, |g-b|, |r-b|) > }{@value #CHROMA_THRESHOLD} (8-bit scale); an image is colour when at
 * least {@value #COLOUR_PERCENT} % of its counted (non-transparent) pixels are chromatic, and at least one.
 */
final class ChromaCounter {
    static final int CHROMA_THRESHOLD = 24;
    static final int COLOUR_PERCENT = 1;

    /** How a JPEG's raw components (from {@code readRaster}, no colour conversion) are to be read. */
    enum RawSpace { GRAY, RGB, YCC, CMYK, CMYK_INVERTED, YCCK }

    private long counted;
    private long chromatic;

    void add(int r, int g, int b) {
        counted++;
        int d = Math.max(Math.abs(r - g), Math.max(Math.abs(g - b), Math.abs(r - b)));
        if (d > CHROMA_THRESHOLD) {
            chromatic++;
        }
    }

    void addGrey() {
        counted++;
    }

    long counted() {
        return counted;
    }

    long chromatic() {
        return chromatic;
    }

    boolean anyChroma() {
        return chromatic > 0;
    }

    boolean isColour() {
        return chromatic > 0 && chromatic * 100 >= counted * COLOUR_PERCENT;
    }

    /** Counts the first {@code rows} rows of a decoded image (fewer when decoding stopped early). */
    static ChromaCounter of(BufferedImage img, int rows) {
        ChromaCounter c = new ChromaCounter();
        Raster r = img.getRaster();
        ColorModel cm = img.getColorModel();
        int w = r.getWidth();
        int h = Math.min(rows, r.getHeight());
        int x0 = r.getMinX();
        int y0 = r.getMinY();
        int bands = r.getNumBands();
        int[] row = new int[w * bands];
        if (cm instanceof IndexColorModel icm) {
            for (int y = 0; y < h; y++) {
                r.getPixels(x0, y0 + y, w, 1, row);
                for (int x = 0; x < w; x++) {
                    int i = row[x * bands];
                    if (icm.getAlpha(i) == 0) {
                        continue;
                    }
                    c.add(icm.getRed(i), icm.getGreen(i), icm.getBlue(i));
                }
            }
            return c;
        }
        ColorSpace cs = cm.getColorSpace();
        int alphaBand = cm.hasAlpha() ? cm.getNumComponents() - 1 : -1;
        if (cs.getType() == ColorSpace.TYPE_GRAY || cs.getType() == ColorSpace.TYPE_RGB) {
            boolean grey = cs.getType() == ColorSpace.TYPE_GRAY;
            int[] size = cm.getComponentSize();
            for (int y = 0; y < h; y++) {
                r.getPixels(x0, y0 + y, w, 1, row);
                for (int x = 0, p = 0; x < w; x++, p += bands) {
                    if (alphaBand >= 0 && alphaBand < bands && row[p + alphaBand] == 0) {
                        continue;
                    }
                    if (grey) {
                        c.addGrey();
                    } else {
                        c.add(to8(row[p], size[0]), to8(row[p + 1], size[1]), to8(row[p + 2], size[2]));
                    }
                }
            }
            return c;
        }
        // Any other colour space: let the colour model convert, pixel by pixel (at most ~65k pixels).
        Object data = null;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                data = r.getDataElements(x0 + x, y0 + y, data);
                if (cm.getAlpha(data) == 0) {
                    continue;
                }
                int rgb = cm.getRGB(data);
                c.add(rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF);
            }
        }
        return c;
    }

    /** Counts the first {@code rows} rows of raw 8-bit JPEG components. */
    static ChromaCounter ofRaw(Raster r, int rows, RawSpace space) {
        ChromaCounter c = new ChromaCounter();
        int w = r.getWidth();
        int h = Math.min(rows, r.getHeight());
        int bands = r.getNumBands();
        int[] row = new int[w * bands];
        for (int y = 0; y < h; y++) {
            r.getPixels(r.getMinX(), r.getMinY() + y, w, 1, row);
            for (int x = 0, p = 0; x < w; x++, p += bands) {
                switch (space) {
                    case GRAY -> c.addGrey();
                    case RGB -> c.add(row[p], row[p + 1], row[p + 2]);
                    case YCC -> c.addYcc(row[p], row[p + 1], row[p + 2], 255);
                    case YCCK -> c.addYcc(row[p], row[p + 1], row[p + 2], row[p + 3]); // Adobe: K stored inverted
                    case CMYK_INVERTED -> { // Adobe: stored value = 255 - ink
                        int k = row[p + 3];
                        c.add(row[p] * k / 255, row[p + 1] * k / 255, row[p + 2] * k / 255);
                    }
                    case CMYK -> {
                        int k = 255 - row[p + 3];
                        c.add((255 - row[p]) * k / 255, (255 - row[p + 1]) * k / 255, (255 - row[p + 2]) * k / 255);
                    }
                    default -> throw new IllegalStateException(space.name());
                }
            }
        }
        return c;
    }

    private void addYcc(int y, int cb, int cr, int kScale) {
        double r = y + 1.402 * (cr - 128);
        double g = y - 0.344136 * (cb - 128) - 0.714136 * (cr - 128);
        double b = y + 1.772 * (cb - 128);
        add((int) Math.round(r * kScale / 255), (int) Math.round(g * kScale / 255), (int) Math.round(b * kScale / 255));
    }

    private static int to8(int v, int bits) {
        if (bits == 8) {
            return v;
        }
        if (bits > 8) {
            return v >>> (bits - 8);
        }
        return bits <= 0 ? v : v * 255 / ((1 << bits) - 1);
    }
}
