package zjlearn.probe.video;

/** Sample-duration statistics; the last sample's duration counts for the sum but not for min/max. */
final class Deltas {
    long count;
    long sum;
    private long min = Long.MAX_VALUE;
    private long max = Long.MIN_VALUE;
    private boolean included;
    private boolean hasLast;
    private long last;

    void add(long n, long delta) throws Broken {
        if (n == 0) {
            return;
        }
        try {
            sum = Math.addExact(sum, Math.multiplyExact(n, delta));
            count = Math.addExact(count, n);
        } catch (ArithmeticException e) {
            throw new Broken("sample durations overflow");
        }
        if (hasLast) {
            include(last);
        }
        if (n > 1) {
            include(delta);
        }
        hasLast = true;
        last = delta;
    }

    private void include(long d) {
        included = true;
        min = Math.min(min, d);
        max = Math.max(max, d);
    }

    /** Smallest duration but the last; the only duration when there is one sample; 0 without samples. */
    long min() {
        return included ? min : hasLast ? last : 0;
    }

    long max() {
        return included ? max : hasLast ? last : 0;
    }
}
