package zjlearn.probe.image;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.stream.ImageInputStream;

/**
 * Walks a JPEG's segments and entropy-coded data from SOI to EOI, without decoding, to tell whether the
 * file reaches its end marker and, when it does not, whether the scans it holds still cover every
 * coefficient of every component to full precision (so the picture is whole and only the last bytes are
 * missing) or not (later scans of a progressive JPEG, or the rest of a baseline scan, are missing). Data
 * after EOI (a phone's motion-photo video, a maker trailer) is never read.
 */
final class JpegEnd {
    enum Result {
        /** EOI reached. */
        END,
        /** The file ends before EOI, but the scans seen cover the whole image. */
        NO_END_SCANS_COMPLETE,
        /** The file ends before EOI and before the scans cover the image. */
        NO_END_SCANS_INCOMPLETE
    }

    private final ImageInputStream in;
    /** Per component id: which of the 64 coefficients have been coded to full precision (Al = 0). */
    private final Map<Integer, boolean[]> done = new LinkedHashMap<>();

    private JpegEnd(ImageInputStream in) {
        this.in = in;
    }

    static Result walk(ImageInputStream in) throws IOException {
        in.seek(0);
        if (in.read() != 0xFF || in.read() != 0xD8) {
            return Result.NO_END_SCANS_INCOMPLETE;
        }
        return new JpegEnd(in).segments();
    }

    private Result segments() throws IOException {
        int marker = nextMarker();
        while (marker >= 0) {
            if (marker == 0xD9) {
                return Result.END;
            }
            if (marker == 0x01 || marker >= 0xD0 && marker <= 0xD7) {
                marker = nextMarker();
                continue;
            }
            int length = u16();
            if (length < 2) {
                return eof();
            }
            long next = in.getStreamPosition() + length - 2;
            if (isSof(marker)) {
                frame();
            } else if (marker == 0xDA) {
                scanHeader();
                in.seek(next);
                marker = afterEntropyData();
                continue;
            }
            in.seek(next);
            marker = nextMarker();
        }
        return eof();
    }

    private Result eof() {
        boolean complete = !done.isEmpty() && done.values().stream().allMatch(JpegEnd::all);
        return complete ? Result.NO_END_SCANS_COMPLETE : Result.NO_END_SCANS_INCOMPLETE;
    }

    private static boolean all(boolean[] coefficients) {
        for (boolean b : coefficients) {
            if (!b) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSof(int m) {
        return m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;
    }

    private void frame() throws IOException {
        in.read(); // precision
        u16();
        u16();
        int components = in.read();
        for (int i = 0; i < components && components > 0; i++) {
            int id = in.read();
            in.read();
            in.read();
            if (id >= 0) {
                done.putIfAbsent(id, new boolean[64]);
            }
        }
    }

    private void scanHeader() throws IOException {
        int count = in.read();
        int[] ids = new int[Math.max(0, count)];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = in.read();
            in.read();
        }
        int ss = in.read();
        int se = in.read();
        int ahAl = in.read();
        if (ahAl < 0 || (ahAl & 0x0F) != 0) {
            return; // not (yet) at full precision
        }
        for (int id : ids) {
            boolean[] c = done.get(id);
            if (c == null) {
                continue;
            }
            for (int k = Math.max(0, ss); k <= Math.min(63, se); k++) {
                c[k] = true;
            }
        }
    }

    /**
     * Skips entropy-coded data: returns the first real marker after it (not FF00 or RSTn), or -1 at EOF, and
     * leaves the stream just after the marker code. Reads in blocks and looks only for 0xFF bytes.
     */
    private int afterEntropyData() throws IOException {
        byte[] block = new byte[1 << 16];
        while (true) {
            long start = in.getStreamPosition();
            int n = in.read(block, 0, block.length);
            if (n <= 0) {
                return -1;
            }
            int i = 0;
            while (i < n - 1) {
                if (block[i] != (byte) 0xFF) {
                    i++;
                    continue;
                }
                int m = block[i + 1] & 0xFF;
                if (m == 0xFF) {
                    i++;                        // fill byte: the next FF starts the marker
                } else if (m == 0x00 || m >= 0xD0 && m <= 0xD7) {
                    i += 2;                     // stuffed byte or restart marker: still entropy data
                } else {
                    in.seek(start + i + 2);
                    return m;
                }
            }
            if (i == n - 1) {
                // The block's last byte was not looked at with its successor: take the next byte singly.
                int last = block[n - 1] & 0xFF;
                in.seek(start + n);
                int next = in.read();
                if (next < 0) {
                    return -1;
                }
                if (last == 0xFF && next != 0x00 && next != 0xFF && !(next >= 0xD0 && next <= 0xD7)) {
                    return next;
                }
                in.seek(last == 0xFF && next == 0xFF ? start + n : start + n + (last == 0xFF ? 1 : 0));
            }
        }
    }

    /** The next marker code after fill bytes, or -1 at EOF (or when the bytes are not a marker). */
    private int nextMarker() throws IOException {
        int b = in.read();
        if (b != 0xFF) {
            return -1;
        }
        int m = in.read();
        while (m == 0xFF) {
            m = in.read();
        }
        return m;
    }

    private int u16() throws IOException {
        int hi = in.read();
        int lo = in.read();
        return hi < 0 || lo < 0 ? -1 : hi << 8 | lo;
    }
}
