package zjlearn.probe.video;

/** What the moov (and the fragments) say about one track. */
final class Track {
    long id;
    String handler;
    long timescale;
    int[] matrix;
    Box sampleEntry;
    String codec;
    /** Protection scheme (cenc, cbcs...) of an encrypted track, "unknown" without schm; null when clear. */
    String protection;
    /** The visual sample entry of a video track, else null. */
    VisualEntry visual;
    final Deltas deltas = new Deltas();

    boolean isVideo() {
        return "vide".equals(handler);
    }

    boolean isSound() {
        return "soun".equals(handler);
    }

    /**
     * A visual sample entry: its width and height, its {@code pasp} (0 when absent) and, for H.264, its SPS.
     */
    record VisualEntry(int width, int height, long paspH, long paspV, H264Sps sps) {
    }
}
