package zjlearn.probe.video;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The moov's tracks and fragment defaults, and how many fragments followed. */
final class Movie {
    final List<Track> tracks = new ArrayList<>();
    /** track_ID -> {default sample duration, default sample size}, from the mvex's trex boxes. */
    final Map<Long, long[]> trex = new HashMap<>();
    boolean hasMoov;
    boolean hasMvex;
    int moofCount;

    /** The track with this id, or null. */
    Track track(long id) {
        Track found = null;
        for (Track t : tracks) {
            if (t.id == id) {
                found = t;
            }
        }
        return found;
    }
}
