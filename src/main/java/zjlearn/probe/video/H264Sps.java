package zjlearn.probe.video;

/**
 * The few facts we need from an H.264 sequence parameter set (ITU-T H.264 clause 7.3.2.1.1),
 * parsed by our own bounded reader: exp-Golomb codes with at most 31 leading zeros, every read
 * checked against the end of the NAL unit, and the spec's own range limits enforced so a crafted
 * SPS fails fast instead of costing time or memory.
 *
 * @param width  cropped luma width in pixels
 * @param height cropped luma height in pixels (frames, i.e. both fields for interlaced streams)
 * @param sarWidth  sample aspect ratio from the VUI, 0 when absent or unspecified
 * @param sarHeight see {@code sarWidth}
 */
record H264Sps(int profileIdc, int levelIdc, int chromaFormatIdc, int width, int height,
               boolean frameMbsOnly, boolean mbaff, int sarWidth, int sarHeight) {

    /** Table E-1, aspect_ratio_idc 1..16. */
    private static final int[][] SAR_TABLE = {
        {0, 0}, {1, 1}, {12, 11}, {10, 11}, {16, 11}, {40, 33}, {24, 11}, {20, 11}, {32, 11},
        {80, 33}, {18, 11}, {15, 11}, {64, 33}, {160, 99}, {4, 3}, {3, 2}, {2, 1}};

    /** Raised for any SPS that cannot be parsed or breaks a spec limit. */
    static final class InvalidSpsException extends Exception {
        InvalidSpsException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Parses an SPS NAL unit including its one-byte NAL header, with emulation prevention bytes
     * still in place (the form stored in avcC).
     */
    static H264Sps parse(byte[] nal, int offset, int length) throws InvalidSpsException {
        if (length < 4) {
            throw new InvalidSpsException("SPS shorter than 4 bytes");
        }
        int header = nal[offset] & 0xFF;
        if ((header & 0x80) != 0 || (header & 0x1F) != 7) {
            throw new InvalidSpsException("not an SPS NAL unit (header 0x" + Integer.toHexString(header) + ")");
        }
        BitReader r = new BitReader(unescape(nal, offset + 1, length - 1));
        int profileIdc = r.u(8);
        r.u(8); // constraint_set flags + reserved
        int levelIdc = r.u(8);
        if (r.ue() > 31) {
            throw new InvalidSpsException("seq_parameter_set_id > 31");
        }
        int chromaFormatIdc = 1;
        boolean separateColourPlane = false;
        if (hasChromaInfo(profileIdc)) {
            chromaFormatIdc = (int) r.ue();
            if (chromaFormatIdc > 3) {
                throw new InvalidSpsException("chroma_format_idc > 3");
            }
            if (chromaFormatIdc == 3) {
                separateColourPlane = r.flag();
            }
            if (r.ue() > 6 || r.ue() > 6) {
                throw new InvalidSpsException("bit depth > 14");
            }
            r.flag(); // qpprime_y_zero_transform_bypass_flag
            if (r.flag()) { // seq_scaling_matrix_present_flag
                int lists = chromaFormatIdc != 3 ? 8 : 12;
                for (int i = 0; i < lists; i++) {
                    if (r.flag()) {
                        skipScalingList(r, i < 6 ? 16 : 64);
                    }
                }
            }
        }
        if (r.ue() > 12) {
            throw new InvalidSpsException("log2_max_frame_num_minus4 > 12");
        }
        long pocType = r.ue();
        if (pocType == 0) {
            if (r.ue() > 12) {
                throw new InvalidSpsException("log2_max_pic_order_cnt_lsb_minus4 > 12");
            }
        } else if (pocType == 1) {
            r.flag();
            r.se();
            r.se();
            long cycle = r.ue();
            if (cycle > 255) {
                throw new InvalidSpsException("num_ref_frames_in_pic_order_cnt_cycle > 255");
            }
            for (int i = 0; i < cycle; i++) {
                r.se();
            }
        } else if (pocType != 2) {
            throw new InvalidSpsException("pic_order_cnt_type > 2");
        }
        if (r.ue() > 16) {
            throw new InvalidSpsException("max_num_ref_frames > 16");
        }
        r.flag(); // gaps_in_frame_num_value_allowed_flag
        long widthMbs = r.ue() + 1;
        long heightMapUnits = r.ue() + 1;
        if (widthMbs > 1024 || heightMapUnits > 1024) {
            throw new InvalidSpsException("picture larger than 1024 macroblocks");
        }
        boolean frameMbsOnly = r.flag();
        boolean mbaff = false;
        if (!frameMbsOnly) {
            mbaff = r.flag();
        }
        r.flag(); // direct_8x8_inference_flag
        int frameHeightMbs = (frameMbsOnly ? 1 : 2) * (int) heightMapUnits;
        int width = (int) widthMbs * 16;
        int height = frameHeightMbs * 16;
        if (r.flag()) { // frame_cropping_flag
            long left = r.ue();
            long right = r.ue();
            long top = r.ue();
            long bottom = r.ue();
            int chromaArrayType = separateColourPlane ? 0 : chromaFormatIdc;
            int cropUnitX;
            int cropUnitY;
            if (chromaArrayType == 0) {
                cropUnitX = 1;
                cropUnitY = frameMbsOnly ? 1 : 2;
            } else {
                int subWidthC = chromaArrayType == 3 ? 1 : 2;
                int subHeightC = chromaArrayType == 1 ? 2 : 1;
                cropUnitX = subWidthC;
                cropUnitY = subHeightC * (frameMbsOnly ? 1 : 2);
            }
            long cropX = (left + right) * cropUnitX;
            long cropY = (top + bottom) * cropUnitY;
            if (cropX >= width || cropY >= height) {
                throw new InvalidSpsException("frame cropping removes the whole picture");
            }
            width -= (int) cropX;
            height -= (int) cropY;
        }
        int sarW = 0;
        int sarH = 0;
        if (r.flag() && r.flag()) { // vui_parameters_present_flag, aspect_ratio_info_present_flag
            int idc = r.u(8);
            if (idc == 255) {
                sarW = r.u(16);
                sarH = r.u(16);
            } else if (idc >= 1 && idc < SAR_TABLE.length) {
                sarW = SAR_TABLE[idc][0];
                sarH = SAR_TABLE[idc][1];
            }
            if (sarW == 0 || sarH == 0) {
                sarW = 0;
                sarH = 0;
            }
        }
        return new H264Sps(profileIdc, levelIdc, chromaFormatIdc, width, height, frameMbsOnly, mbaff, sarW, sarH);
    }

    private static boolean hasChromaInfo(int profileIdc) {
        switch (profileIdc) {
            case 100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135:
                return true;
            default:
                return false;
        }
    }

    private static void skipScalingList(BitReader r, int size) throws InvalidSpsException {
        int last = 8;
        int next = 8;
        for (int j = 0; j < size; j++) {
            if (next != 0) {
                long delta = r.se();
                if (delta < -128 || delta > 127) {
                    throw new InvalidSpsException("delta_scale out of range");
                }
                next = (int) ((last + delta + 256) % 256);
            }
            last = next == 0 ? last : next;
        }
    }

    /** Removes emulation prevention bytes (00 00 03 -> 00 00). */
    static byte[] unescape(byte[] src, int offset, int length) {
        byte[] out = new byte[length];
        int n = 0;
        int zeros = 0;
        for (int i = offset; i < offset + length; i++) {
            int b = src[i] & 0xFF;
            if (zeros >= 2 && b == 3) {
                zeros = 0;
                continue;
            }
            out[n++] = (byte) b;
            zeros = b == 0 ? zeros + 1 : 0;
        }
        return n == length ? out : java.util.Arrays.copyOf(out, n);
    }

    /** MSB-first bit reader that never reads past its array. */
    static final class BitReader {
        private final byte[] data;
        private long bitPos;
        private final long bitLimit;

        BitReader(byte[] data) {
            this.data = data;
            this.bitLimit = (long) data.length * 8;
        }

        boolean flag() throws InvalidSpsException {
            return u(1) == 1;
        }

        int u(int bits) throws InvalidSpsException {
            if (bitPos + bits > bitLimit) {
                throw new InvalidSpsException("SPS ends early");
            }
            int v = 0;
            for (int i = 0; i < bits; i++) {
                int b = (data[(int) (bitPos >>> 3)] >>> (7 - (int) (bitPos & 7))) & 1;
                v = (v << 1) | b;
                bitPos++;
            }
            return v;
        }

        /** Unsigned exp-Golomb, at most 31 leading zeros (values up to 2^32 - 2). */
        long ue() throws InvalidSpsException {
            int zeros = 0;
            while (u(1) == 0) {
                if (++zeros > 31) {
                    throw new InvalidSpsException("exp-Golomb code longer than 32 bits");
                }
            }
            if (zeros == 0) {
                return 0;
            }
            long rest = zeros == 31 ? ((long) u(16) << 15) | u(15) : u(zeros);
            return (1L << zeros) - 1 + rest;
        }

        long se() throws InvalidSpsException {
            long k = ue();
            return (k & 1) == 1 ? (k + 1) / 2 : -(k / 2);
        }
    }
}
