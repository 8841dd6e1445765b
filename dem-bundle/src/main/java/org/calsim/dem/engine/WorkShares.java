package org.calsim.dem.engine;

import java.util.Arrays;

/**
 * The shares of a pass's work the workers get, set from how long each took for its share (as LAMMPS' {@code fix
 * balance} weights by time): a worker that was slower for its share gets a smaller one, so that differences the work
 * model misses (contacts against distance checks, wall contacts, a core shared with another program) even out. The
 * shares decide only which worker computes a particle, never the order of a sum, so they never change a number.
 *
 * <p>A worker's time is its <em>median</em> over the passes since the last rebalance, not their sum: the workers wait
 * for each other at the end of every pass, so what costs is the difference of the typical pass. A rare pass made long
 * by the system (an interrupt, a page fault; on the two-core benchmark machine 1 % of the pair passes took 0.3 ms
 * longer, on one worker more often than on the other) would otherwise move work off that worker for every pass after
 * it. Balancing the sums left the other worker about 20 µs behind in most of the 0.7 ms pair passes (per-pass
 * timers, bench/dem, two threads).
 */
final class WorkShares {
    /** how far a rebalance moves towards the shares the last times call for (the rest stays: damping of noise) */
    private static final double STEP = 0.5;
    /** the least share of a worker, as a fraction of an equal share */
    private static final double LEAST = 0.2;

    private final double[] share;
    /** per worker, its times of the passes since the last rebalance [ns] (the first {@link #capacity}) */
    private final long[][] nanos;
    /** per worker, how many times it recorded */
    private final int[] recorded;
    /** per worker, its median time at the last rebalance [ns] */
    private final double[] typical;

    /** @param capacity passes a rebalance looks at, at most (later ones are not recorded) */
    WorkShares(int workers, int capacity) {
        share = new double[workers];
        nanos = new long[workers][capacity];
        recorded = new int[workers];
        typical = new double[workers];
        Arrays.fill(share, 1.0 / workers);
    }

    /** Notes that worker {@code worker} took {@code elapsed} nanoseconds for its share of a pass (that worker only). */
    void record(int worker, long elapsed) {
        int k = recorded[worker];
        if (k < nanos[worker].length) {
            nanos[worker][k] = elapsed;
            recorded[worker] = k + 1;
        }
    }

    /** @return the median of worker {@code w}'s recorded times [ns] (sorts them in place; they are forgotten next) */
    private double median(int w) {
        int k = recorded[w];
        long[] t = nanos[w];
        Arrays.sort(t, 0, k);
        return k % 2 == 1 ? t[k / 2] : 0.5 * (t[k / 2 - 1] + t[k / 2]);
    }

    /** @return the summed share of the workers below {@code worker}, 0 … 1 */
    double before(int worker) {
        double sum = 0;
        for (int w = 0; w < worker; w++) {
            sum += share[w];
        }
        return sum;
    }

    /**
     * Moves every share {@value #STEP} of the way towards the one that would have made the workers' median times equal
     * (a worker's share over its time is its speed; the shares become proportional to the speeds), keeps each at least
     * {@value #LEAST} of an equal share, and forgets the times. Nothing changes while a worker has no time recorded.
     */
    void rebalance() {
        int n = share.length;
        for (int w = 0; w < n; w++) {
            if (recorded[w] == 0) {
                return;
            }
        }
        double total = 0;
        for (int w = 0; w < n; w++) {
            typical[w] = Math.max(1, median(w));
            recorded[w] = 0;
            total += share[w] / typical[w];
        }
        double floor = LEAST / n;
        double low = 0;
        double rest = 0;
        for (int w = 0; w < n; w++) {
            share[w] = (1 - STEP) * share[w] + STEP * share[w] / typical[w] / total;
            if (share[w] < floor) {
                share[w] = floor;
                low += floor;
            } else {
                rest += share[w];
            }
        }
        // the shares above the floor give up what the raised ones took, in proportion
        for (int w = 0; w < n; w++) {
            if (share[w] > floor) {
                share[w] *= (1 - low) / rest;
            }
        }
    }
}
