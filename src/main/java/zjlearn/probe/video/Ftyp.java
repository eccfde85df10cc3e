package zjlearn.probe.video;

import java.util.ArrayList;
import java.util.List;

/** The ftyp box: major brand and compatible brands, each four characters, trailing spaces kept. */
record Ftyp(String majorBrand, List<String> compatibleBrands) {

    static Ftyp parse(byte[] body) throws Broken {
        if (body.length < 8 || body.length % 4 != 0) {
            throw new Broken("invalid ftyp box");
        }
        List<String> compatible = new ArrayList<>();
        for (int i = 8; i < body.length; i += 4) {
            compatible.add(brand(body, i));
        }
        return new Ftyp(brand(body, 0), List.copyOf(compatible));
    }

    private static String brand(byte[] b, int off) {
        StringBuilder s = new StringBuilder(4);
        for (int i = 0; i < 4; i++) {
            int c = b[off + i] & 0xFF;
            s.append(c >= 0x20 && c < 0x7F ? (char) c : '?');
        }
        return s.toString();
    }
}
