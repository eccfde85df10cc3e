package zjlearn.probe.image;

import java.awt.image.BufferedImage;
import java.util.Locale;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadProgressListener;
import javax.imageio.event.IIOReadUpdateListener;
import javax.imageio.event.IIOReadWarningListener;

/**
 * Listens to one ImageIO decode of {@link ImageProbe}: remembers the image being filled and how far it got,
 * notes where a single-scan JPEG ran out of data (libjpeg fills the rest with grey, which must not dilute the
 * count), and aborts past the deadline. ImageIO's three listener interfaces take sixteen methods, most of them
 * empty: kept apart so that the probe reads as what it decides.
 */
final class DecodeWatch
        implements IIOReadProgressListener, IIOReadUpdateListener, IIOReadWarningListener {
    private final long deadline;
    private final boolean singleScanJpeg;
    BufferedImage image;
    int maxRow = -1;
    /** Rows decoded from real data before a "premature end" warning; -1 when none came. */
    int rowsBeforeEnd = -1;
    /** The decoder ran out of data (libjpeg's "Premature end of JPEG file"), and its words. */
    boolean prematureEnd;
    String endWarning;
    boolean aborted;

    DecodeWatch(long deadline, ImageHeader h) {
        this.deadline = deadline;
        this.singleScanJpeg = "jpeg".equals(h.format) && !h.multiScan;
    }

    /** Rows worth counting: all {@code complete} rows of a finished read, else those seen decoded. */
    int rows(int complete) {
        int rows = aborted || complete <= 0 ? maxRow + 1 : complete;
        return rowsBeforeEnd >= 0 ? Math.min(rows, Math.max(rowsBeforeEnd, 1)) : rows;
    }

    @Override
    public void warningOccurred(ImageReader source, String warning) {
        if (warning != null && warning.toLowerCase(Locale.ROOT).contains("premature end") && !prematureEnd) {
            prematureEnd = true;
            endWarning = warning;
        }
        if (singleScanJpeg && rowsBeforeEnd < 0 && warning != null
                && warning.toLowerCase(Locale.ROOT).contains("premature end")) {
            rowsBeforeEnd = maxRow + 1;
        }
    }

    private void check(ImageReader source) {
        if (!aborted && System.nanoTime() > deadline) {
            aborted = true;
            source.abort();
        }
    }

    @Override
    public void imageUpdate(ImageReader source, BufferedImage theImage, int minX, int minY,
                            int width, int height, int periodX, int periodY, int[] bands) {
        if (theImage != null) {
            image = theImage;
        }
        if (height > 0) {
            maxRow = Math.max(maxRow, minY + (height - 1) * Math.max(1, periodY));
        }
        check(source);
    }

    @Override
    public void passStarted(ImageReader source, BufferedImage theImage, int pass, int minPass, int maxPass,
                            int minX, int minY, int periodX, int periodY, int[] bands) {
        if (theImage != null) {
            image = theImage;
        }
        check(source);
    }

    @Override
    public void imageProgress(ImageReader source, float percentageDone) {
        check(source);
    }

    @Override
    public void readAborted(ImageReader source) {
        aborted = true;
    }

    @Override
    public void passComplete(ImageReader source, BufferedImage theImage) {
    }

    @Override
    public void thumbnailPassStarted(ImageReader source, BufferedImage theThumbnail, int pass, int minPass,
                                     int maxPass, int minX, int minY, int periodX, int periodY, int[] bands) {
    }

    @Override
    public void thumbnailUpdate(ImageReader source, BufferedImage theThumbnail, int minX, int minY,
                                int width, int height, int periodX, int periodY, int[] bands) {
    }

    @Override
    public void thumbnailPassComplete(ImageReader source, BufferedImage theThumbnail) {
    }

    @Override
    public void sequenceStarted(ImageReader source, int minIndex) {
    }

    @Override
    public void sequenceComplete(ImageReader source) {
    }

    @Override
    public void imageStarted(ImageReader source, int imageIndex) {
    }

    @Override
    public void imageComplete(ImageReader source) {
    }

    @Override
    public void thumbnailStarted(ImageReader source, int imageIndex, int thumbnailIndex) {
    }

    @Override
    public void thumbnailProgress(ImageReader source, float percentageDone) {
    }

    @Override
    public void thumbnailComplete(ImageReader source) {
    }
}
