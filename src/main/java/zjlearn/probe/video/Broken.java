package zjlearn.probe.video;

/** Raised for structural problems; becomes ProbeException UNREADABLE. */
final class Broken extends Exception {
    Broken(String message) {
        super(message, null, false, false);
    }
}
