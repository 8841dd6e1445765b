package org.calsim.dem.engine;

import java.util.Arrays;

/**
 * The shares of a pass's work the workers get, set from how long each took for its share (as LAMMPS' {@code fix
 * balance} weights by time): a worker that was slower for its share gets a smaller one, so that differences the work
 * model misses (contacts against distance checks, wall contacts, a core shared with another program) even out. The
 * shares decide only which worker computes a particle, never the order of a sum, so they never change a number.
 */
final class WorkShares {
    /** how far a rebalance moves towards the shares the last times call for (the rest stays: damping of noise) */
    private static final double STEP = 0.5;
    /** the least share of a worker, as a fraction of an equal share */
    private static final double LEAST = 0.2;

    private final double[] share;
    private final long[] nanos;

    WorkShares(int workers) {
        share = new double[workers];
        nanos = new long[workers];
        Arrays.fill(share, 1.0 / workers);
    }

    /** Counts {@code elapsed} nanoseconds of worker {@code worker} on its share (called by that worker only). */
    void record(int worker, long elapsed) {
        nanos[worker] += elapsed;
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
     * Moves every share {@value #STEP} of the way towards the one that would have made the recorded times equal (a
     * worker's share over its time is its speed; the shares become proportional to the speeds), keeps each at least
     * {@value #LEAST} of an equal share, and forgets the times. Nothing changes while a worker has no time recorded.
     */
    void rebalance() {
        int n = share.length;
        double total = 0;
        for (int w = 0; w < n; w++) {
            if (nanos[w] <= 0) {
                return;
            }
            total += share[w] / nanos[w];
        }
        double floor = LEAST / n;
        double low = 0;
        double rest = 0;
        for (int w = 0; w < n; w++) {
            share[w] = (1 - STEP) * share[w] + STEP * share[w] / nanos[w] / total;
            nanos[w] = 0;
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
