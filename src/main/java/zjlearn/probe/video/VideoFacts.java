package zjlearn.probe.video;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import zjlearn.probe.FileType;

/**
 * Header facts of a video file, read by {@link VideoProbe} without decoding a frame.
 *
 * @param container        {@code "mp4"} (ISO base media file with an ftyp that is not QuickTime, fragmented or
 *                         not), {@code "quicktime"} (major brand {@code qt  }, or classic QuickTime atoms with no
 *                         ftyp) or {@code "other"} (a recognised non-MP4 file; see {@code detectedType})
 * @param detectedType     what the content is: {@link FileType#MP4}, {@link FileType#QUICKTIME}, or for
 *                         {@code "other"} e.g. {@link FileType#MATROSKA}, {@link FileType#JPEG}, {@link FileType#HEIC}
 * @param majorBrand       ftyp major brand, trailing spaces kept ({@code "isom"}, {@code "qt  "}); null without ftyp
 * @param compatibleBrands ftyp compatible brands, empty without ftyp
 * @param videoTrackCount  number of tracks with handler {@code vide}; the facts below describe the first
 * @param codec            sample-entry fourcc of the video track ({@code avc1}, {@code avc3}, {@code hvc1},
 *                         {@code hev1}, {@code mp4v}, {@code av01}, ...); null when there is no video track
 * @param codedWidth       H.264: SPS size after frame cropping; other codecs (and avc3 with an in-band SPS only):
 *                         the sample entry's width
 * @param codedHeight      see {@code codedWidth}
 * @param displayWidth     coded size stretched horizontally by the pixel aspect, then swapped when the track
 *                         matrix rotates by 90 or 270 degrees
 * @param displayHeight    see {@code displayWidth}
 * @param rotation         rotation from the tkhd matrix, 0, 90, 180 or 270: ffprobe's display-matrix "rotation"
 *                         taken mod 360 (counter-clockwise). Sign conventions differ between tools (a phone's
 *                         portrait clip reads 270 here, -90 in ffprobe, 90 in MediaInfo), so a check should only
 *                         rely on 90/270 meaning "width and height swap on display"
 * @param pixelAspect      reduced pixel (sample) aspect ratio, {@code "1:1"} when absent; from {@code pasp}, else
 *                         the SPS VUI
 * @param progressive      H.264 {@code frame_mbs_only_flag}; null when not H.264 or the SPS is not in the header
 * @param mbaff            H.264 {@code mb_adaptive_frame_field_flag} of an interlaced stream
 * @param fps              {@code timescale / delta} when every stts delta (but the last) is equal, else
 *                         {@code frameCount / durationSeconds}; 0 without samples
 * @param constantFrameRate every sample duration except the last one is the same ({@code minDelta == maxDelta})
 * @param timescale        mdhd timescale of the video track
 * @param frameCount       video samples in the moov's stts plus all fragments' truns
 * @param minDelta         smallest video sample duration in timescale units, excluding the last sample
 * @param maxDelta         largest video sample duration, excluding the last sample
 * @param durationSeconds  sum of the video track's sample durations (stts plus fragments) / timescale; never
 *                         mvhd, an edit list or the audio track
 * @param audioCodec       sample-entry fourcc of the first sound track ({@code mp4a}, {@code ac-3}, ...), or null
 * @param fragmented       the moov has an mvex or the file has moof boxes
 * @param fragmentCount    number of moof boxes
 * @param truncated        a top-level box or some sample data ends past the end of the file
 * @param dataEnd          the largest byte offset that sample data or a top-level box claims to reach
 * @param fileSize         size of the file in bytes
 */
public record VideoFacts(
        String container,
        FileType detectedType,
        String majorBrand,
        List<String> compatibleBrands,
        int videoTrackCount,
        String codec,
        int codedWidth,
        int codedHeight,
        int displayWidth,
        int displayHeight,
        int rotation,
        String pixelAspect,
        Boolean progressive,
        boolean mbaff,
        double fps,
        boolean constantFrameRate,
        long timescale,
        long frameCount,
        long minDelta,
        long maxDelta,
        double durationSeconds,
        String audioCodec,
        boolean fragmented,
        int fragmentCount,
        boolean truncated,
        long dataEnd,
        long fileSize) {

    public static final String MP4 = "mp4";
    public static final String QUICKTIME = "quicktime";
    public static final String OTHER = "other";

    public VideoFacts {
        compatibleBrands = compatibleBrands == null ? List.of() : List.copyOf(compatibleBrands);
    }

    /** A file that is recognisably something other than MP4/QuickTime (Matroska, JPEG, ...). */
    static VideoFacts other(FileType type, long fileSize) {
        return new VideoFacts(OTHER, type, null, List.of(), 0, null, 0, 0, 0, 0, 0, null, null, false,
                0, false, 0, 0, 0, 0, 0, null, false, 0, false, 0, fileSize);
    }

    public boolean hasVideo() {
        return codec != null;
    }

    /**
     * The facts shown by {@code inspect --format json}, in a fixed order; width and height are the displayed size,
     * fps and duration are rounded to 3 decimals.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("container", container);
        m.put("brand", majorBrand == null ? null : majorBrand.strip());
        m.put("codec", codec);
        m.put("width", displayWidth);
        m.put("height", displayHeight);
        m.put("rotation", rotation);
        m.put("fps", round3(fps));
        m.put("constantFrameRate", constantFrameRate);
        m.put("durationSeconds", round3(durationSeconds));
        m.put("audioCodec", audioCodec);
        return Collections.unmodifiableMap(m);
    }

    private static double round3(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }
}
