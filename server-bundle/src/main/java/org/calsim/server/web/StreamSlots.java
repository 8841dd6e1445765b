package org.calsim.server.web;

import java.util.HashMap;
import java.util.Map;

/**
 * Caps the server-sent event streams open at once, per job and overall. Each open stream holds one of the HTTP
 * server's threads for as long as its job runs: without a cap, a few clients opening streams in a loop would take
 * every thread and the server would stop answering. A stream over the cap is answered 503 with {@code Retry-After}.
 */
final class StreamSlots {
    /** Streams open at once on one job. */
    static final int PER_JOB = 8;
    /** Streams open at once on the whole server. */
    static final int OVERALL = 32;
    private final int perJob;
    private final int overall;
    private final Map<Long, Integer> open = new HashMap<>();
    private int total;

    StreamSlots(int perJob, int overall) {
        this.perJob = perJob;
        this.overall = overall;
    }

    /** @return whether a stream on job {@code id} may open; if so it holds a slot until {@link #release} */
    synchronized boolean take(long id) {
        if (total >= overall || open.getOrDefault(id, 0) >= perJob) {
            return false;
        }
        open.merge(id, 1, Integer::sum);
        total++;
        return true;
    }

    /** Frees the slot of a stream on job {@code id} that has ended. */
    synchronized void release(long id) {
        Integer n = open.get(id);
        if (n == null) {
            return;
        }
        if (n == 1) {
            open.remove(id);
        } else {
            open.put(id, n - 1);
        }
        total--;
    }
}
