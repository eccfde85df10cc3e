package zjlearn.pack;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;

/** A buffer of the ring. {@code base} is never repositioned: every thread works on views of it. */
final class RingChunk {
    final ByteBuffer base;
    int length;
    final AtomicInteger holders = new AtomicInteger();

    RingChunk(int capacity, int alignment) {
        base = alignment <= 1 ? ByteBuffer.allocateDirect(capacity)
                : ByteBuffer.allocateDirect(capacity + alignment).alignedSlice(alignment).slice(0, capacity);
    }
}
