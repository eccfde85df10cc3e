package zjlearn.probe.video;

/** A moov or moof read into memory, with its absolute file offset. */
final class Buf {
    final byte[] b;
    final long fileOffset;

    Buf(byte[] b, long fileOffset) {
        this.b = b;
        this.fileOffset = fileOffset;
    }
}
