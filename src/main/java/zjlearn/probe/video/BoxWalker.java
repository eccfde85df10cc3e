package zjlearn.probe.video;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static zjlearn.probe.video.Mp4Bytes.fourcc;
import static zjlearn.probe.video.Mp4Bytes.s64;
import static zjlearn.probe.video.Mp4Bytes.u32;

/**
 * Splits a moov or moof held in memory into its box tree. Every box must fit its parent exactly, fourccs must be
 * printable, nesting is limited to {@value #MAX_DEPTH} levels, and one probe (all its walks together, plus the
 * top-level boxes it counts) to {@value #MAX_BOXES} boxes.
 */
final class BoxWalker {
    static final int MAX_DEPTH = 16;
    static final int MAX_BOXES = 100_000;

    /** Containers whose children the walker checks; everything else is a leaf to it. */
    private static final Set<String> CONTAINERS = Set.of(
            "moov", "trak", "mdia", "minf", "stbl", "edts", "dinf", "mvex", "tref", "moof", "traf");

    private int boxes;

    /** The tree of the box that fills {@code buf}, whose header is {@code headerSize} bytes. */
    Box walk(Buf buf, int headerSize) throws Broken {
        Box root = new Box(fourcc(buf.b, 4), 0, headerSize, buf.b.length);
        walkKids(buf, root, 1);
        return root;
    }

    private void walkKids(Buf buf, Box parent, int depth) throws Broken {
        parent.kids = children(buf, parent.type, parent.body, parent.end);
        for (Box k : parent.kids) {
            if (CONTAINERS.contains(k.type)) {
                if (depth + 1 > MAX_DEPTH) {
                    throw new Broken("boxes nested more than " + MAX_DEPTH + " deep");
                }
                walkKids(buf, k, depth + 1);
            }
        }
    }

    /** Splits {@code [from, to)} of {@code buf} into boxes, each of which must fit exactly. */
    List<Box> children(Buf buf, String parent, int from, int to) throws Broken {
        byte[] b = buf.b;
        List<Box> out = new ArrayList<>();
        int p = from;
        while (p < to) {
            int left = to - p;
            if (left < 8) {
                for (int i = p; i < to; i++) {
                    if (b[i] != 0) {
                        throw new Broken(left + " stray bytes at the end of '" + parent + "' box");
                    }
                }
                break; // QuickTime-style zero terminator
            }
            long size = u32(b, p);
            int headerSize = 8;
            String type = fourcc(b, p + 4);
            long at = buf.fileOffset + p;
            if (size == 1) {
                if (left < 16) {
                    throw new Broken("'" + type + "' box at offset " + at + " runs past its parent '" + parent + "'");
                }
                size = s64(b, p + 8);
                headerSize = 16;
                if (size < 16) {
                    throw new Broken("'" + type + "' box at offset " + at + " has an invalid 64-bit size");
                }
            } else if (size == 0) {
                throw new Broken("'" + type + "' box at offset " + at + " has size 0 inside '" + parent + "'");
            } else if (size < 8) {
                throw new Broken("'" + type + "' box at offset " + at + " has size " + size);
            }
            if (size > left) {
                throw new Broken("'" + type + "' box at offset " + at + " runs past its parent '" + parent + "'");
            }
            if (!printable(b, p + 4)) {
                throw new Broken("invalid box type at offset " + at + " inside '" + parent + "'");
            }
            countBox();
            out.add(new Box(type, p, p + headerSize, p + (int) size));
            p += (int) size;
        }
        return out;
    }

    /** Counts one more box against {@value #MAX_BOXES}. */
    void countBox() throws Broken {
        if (++boxes > MAX_BOXES) {
            throw new Broken("more than " + MAX_BOXES + " boxes");
        }
    }

    /** The child {@code type} of {@code parent}, which must be there. */
    static Box need(Box parent, String type, String parentName) throws Broken {
        Box b = parent.first(type);
        if (b == null) {
            throw new Broken("'" + parentName + "' box without '" + type + "'");
        }
        return b;
    }

    /** Printable ASCII, plus 0xA9 ('©') which QuickTime uses as a first byte. */
    static boolean printable(byte[] b, int p) {
        for (int i = 0; i < 4; i++) {
            int c = b[p + i] & 0xFF;
            if ((c < 0x20 || c > 0x7E) && !(i == 0 && c == 0xA9)) {
                return false;
            }
        }
        return true;
    }
}
