package zjlearn.probe.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Builds test images in code: pictures, encoded files, hand-made EXIF/JFIF/PNG chunks. */
public final class ImageFixtures {
    private ImageFixtures() {
    }

    // ------------------------------------------------------------------ pictures

    /** A smooth colour gradient: every region is clearly chromatic. */
    public static BufferedImage colourPhoto(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = 40 + x * 200 / Math.max(1, w - 1);
                int g = 40 + y * 200 / Math.max(1, h - 1);
                int b = 200 - (x + y) * 150 / Math.max(1, w + h - 2);
                img.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        return img;
    }

    /** A grey picture (shading plus a few shapes) in the given image type, e.g. RGB or BYTE_GRAY. */
    static BufferedImage greyPhoto(int w, int h, int imageType) {
        BufferedImage img = new BufferedImage(w, h, imageType);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = 20 + (x * 110 / Math.max(1, w - 1)) + (y * 110 / Math.max(1, h - 1));
                img.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        Graphics2D g = img.createGraphics();
        g.setColor(Color.DARK_GRAY);
        g.fillOval(w / 4, h / 4, w / 2, h / 2);
        g.setColor(Color.WHITE);
        g.fillRect(w / 3, h / 3, w / 6, h / 6);
        g.dispose();
        return img;
    }

    /** The colour gradient converted to grey luminance but stored as RGB. */
    public static BufferedImage colourPhotoMadeGrey(int w, int h) {
        BufferedImage src = colourPhoto(w, h);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int c = src.getRGB(x, y);
                int v = (int) Math.round(0.299 * (c >> 16 & 0xFF) + 0.587 * (c >> 8 & 0xFF) + 0.114 * (c & 0xFF));
                img.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        return img;
    }

    /** A white picture with one coloured rectangle covering {@code percent} % of it (an ID photo's face). */
    static BufferedImage whiteWithColouredBlock(int w, int h, int percent) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        double side = Math.sqrt(percent / 100.0);
        int bw = (int) Math.round(w * side);
        int bh = (int) Math.round(h * side);
        g.setColor(new Color(224, 172, 140)); // skin tone: chroma 84
        g.fillRect((w - bw) / 2, (h - bh) / 2, bw, bh);
        g.dispose();
        return img;
    }

    static BufferedImage palette(int w, int h, boolean grey) {
        byte[] r = new byte[4];
        byte[] gg = new byte[4];
        byte[] b = new byte[4];
        int[][] colours = grey
                ? new int[][] {{0, 0, 0}, {85, 85, 85}, {170, 170, 170}, {255, 255, 255}}
                : new int[][] {{255, 0, 0}, {0, 160, 0}, {0, 0, 255}, {255, 255, 255}};
        for (int i = 0; i < 4; i++) {
            r[i] = (byte) colours[i][0];
            gg[i] = (byte) colours[i][1];
            b[i] = (byte) colours[i][2];
        }
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED,
                new IndexColorModel(2, 4, r, gg, b));
        WritableRaster ras = img.getRaster();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                ras.setSample(x, y, 0, (x / 8 + y / 8) % 4);
            }
        }
        return img;
    }

    // ------------------------------------------------------------------ encoders

    static byte[] encode(BufferedImage img, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(img, format, out)) {
                throw new IllegalStateException("no writer for " + format + " / " + img.getType());
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] jpeg(BufferedImage img) {
        return encode(img, "jpeg");
    }

    static byte[] png(BufferedImage img) {
        return encode(img, "png");
    }

    static byte[] progressiveJpeg(BufferedImage img) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam p = writer.getDefaultWriteParam();
        p.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        return write(writer, new IIOImage(img, null, null), p);
    }

    /**
     * A CMYK JPEG the way Photoshop writes one: an Adobe APP14 segment (transform 0) and every channel
     * stored inverted (255 - ink). {@code inks} holds C, M, Y, K ink amounts 0–255.
     */
    static byte[] adobeCmykJpeg(Raster inks) {
        WritableRaster stored = inks.createCompatibleWritableRaster();
        int[] px = new int[4];
        for (int y = 0; y < inks.getHeight(); y++) {
            for (int x = 0; x < inks.getWidth(); x++) {
                inks.getPixel(x, y, px);
                for (int i = 0; i < 4; i++) {
                    px[i] = 255 - px[i];
                }
                stored.setPixel(x, y, px);
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        byte[] jpeg = write(writer, new IIOImage(stored, null, null), writer.getDefaultWriteParam());
        byte[] app14 = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0};
        return insert(jpeg, 2, app14);
    }

    private static byte[] write(ImageWriter writer, IIOImage image, ImageWriteParam p) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(ios);
                writer.write(null, image, p);
            } finally {
                writer.dispose();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ JPEG surgery

    /** Offset just after SOI and, when present, the JFIF APP0 segment. */
    static int afterSoiAndApp0(byte[] jpeg) {
        int p = 2;
        if ((jpeg[p] & 0xFF) == 0xFF && (jpeg[p + 1] & 0xFF) == 0xE0) {
            p += 2 + u16(jpeg, p + 2);
        }
        return p;
    }

    static byte[] insert(byte[] data, int at, byte[] piece) {
        byte[] out = new byte[data.length + piece.length];
        System.arraycopy(data, 0, out, 0, at);
        System.arraycopy(piece, 0, out, at, piece.length);
        System.arraycopy(data, at, out, at + piece.length, data.length - at);
        return out;
    }

    /** Splices an APP1 "Exif" segment holding {@code tiff} after SOI/APP0. */
    public static byte[] withExif(byte[] jpeg, byte[] tiff) {
        byte[] sig = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
        int len = 2 + sig.length + tiff.length;
        ByteBuffer seg = ByteBuffer.allocate(2 + len);
        seg.put((byte) 0xFF).put((byte) 0xE1).putShort((short) len).put(sig).put(tiff);
        return insert(jpeg, afterSoiAndApp0(jpeg), seg.array());
    }

    /**
     * A TIFF block with IFD0 holding Orientation and, when {@code xRes} is given, XResolution,
     * YResolution (rationals stored after the IFD) and ResolutionUnit.
     */
    public static byte[] exifTiff(boolean littleEndian, int orientation, Integer xRes, int unit) {
        ByteBuffer b = ByteBuffer.allocate(256).order(littleEndian ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        b.put(littleEndian ? (byte) 'I' : (byte) 'M').put(littleEndian ? (byte) 'I' : (byte) 'M');
        b.putShort((short) 42).putInt(8);
        int entries = xRes == null ? 1 : 4;
        int dataAt = 8 + 2 + entries * 12 + 4;
        b.putShort((short) entries);
        b.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        if (xRes != null) {
            b.putShort((short) 0x011A).putShort((short) 5).putInt(1).putInt(dataAt);
            b.putShort((short) 0x011B).putShort((short) 5).putInt(1).putInt(dataAt + 8);
            b.putShort((short) 0x0128).putShort((short) 3).putInt(1).putShort((short) unit).putShort((short) 0);
        }
        b.putInt(0); // no next IFD
        if (xRes != null) {
            b.putInt(xRes).putInt(1).putInt(xRes * 2).putInt(2);
        }
        return Arrays.copyOf(b.array(), b.position());
    }

    /** Sets the JFIF APP0 density (units 1 = dpi, 2 = dots/cm) of an ImageIO-written JPEG. */
    static byte[] withJfifDensity(byte[] jpeg, int units, int x, int y) {
        byte[] out = jpeg.clone();
        if ((out[2] & 0xFF) != 0xFF || (out[3] & 0xFF) != 0xE0 || out[6] != 'J') {
            throw new IllegalStateException("no JFIF APP0");
        }
        out[13] = (byte) units;
        out[14] = (byte) (x >> 8);
        out[15] = (byte) x;
        out[16] = (byte) (y >> 8);
        out[17] = (byte) y;
        return out;
    }

    /** Rewrites the size in the first SOFn frame header. */
    static byte[] withSofSize(byte[] jpeg, int w, int h) {
        byte[] out = jpeg.clone();
        int p = 2;
        while (p + 4 < out.length) {
            int m = out[p + 1] & 0xFF;
            int len = u16(out, p + 2);
            if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) {
                out[p + 5] = (byte) (h >> 8);
                out[p + 6] = (byte) h;
                out[p + 7] = (byte) (w >> 8);
                out[p + 8] = (byte) w;
                return out;
            }
            p += 2 + len;
        }
        throw new IllegalStateException("no SOF");
    }

    /** Offset of the first SOS marker. */
    static int sosOffset(byte[] jpeg) {
        int p = 2;
        while (p + 4 < jpeg.length) {
            if ((jpeg[p + 1] & 0xFF) == 0xDA) {
                return p;
            }
            p += 2 + u16(jpeg, p + 2);
        }
        throw new IllegalStateException("no SOS");
    }

    // ------------------------------------------------------------------ PNG surgery

    static byte[] chunk(String type, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(12 + data.length);
        byte[] t = type.getBytes(StandardCharsets.ISO_8859_1);
        b.putInt(data.length).put(t).put(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        b.putInt((int) crc.getValue());
        return b.array();
    }

    /** Inserts a chunk right after IHDR (signature 8 + IHDR chunk 25 bytes). */
    static byte[] withChunkAfterIhdr(byte[] png, String type, byte[] data) {
        return insert(png, 33, chunk(type, data));
    }

    static byte[] pHYs(long ppuX, long ppuY, int unit) {
        return ByteBuffer.allocate(9).putInt((int) ppuX).putInt((int) ppuY).put((byte) unit).array();
    }

    /** A PNG written by hand: IHDR with any size, one IDAT holding {@code rawRows} deflated, IEND. */
    static byte[] handPng(int w, int h, int colourType, byte[] rawRows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(w).putInt(h)
                .put((byte) 8).put((byte) colourType).put((byte) 0).put((byte) 0).put((byte) 0);
        out.writeBytes(chunk("IHDR", ihdr.array()));
        Deflater d = new Deflater();
        d.setInput(rawRows);
        d.finish();
        byte[] buf = new byte[rawRows.length + 64];
        int n = d.deflate(buf);
        d.end();
        out.writeBytes(chunk("IDAT", Arrays.copyOf(buf, n)));
        out.writeBytes(chunk("IEND", new byte[0]));
        return out.toByteArray();
    }

    private static int u16(byte[] b, int p) {
        return (b[p] & 0xFF) << 8 | (b[p + 1] & 0xFF);
    }
}
