package zjlearn.probe.video;

import java.util.List;
import zjlearn.rules.FileType;

/**
 * Turns what the boxes said into {@link VideoFacts}: picks the first video track, and works out its coded and
 * display size (SPS cropping, pixel aspect from pasp or the SPS VUI, rotation from the tkhd matrix), frame rate,
 * whether it is constant, and duration from the sample durations.
 */
final class FactsAssembler {
    private FactsAssembler() {
    }

    /**
     * @param ftyp   the ftyp, or null when the file has none
     * @param movie  the moov's tracks and the fragments' samples
     * @param extent how far the data reaches
     */
    static VideoFacts assemble(Ftyp ftyp, Movie movie, DataExtent extent) throws Broken {
        String majorBrand = ftyp == null ? null : ftyp.majorBrand();
        List<String> compatibleBrands = ftyp == null ? List.of() : ftyp.compatibleBrands();
        Track video = null;
        int videoTracks = 0;
        String audioCodec = null;
        for (Track t : movie.tracks) {
            if (t.isVideo()) {
                videoTracks++;
                if (video == null) {
                    video = t;
                }
            } else if (t.isSound() && audioCodec == null) {
                audioCodec = t.codec;
            }
        }
        boolean quicktime = ftyp == null || "qt  ".equals(majorBrand);
        String container = quicktime ? VideoFacts.QUICKTIME : VideoFacts.MP4;
        FileType type = quicktime ? FileType.QUICKTIME : FileType.MP4;
        boolean fragmented = movie.hasMvex || movie.moofCount > 0;
        VideoFacts.Container box = new VideoFacts.Container(container, type, majorBrand, compatibleBrands, videoTracks,
                fragmented, movie.moofCount);
        VideoFacts.Audio audio = new VideoFacts.Audio(audioCodec);
        VideoFacts.Integrity integrity = new VideoFacts.Integrity(extent.truncated, extent.dataEnd, extent.fileSize);
        if (video == null || video.codec == null) {
            VideoFacts.Timing timing = new VideoFacts.Timing(video == null ? 0 : video.timescale, 0, 0, false, 0, 0, 0,
                    0);
            return new VideoFacts(box, VideoFacts.Picture.NONE, timing, audio, integrity);
        }
        Deltas d = video.deltas;
        if (d.count > 0 && video.timescale == 0) {
            throw new Broken("video track timescale is 0");
        }
        Track.VisualEntry se = video.visual;
        int codedW = se.width();
        int codedH = se.height();
        Boolean progressive = null;
        boolean mbaff = false;
        long parH = se.paspH();
        long parV = se.paspV();
        if (se.sps() != null) {
            codedW = se.sps().width();
            codedH = se.sps().height();
            progressive = se.sps().frameMbsOnly();
            mbaff = se.sps().mbaff();
            if (parH <= 0 || parV <= 0) {
                parH = se.sps().sarWidth();
                parV = se.sps().sarHeight();
            }
        }
        if (parH <= 0 || parV <= 0) {
            parH = 1;
            parV = 1;
        }
        long g = gcd(parH, parV);
        parH /= g;
        parV /= g;
        int displayW = (int) Math.min(Integer.MAX_VALUE, Math.round(codedW * (double) parH / parV));
        int displayH = codedH;
        int rotation = rotation(video.matrix);
        if (rotation == 90 || rotation == 270) {
            int tmp = displayW;
            displayW = displayH;
            displayH = tmp;
        }
        double seconds = video.timescale == 0 ? 0 : d.sum / (double) video.timescale;
        boolean cfr = d.count > 0 && d.min() == d.max();
        double fps;
        if (d.count == 0 || seconds <= 0) {
            fps = 0;
        } else if (cfr && d.min() > 0) {
            fps = video.timescale / (double) d.min();
        } else {
            fps = d.count / seconds;
        }
        VideoFacts.Picture picture = new VideoFacts.Picture(video.codec, codedW, codedH, displayW, displayH, rotation,
                parH + ":" + parV, progressive, mbaff);
        VideoFacts.Timing timing = new VideoFacts.Timing(video.timescale, d.count, fps, cfr, d.min(), d.max(), seconds,
                video.sampleBytes);
        return new VideoFacts(box, picture, timing, audio, integrity);
    }

    /**
     * Rotation of the tkhd matrix {a b u / c d v / x y w} as {@code atan2(c, a)}, rounded to a multiple of 90 and
     * normalised to 0..270: the same number as ffprobe's display-matrix "rotation" (mod 360). A phone's portrait
     * clip (a=0 b=1 c=-1 d=0) reads 270; ffmpeg 5.1's {@code -metadata:s:v rotate=90} writes a matrix that reads 90.
     */
    static int rotation(int[] m) {
        if (m == null || (m[0] == 0 && m[3] == 0)) {
            return 0;
        }
        double deg = Math.toDegrees(Math.atan2(m[3], m[0]));
        int r = (int) (Math.round(deg / 90.0) * 90);
        return ((r % 360) + 360) % 360;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a == 0 ? 1 : a;
    }
}
