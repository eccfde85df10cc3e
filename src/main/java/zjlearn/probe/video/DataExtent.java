package zjlearn.probe.video;

/** How far the file's boxes and sample data reach, against the file's real size. */
final class DataExtent {
    final long fileSize;
    /** The largest byte offset that sample data or a top-level box claims to reach. */
    long dataEnd;
    /** A top-level box or some sample data ends past the end of the file. */
    boolean truncated;

    DataExtent(long fileSize) {
        this.fileSize = fileSize;
    }

    /** Sample data reaching {@code end}: the file is truncated when that is past its end. */
    void reach(long end) {
        dataEnd = Math.max(dataEnd, end);
        if (end > fileSize) {
            truncated = true;
        }
    }

    static long addSat(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? (a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : r;
    }

    static long mulSat(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        return (hi == 0 && lo >= 0) ? lo : Long.MAX_VALUE;
    }
}
