package zjlearn.probe.video;

import java.util.ArrayList;
import java.util.List;

/** A box inside a buffer; {@code kids} is filled for containers only. */
final class Box {
    final String type;
    final int start;
    final int body;
    final int end;
    List<Box> kids = List.of();

    Box(String type, int start, int body, int end) {
        this.type = type;
        this.start = start;
        this.body = body;
        this.end = end;
    }

    Box first(String t) {
        for (Box k : kids) {
            if (k.type.equals(t)) {
                return k;
            }
        }
        return null;
    }

    List<Box> all(String t) {
        List<Box> out = new ArrayList<>();
        for (Box k : kids) {
            if (k.type.equals(t)) {
                out.add(k);
            }
        }
        return out;
    }
}
