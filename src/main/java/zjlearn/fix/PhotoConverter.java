package zjlearn.fix;

import zjlearn.i18n.Msg;
import zjlearn.rules.FileType;
import zjlearn.rules.Rules;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Decodes a photo with Java's ImageIO (JPEG, PNG, BMP, TIFF built in; WebP through TwelveMonkeys' plug-in; no
 * HEIC decoder exists for Java), turns it upright by its EXIF orientation, crops an ID photo to the rules' shape
 * around its centre when that keeps enough of it, and writes it as JPEG (a PNG that only needed turning stays
 * PNG). Pictures beyond {@link #MAX_PIXELS} are not decoded (memory).
 */
public final class PhotoConverter {
    /** 100 megapixels: about 400 MB as 32-bit pixels, the most one conversion may take. */
    static final long MAX_PIXELS = 100_000_000L;
    private final double quality;

    /** @param quality JPEG quality 0–1 (rules.yaml {@code images.convert.jpegQuality}) */
    public PhotoConverter(double quality) {
        this.quality = quality;
    }

    public static PhotoConverter of(Rules rules) {
        Rules.PhotoConvert c = rules.images() == null ? null : rules.images().convert();
        return new PhotoConverter(c == null || c.jpegQuality() == null ? 0.92 : c.jpegQuality());
    }

    /** Whether an ImageIO reader for this type is installed. */
    public boolean canRead(FileType type) {
        return ImageIO.getImageReadersByFormatName(formatName(type)).hasNext();
    }

    private static String formatName(FileType type) {
        return switch (type) {
            case HEIC -> "heif";
            case TIFF -> "tiff";
            default -> type.id();
        };
    }

    /** What a conversion did, for the change list. */
    public record Done(List<Msg> steps, List<Msg> notes) {
    }

    /** Converts {@code in} into {@code out} (a new file) as the job says. */
    public Done convert(Plan.PhotoJob job, InputStream in, Path out) throws IOException {
        List<Msg> steps = new ArrayList<>();
        List<Msg> notes = new ArrayList<>();
        BufferedImage image = read(in, job.from());
        if (job.toJpeg()) {
            steps.add(Msg.key("fix.photo.to-jpeg", Msg.key(job.from().labelKey())));
        }
        if (job.orientation() > 1) {
            image = upright(image, job.orientation());
            steps.add(Msg.key("fix.photo.upright", String.valueOf(job.orientation())));
        }
        if (job.idPhoto() != null) {
            image = crop(image, job.idPhoto(), steps, notes);
        }
        boolean png = !job.toJpeg() && job.from() == FileType.PNG;
        write(image, png, out);
        return new Done(steps, notes);
    }

    private BufferedImage read(InputStream in, FileType type) throws IOException {
        try (ImageInputStream stream = ImageIO.createImageInputStream(in)) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(stream);
            if (!readers.hasNext()) {
                throw new IOException("no decoder for " + type.id());
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(stream, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw new IOException("too many pixels: " + reader.getWidth(0) + "×" + reader.getHeight(0));
                }
                return rgb(reader.read(0));
            } finally {
                reader.dispose();
            }
        }
    }

    /** The picture as 8-bit RGB without alpha (transparent parts on white, as a print shows them). */
    static BufferedImage rgb(BufferedImage src) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, src.getWidth(), src.getHeight());
        g.drawImage(src, 0, 0, null);
        g.dispose();
        return out;
    }

    /** The picture as a viewer shows it for EXIF orientation 1–8 (TIFF 6.0's meanings of the tag). */
    static BufferedImage upright(BufferedImage src, int orientation) {
        int w = src.getWidth();
        int h = src.getHeight();
        boolean swap = orientation >= 5;
        int ow = swap ? h : w;
        int oh = swap ? w : h;
        int[] in = ((DataBufferInt) src.getRaster().getDataBuffer()).getData();
        BufferedImage out = new BufferedImage(ow, oh, BufferedImage.TYPE_INT_RGB);
        int[] px = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < oh; y++) {
            for (int x = 0; x < ow; x++) {
                int sx;
                int sy;
                switch (orientation) {
                    case 2 -> { sx = w - 1 - x; sy = y; }
                    case 3 -> { sx = w - 1 - x; sy = h - 1 - y; }
                    case 4 -> { sx = x; sy = h - 1 - y; }
                    case 5 -> { sx = y; sy = x; }
                    case 6 -> { sx = y; sy = h - 1 - x; }
                    case 7 -> { sx = w - 1 - y; sy = h - 1 - x; }
                    case 8 -> { sx = w - 1 - y; sy = x; }
                    default -> { sx = x; sy = y; }
                }
                px[y * ow + x] = in[sy * w + sx];
            }
        }
        return out;
    }

    /**
     * Crops to the first ID-photo size's proportions around the centre and scales down to its pixels at the rules'
     * dpi, unless the proportions already fit one of the sizes, it is clearly no ID photo, or too little would be
     * kept (then says so and leaves it).
     */
    private static BufferedImage crop(BufferedImage image, Rules.IdPhoto id, List<Msg> steps, List<Msg> notes) {
        int w = image.getWidth();
        int h = image.getHeight();
        double aspect = (double) w / h;
        boolean fits = id.sizesMm().stream().anyMatch(mm -> Math.abs(aspect / (mm.width() / mm.height()) - 1) <= id.aspectTolerance());
        if (fits || id.clearlyNot() != null && aspect > id.clearlyNot().maxAspect()) {
            return image;
        }
        double kept = Planner.kept(w, h, id);
        if (kept < id.crop().minKept()) {
            notes.add(Msg.key("fix.photo.crop-too-little",
                    id.sizeName(), Planner.percent(kept), Planner.percent(id.crop().minKept())));
            return image;
        }
        Rules.SizeMm size = id.sizesMm().get(0);
        double want = size.width() / size.height();
        int cw = aspect > want ? (int) Math.round(h * want) : w;
        int ch = aspect > want ? h : (int) Math.round(w / want);
        BufferedImage cropped = image.getSubimage((w - cw) / 2, (h - ch) / 2, cw, ch);
        int tw = (int) Math.round(size.width() / 25.4 * id.minDpi());
        int th = (int) Math.round(size.height() / 25.4 * id.minDpi());
        steps.add(Msg.key("fix.photo.cropped",
                id.sizeName(), fmt(size.width()), fmt(size.height()), Planner.percent(kept)));
        if (cw > tw && ch > th) {
            BufferedImage scaled = new BufferedImage(tw, th, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = scaled.createGraphics();
            g.drawImage(cropped.getScaledInstance(tw, th, Image.SCALE_AREA_AVERAGING), 0, 0, null);
            g.dispose();
            steps.add(Msg.key("fix.photo.scaled",
                    String.valueOf(tw), String.valueOf(th), String.valueOf(id.minDpi())));
            return scaled;
        }
        return rgb(cropped);
    }

    private void write(BufferedImage image, boolean png, Path out) throws IOException {
        try (OutputStream os = Files.newOutputStream(out); ImageOutputStream ios = ImageIO.createImageOutputStream(os)) {
            ImageWriter writer = ImageIO.getImageWritersByFormatName(png ? "png" : "jpeg").next();
            try {
                writer.setOutput(ios);
                ImageWriteParam param = writer.getDefaultWriteParam();
                if (!png) {
                    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                    param.setCompressionQuality((float) quality);
                }
                writer.write(null, new IIOImage(image, null, null), param);
            } finally {
                writer.dispose();
            }
        }
    }

    private static String fmt(double mm) {
        return mm == Math.rint(mm) ? String.valueOf((long) mm) : String.valueOf(mm);
    }
}
