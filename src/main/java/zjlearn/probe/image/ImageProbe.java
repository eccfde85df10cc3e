package zjlearn.probe.image;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Objects;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import zjlearn.rules.FileType;
import zjlearn.probe.OpenedFile;
import zjlearn.probe.ProbeException;

/**
 * Reads the facts a nomination photo is checked against: size, EXIF orientation, colour or grayscale,
 * resolution. Only JPEG and PNG are read.
 *
 * <h2>Size, orientation, resolution</h2>
 * Taken from the headers without decoding pixels: the JPEG frame header (SOFn) or PNG IHDR; EXIF
 * orientation (tag 0x0112 in IFD0 of a JPEG APP1 "Exif" segment, or of a PNG eXIf chunk), both TIFF byte
 * orders; resolution from the JPEG JFIF APP0 density when it has a unit, else EXIF XResolution /
 * YResolution / ResolutionUnit, or the PNG pHYs chunk (unit metre). Orientations 5–8 (rotated by 90°)
 * swap the displayed width and height.
 *
 * <h2>Colour or grayscale</h2>
 * <ol>
 *   <li>A layout that cannot hold colour is grayscale without decoding: a one-component JPEG, PNG colour
 *       type 0 or 4, a PNG palette whose entries are all grey.</li>
 *   <li>Otherwise the image is decoded with source subsampling so that at most about
 *       {@value #SAMPLE_EDGE}×{@value #SAMPLE_EDGE} pixels are produced, whatever the stored size. A pixel
 *       is <em>chromatic</em> when {@code max(|r−g|, |g−b|, |r−b|) > 24} on the 8-bit scale; the image is
 *       <b>colour when at least 1 % of its sampled non-transparent pixels are chromatic</b>. So a colour
 *       photo converted to grey but stored as RGB counts as grayscale (its channels are equal up to
 *       rounding), and a mostly-white ID photo with a coloured face or background counts as colour.
 *       Faintly toned (e.g. sepia) photos can fall either way.</li>
 *   <li>When decoding fails part-way (truncated or corrupt data), the rows decoded so far decide; for a
 *       sequential JPEG that libjpeg pads with grey after a "premature end" warning, only the rows decoded
 *       before the warning count. When ImageIO will not turn a JPEG into an RGB/CMYK image (unsupported
 *       colour space or ICC profile) its raw components are read without conversion instead. When
 *       nothing can be decoded, or decoding is skipped because the image is too big (over
 *       {@value #MAX_DECODE_PIXELS} pixels, or a progressive JPEG whose whole-image coefficient buffer
 *       would exceed {@value #MAX_COEFFICIENT_BYTES} bytes of native memory), the header decides: a layout
 *       with more than one colour component counts as colour.</li>
 *   <li>Decoding stops after {@value #DECODE_BUDGET_MILLIS} ms; the rows decoded by then decide. Of a
 *       progressive JPEG whose first scan holds the DC coefficients of every component, only that first
 *       scan is rendered (1/8 scale is plenty for a {@value #SAMPLE_EDGE}-pixel sample).</li>
 * </ol>
 *
 * <h2>Failures</h2>
 * A 0-byte file is {@link ProbeException.Kind#EMPTY}. A file whose header gives no size, or that has no
 * pixel data behind its header, is {@link ProbeException.Kind#UNREADABLE}, as is anything that throws
 * (including {@link OutOfMemoryError}). The file is read through one buffered {@link ImageInputStream}
 * over a {@link java.nio.channels.FileChannel}, never loaded whole into memory.
 */
public final class ImageProbe {
    /** Decoded rasters are at most about this many pixels along each side. */
    static final int SAMPLE_EDGE = 256;
    /** Above this stored pixel count the decode is skipped and the header decides colour. */
    static final long MAX_DECODE_PIXELS = 400_000_000L;
    /**
     * Progressive JPEGs make libjpeg allocate (and zero) native coefficient memory for the whole image,
     * whatever the subsampling: about 3 bytes per pixel for 4:2:0. 160 MiB admits a 48-megapixel photo.
     */
    static final long MAX_COEFFICIENT_BYTES = 160L << 20;
    /** JPEGs up to this size are walked to their end marker (every byte read once more, without decoding). */
    static final long MAX_WALK_BYTES = 200L << 20;
    /** Wall-clock budget for the subsampled decode. */
    static final long DECODE_BUDGET_MILLIS = 1500;

    private ImageProbe() {
    }

    /**
     * Probes a JPEG or PNG file.
     *
     * @param file the file
     * @param type its real type as detected from its content; only {@link FileType#JPEG} and
     *             {@link FileType#PNG} are read
     * @throws ProbeException {@code EMPTY} for a 0-byte file, {@code UNREADABLE} for another type or a file
     *                        that cannot be read as the given type
     */
    public static ImageFacts probe(Path file, FileType type) throws ProbeException {
        Objects.requireNonNull(file, "file");
        try (OpenedFile opened = OpenedFile.open(file)) {
            return probe(opened, type);
        } catch (NoSuchFileException e) {
            throw new ProbeException(ProbeException.Kind.UNREADABLE, "file not found", e);
        } catch (IOException e) {
            throw new ProbeException(ProbeException.Kind.UNREADABLE, "I/O error: " + describe(e), e);
        }
    }

    /** Probes a JPEG or PNG file already opened (by the type sniffer): its header is not read again. */
    public static ImageFacts probe(OpenedFile file, FileType type) throws ProbeException {
        if (type == FileType.EMPTY) {
            throw new ProbeException(ProbeException.Kind.EMPTY, "empty file (0 bytes)");
        }
        if (type != FileType.JPEG && type != FileType.PNG) {
            throw new ProbeException(ProbeException.Kind.UNREADABLE, "not a JPEG/PNG");
        }
        try {
            return read(file, type);
        } catch (ProbeException e) {
            throw e;
        } catch (NoSuchFileException e) {
            throw new ProbeException(ProbeException.Kind.UNREADABLE, "file not found", e);
        } catch (IOException e) {
            throw new ProbeException(ProbeException.Kind.UNREADABLE, "I/O error: " + describe(e), e);
        } catch (OutOfMemoryError e) {
            throw new ProbeException(ProbeException.Kind.UNREADABLE, "out of memory while reading the image", e);
        } catch (StackOverflowError e) {
            throw new ProbeException(ProbeException.Kind.UNREADABLE, "stack overflow while reading the image", e);
        } catch (Throwable e) {
            throw new ProbeException(ProbeException.Kind.UNREADABLE, "cannot read image: " + describe(e), e);
        }
    }

    private static ImageFacts read(OpenedFile file, FileType type) throws IOException, ProbeException {
        try (ChannelImageInputStream iis = new ChannelImageInputStream(file)) {
            long length = iis.length();
            if (length == 0) {
                throw new ProbeException(ProbeException.Kind.EMPTY, "empty file (0 bytes)");
            }
            ByteSource src = new ByteSource(iis, length);
            ImageHeader h = type == FileType.JPEG ? ImageHeader.readJpeg(src) : ImageHeader.readPng(src);
            if (!h.imageData) {
                throw new ProbeException(ProbeException.Kind.UNREADABLE,
                        (type == FileType.JPEG ? "JPEG" : "PNG") + " has no image data after its header (truncated?)");
            }
            Decoded decoded = decodeForColour(iis, h);
            ImageFacts.Damage damage = decoded.damage();
            String detail = decoded.detail();
            if (damage == ImageFacts.Damage.NONE && decoded.complete() && type == FileType.PNG && !endsWithIend(iis, length)) {
                damage = ImageFacts.Damage.MISSING_END;
                detail = "PNG ends without its IEND chunk";
            }
            if (type == FileType.JPEG && decoded.decodeTried() && damage != ImageFacts.Damage.TRUNCATED
                    && damage != ImageFacts.Damage.CORRUPT && length <= MAX_WALK_BYTES && !endsWithEoi(iis, length)) {
                switch (JpegEnd.walk(iis)) {
                    case NO_END_SCANS_INCOMPLETE -> {
                        damage = ImageFacts.Damage.TRUNCATED;
                        detail = "JPEG ends before its scans cover the image (no EOI)";
                    }
                    case NO_END_SCANS_COMPLETE -> {
                        damage = ImageFacts.Damage.MISSING_END;
                        detail = "JPEG ends without its end marker (EOI)";
                    }
                    default -> { }
                }
            }
            return ImageFacts.of(h.format, h.width, h.height, h.orientation, decoded.colour(), h.dpiX, h.dpiY)
                    .withThumbnail(decoded.image() == null ? null : Thumbnails.jpeg(decoded.image(), h.orientation, h.width, h.height))
                    .withCamera(h.camera)
                    .withDamage(damage, detail);
        }
    }

    /**
     * Whether a JPEG's last two bytes are its end marker (EOI), as nearly every intact photo's are; only
     * the others (data after EOI such as a motion photo's video, or a file cut short) are walked.
     */
    private static boolean endsWithEoi(ImageInputStream iis, long length) throws IOException {
        if (length < 4) {
            return false;
        }
        iis.seek(length - 2);
        return iis.read() == 0xFF && iis.read() == 0xD9;
    }

    /** Whether a PNG's last 12 bytes are its IEND chunk (length 0, "IEND", CRC AE 42 60 82). */
    private static boolean endsWithIend(ImageInputStream iis, long length) throws IOException {
        if (length < 12) {
            return false;
        }
        byte[] tail = new byte[12];
        iis.seek(length - 12);
        iis.readFully(tail);
        byte[] iend = {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82};
        return java.util.Arrays.equals(tail, iend);
    }

    /**
     * The colour verdict; when pixels were decoded, the small subsampled image (reused for a thumbnail); whether
     * every row decoded; and the damage decoding met.
     */
    private record Decoded(boolean colour, BufferedImage image, boolean complete, ImageFacts.Damage damage, String detail,
                           boolean decodeTried) {
        Decoded(boolean colour, BufferedImage image) {
            this(colour, image, image != null, ImageFacts.Damage.NONE, null, false);
        }
    }

    /** What one decode attempt met, filled in as it goes. */
    private static final class Outcome {
        BufferedImage image;
        /** The time budget ran out: the decode says nothing about damage. */
        boolean aborted;
        ImageFacts.Damage damage = ImageFacts.Damage.NONE;
        String detail;

        void damage(ImageFacts.Damage d, String why) {
            if (damage == ImageFacts.Damage.NONE) {
                damage = d;
                detail = why;
            }
        }
    }

    private static Decoded decodeForColour(ImageInputStream iis, ImageHeader h) throws IOException {
        boolean fromHeader = h.colourFromHeader();
        long pixels = (long) h.width * h.height;
        if (pixels > MAX_DECODE_PIXELS || (h.multiScan && h.coefficientBytes > MAX_COEFFICIENT_BYTES)) {
            return new Decoded(fromHeader, null);
        }
        Outcome outcome = new Outcome();
        ChromaCounter c = decode(iis, h, outcome);
        // No chroma components at all means grayscale whatever the pixels say.
        return new Decoded(fromHeader && (c != null ? c.isColour() : fromHeader), outcome.image, outcome.image != null,
                outcome.damage, outcome.detail, !outcome.aborted);
    }

    /**
     * Subsampled decode; null when no pixel could be decoded. The decoded image and the damage met go to
     * {@code outcome}: data that ends before the last row is {@code TRUNCATED}; a complete picture whose JPEG
     * decoder still ran out of data (no EOI) is {@code MISSING_END}; a decoder error other than an unsupported
     * feature is {@code CORRUPT}. A decode stopped by the time budget says nothing.
     */
    private static ChromaCounter decode(ImageInputStream iis, ImageHeader h, Outcome outcome) throws IOException {
        long deadline = System.nanoTime() + DECODE_BUDGET_MILLIS * 1_000_000L;
        ImageReader reader = newReader(iis, h.format);
        if (reader == null) {
            return null;
        }
        DecodeWatch watch = new DecodeWatch(deadline, h);
        try {
            BufferedImage img = reader.read(0, param(reader, h, watch));
            int rows = watch.rows(img.getHeight());
            if (rows == img.getHeight()) {
                outcome.image = img;
            }
            outcome.aborted = watch.aborted;
            if (watch.prematureEnd && !watch.aborted) {
                outcome.damage(rows < img.getHeight() || h.multiScan ? ImageFacts.Damage.TRUNCATED : ImageFacts.Damage.MISSING_END,
                        watch.endWarning);
            }
            return rows > 0 ? ChromaCounter.of(img, rows) : null;
        } catch (Exception e) {
            outcome.aborted = watch.aborted;
            if (!watch.aborted) {
                outcome.damage(kind(e), describe(e));
            }
            if (watch.image != null && watch.rows(0) > 0) {
                return ChromaCounter.of(watch.image, watch.rows(0));
            }
            if (!"jpeg".equals(h.format) || System.nanoTime() > deadline) {
                return null;
            }
        } finally {
            reader.dispose();
        }

        // A JPEG that ImageIO will not convert to a BufferedImage (odd colour space or ICC profile):
        // decode its raw components without colour conversion.
        ChromaCounter.RawSpace space = rawSpace(h);
        reader = space == null ? null : newReader(iis, h.format);
        if (reader == null) {
            return null;
        }
        watch = new DecodeWatch(deadline, h);
        try {
            Raster r = reader.readRaster(0, param(reader, h, watch));
            if (r.getNumBands() != h.components) {
                return null;
            }
            int rows = watch.rows(r.getHeight());
            return rows > 0 ? ChromaCounter.ofRaw(r, rows, space) : null;
        } catch (Exception e) {
            return null;
        } finally {
            reader.dispose();
        }
    }

    /**
     * What a decoder exception says about the file: running out of data is truncation, an unsupported
     * feature (arithmetic coding, an odd colour space) says nothing about the file, anything else is corruption.
     */
    private static ImageFacts.Damage kind(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (t instanceof java.io.EOFException || m.contains("premature end") || m.contains("unexpected end")
                    || m.contains("end of file") || m.contains("eof")) {
                return ImageFacts.Damage.TRUNCATED;
            }
            if (m.contains("unsupported")) {
                return ImageFacts.Damage.NONE;
            }
        }
        return ImageFacts.Damage.CORRUPT;
    }

    private static ImageReadParam param(ImageReader reader, ImageHeader h, DecodeWatch watch) {
        ImageReadParam p = reader.getDefaultReadParam();
        int sx = (int) Math.max(1, ((long) h.width + SAMPLE_EDGE - 1) / SAMPLE_EDGE);
        int sy = (int) Math.max(1, ((long) h.height + SAMPLE_EDGE - 1) / SAMPLE_EDGE);
        p.setSourceSubsampling(sx, sy, 0, 0);
        if (h.multiScan && h.firstScanHasAllDc) {
            // ImageIO renders every progressive scan in turn; the first (DC of all components) already
            // shows the colours at 1/8 scale, more than the subsampled raster needs.
            p.setSourceProgressivePasses(0, 1);
        }
        reader.addIIOReadProgressListener(watch);
        reader.addIIOReadUpdateListener(watch);
        reader.addIIOReadWarningListener(watch);
        return p;
    }

    private static ChromaCounter.RawSpace rawSpace(ImageHeader h) {
        return switch (h.components) {
            case 1 -> ChromaCounter.RawSpace.GRAY;
            case 3 -> h.adobeTransform == 0 ? ChromaCounter.RawSpace.RGB : ChromaCounter.RawSpace.YCC;
            case 4 -> h.adobeTransform == 2 ? ChromaCounter.RawSpace.YCCK
                    : h.adobeTransform >= 0 ? ChromaCounter.RawSpace.CMYK_INVERTED : ChromaCounter.RawSpace.CMYK;
            default -> null;
        };
    }

    private static ImageReader newReader(ImageInputStream iis, String format) throws IOException {
        Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName(format);
        if (!it.hasNext()) {
            return null;
        }
        ImageReader reader = it.next();
        iis.seek(0);
        reader.setInput(iis, false, true);
        return reader;
    }

    /** Rounds to 0.01 and rejects values no real scan or camera writes. */
    static Double plausibleDpi(double dpi) {
        if (!(dpi > 0) || dpi > 100_000) {
            return null;
        }
        return Math.round(dpi * 100) / 100.0;
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        String s = e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
        return s.length() > 200 ? s.substring(0, 200) : s;
    }
}
