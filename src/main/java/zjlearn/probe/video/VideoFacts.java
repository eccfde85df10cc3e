package zjlearn.probe.video;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import zjlearn.rules.FileType;

/**
 * Header facts of a video file, read by {@link VideoProbe} without decoding a frame. The picture and timing describe
 * the first video track.
 *
 * @param container  what kind of file it is and how it is laid out
 * @param picture    the first video track's codec and size; codec null and sizes 0 when there is no video track
 * @param timing     the first video track's samples in time, and their bytes
 * @param audio      the first sound track
 * @param integrity  whether the file holds everything its headers point to
 */
public record VideoFacts(Container container, Picture picture, Timing timing, Audio audio, Integrity integrity) {

    public static final String MP4 = "mp4";
    public static final String QUICKTIME = "quicktime";
    public static final String OTHER = "other";

    /**
     * @param kind             {@value #MP4} (ISO base media file with an ftyp that is not QuickTime, fragmented or
     *                         not), {@value #QUICKTIME} (major brand {@code qt  }, or classic QuickTime atoms with no
     *                         ftyp) or {@value #OTHER} (a recognised non-MP4 file; see {@code detectedType})
     * @param detectedType     what the content is: {@link FileType#MP4}, {@link FileType#QUICKTIME}, or for
     *                         {@value #OTHER} e.g. {@link FileType#MATROSKA}, {@link FileType#JPEG}, {@link FileType#HEIC}
     * @param majorBrand       ftyp major brand, trailing spaces kept ({@code "isom"}, {@code "qt  "}); null without ftyp
     * @param compatibleBrands ftyp compatible brands, empty without ftyp
     * @param videoTrackCount  number of tracks with handler {@code vide}; the picture and timing describe the first
     * @param fragmented       the moov has an mvex or the file has moof boxes
     * @param fragmentCount    number of moof boxes
     */
    public record Container(String kind, FileType detectedType, String majorBrand, List<String> compatibleBrands,
                            int videoTrackCount, boolean fragmented, int fragmentCount) {
        public Container {
            compatibleBrands = compatibleBrands == null ? List.of() : List.copyOf(compatibleBrands);
        }
    }

    /**
     * @param codec         sample-entry fourcc of the video track ({@code avc1}, {@code avc3}, {@code hvc1},
     *                      {@code hev1}, {@code mp4v}, {@code av01}, ...); null when there is no video track
     * @param codedWidth    H.264: SPS size after frame cropping; other codecs (and avc3 with an in-band SPS only):
     *                      the sample entry's width
     * @param codedHeight   see {@code codedWidth}
     * @param displayWidth  coded size stretched horizontally by the pixel aspect, then swapped when the track
     *                      matrix rotates by 90 or 270 degrees
     * @param displayHeight see {@code displayWidth}
     * @param rotation      rotation from the tkhd matrix, 0, 90, 180 or 270: ffprobe's display-matrix "rotation"
     *                      taken mod 360 (counter-clockwise). Sign conventions differ between tools (a phone's
     *                      portrait clip reads 270 here, -90 in ffprobe, 90 in MediaInfo), so a check should only
     *                      rely on 90/270 meaning "width and height swap on display"
     * @param pixelAspect   reduced pixel (sample) aspect ratio, {@code "1:1"} when absent; from {@code pasp}, else
     *                      the SPS VUI; null when there is no video track
     * @param progressive   H.264 {@code frame_mbs_only_flag}; null when not H.264 or the SPS is not in the header
     * @param mbaff         H.264 {@code mb_adaptive_frame_field_flag} of an interlaced stream
     */
    public record Picture(String codec, int codedWidth, int codedHeight, int displayWidth, int displayHeight,
                          int rotation, String pixelAspect, Boolean progressive, boolean mbaff) {
        static final Picture NONE = new Picture(null, 0, 0, 0, 0, 0, null, null, false);
    }

    /**
     * @param timescale       mdhd timescale of the video track
     * @param frameCount      video samples in the moov's stts plus all fragments' truns
     * @param fps             {@code timescale / delta} when every stts delta (but the last) is equal, else
     *                        {@code frameCount / durationSeconds}; 0 without samples
     * @param constant        every sample duration except the last one is the same ({@code minDelta == maxDelta})
     * @param minDelta        smallest video sample duration in timescale units, excluding the last sample
     * @param maxDelta        largest video sample duration, excluding the last sample
     * @param durationSeconds sum of the video track's sample durations (stts plus fragments) / timescale; never
     *                        mvhd, an edit list or the audio track
     * @param videoBytes      total size of the video track's samples: the stsz (or stz2) sizes plus the fragments'
     *                        trun sample sizes (or their defaults)
     */
    public record Timing(long timescale, long frameCount, double fps, boolean constant, long minDelta, long maxDelta,
                         double durationSeconds, long videoBytes) {
        static final Timing NONE = new Timing(0, 0, 0, false, 0, 0, 0, 0);

        /** Average video bitrate in bit/s: {@code videoBytes × 8 / durationSeconds}; 0 without a duration. */
        public double averageBitrate() {
            return durationSeconds > 0 ? videoBytes * 8.0 / durationSeconds : 0;
        }
    }

    /** @param codec sample-entry fourcc of the first sound track ({@code mp4a}, {@code ac-3}, ...), or null */
    public record Audio(String codec) {
        public boolean present() {
            return codec != null;
        }
    }

    /**
     * @param truncated a top-level box or some sample data ends past the end of the file
     * @param dataEnd   the largest byte offset that sample data or a top-level box claims to reach
     * @param fileSize  size of the file in bytes
     */
    public record Integrity(boolean truncated, long dataEnd, long fileSize) {
    }

    /** A file that is recognisably something other than MP4/QuickTime (Matroska, JPEG, ...). */
    static VideoFacts other(FileType type, long fileSize) {
        return new VideoFacts(new Container(OTHER, type, null, List.of(), 0, false, 0), Picture.NONE, Timing.NONE,
                new Audio(null), new Integrity(false, 0, fileSize));
    }

    public boolean hasVideo() {
        return picture.codec() != null;
    }

    /**
     * The facts shown by {@code inspect --format json}, in a fixed order; width and height are the displayed size,
     * fps and duration are rounded to 3 decimals.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("container", container.kind());
        m.put("brand", container.majorBrand() == null ? null : container.majorBrand().strip());
        m.put("codec", picture.codec());
        m.put("width", picture.displayWidth());
        m.put("height", picture.displayHeight());
        m.put("rotation", picture.rotation());
        m.put("fps", round3(timing.fps()));
        m.put("constantFrameRate", timing.constant());
        m.put("durationSeconds", round3(timing.durationSeconds()));
        m.put("audioCodec", audio.codec());
        return Collections.unmodifiableMap(m);
    }

    private static double round3(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }
}
