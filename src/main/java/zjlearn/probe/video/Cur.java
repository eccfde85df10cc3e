package zjlearn.probe.video;

/** Bounded cursor over a box body. */
final class Cur {
    final byte[] b;
    int pos;
    final int end;
    final String type;

    Cur(Buf buf, Box box) {
        this.b = buf.b;
        this.pos = box.body;
        this.end = box.end;
        this.type = box.type;
    }

    private void need(long n) throws Broken {
        if (n < 0 || n > end - pos) {
            throw new Broken("'" + type + "' box too short");
        }
    }

    void needBytes(long n) throws Broken {
        need(n);
    }

    void needEntries(long count, int entrySize) throws Broken {
        if (count < 0 || count * entrySize > end - pos) {
            throw new Broken("'" + type + "' box claims " + count + " entries but has room for "
                    + (entrySize == 0 ? 0 : (end - pos) / entrySize));
        }
    }

    void skip(int n) throws Broken {
        need(n);
        pos += n;
    }

    int u8() throws Broken {
        need(1);
        return b[pos++] & 0xFF;
    }

    int u16() throws Broken {
        need(2);
        int v = Mp4Bytes.u16(b, pos);
        pos += 2;
        return v;
    }

    int u24() throws Broken {
        need(3);
        int v = ((b[pos] & 0xFF) << 16) | ((b[pos + 1] & 0xFF) << 8) | (b[pos + 2] & 0xFF);
        pos += 3;
        return v;
    }

    long u32() throws Broken {
        need(4);
        long v = Mp4Bytes.u32(b, pos);
        pos += 4;
        return v;
    }

    long s32() throws Broken {
        return (int) u32();
    }

    long s64() throws Broken {
        need(8);
        long v = Mp4Bytes.s64(b, pos);
        pos += 8;
        return v;
    }

    String fourcc() throws Broken {
        need(4);
        String s = Mp4Bytes.fourcc(b, pos);
        pos += 4;
        return s;
    }
}
