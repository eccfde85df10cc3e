package zjlearn.pack;

import java.util.concurrent.BlockingQueue;

/** The threads of an {@link ArchiveStream}: started as daemons, and queue and join calls that outlast interrupts. */
final class StreamThreads {
    private StreamThreads() {
    }

    static Thread start(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** The consumers end on a stop item only; nothing interrupts them, and an interrupt is ignored. */
    static <T> T takeUninterruptibly(BlockingQueue<T> queue) {
        while (true) {
            try {
                return queue.take();
            } catch (InterruptedException ignored) {
                // keep going: the stop item ends the loop
            }
        }
    }

    /** Puts, retrying when interrupted; returns whether an interrupt happened. */
    static <T> boolean putQuietly(BlockingQueue<T> queue, T item) {
        boolean interrupted = false;
        while (true) {
            try {
                queue.put(item);
                return interrupted;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
    }

    /** Joins, retrying when interrupted; returns whether an interrupt happened. */
    static boolean joinQuietly(Thread t) {
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                return interrupted;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
    }
}
