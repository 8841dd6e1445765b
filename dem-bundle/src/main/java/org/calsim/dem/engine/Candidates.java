package org.calsim.dem.engine;

import java.util.Arrays;

/**
 * One worker's candidate partners of the particle at hand in a neighbour-list build ({@link CellGrid#near}, the first
 * {@code found} of {@link #ids}), and the sorted candidates of all its particles when its entries are placed only after
 * the lower workers' ({@link NeighbourList#build}). The arrays grow as needed and are kept between builds.
 */
final class Candidates {
    /** the candidates of the particle at hand */
    int[] ids = new int[64];
    /** the sorted candidates of the worker's particles, one after the other (workers above the first) */
    int[] kept = new int[0];

    /** @return bytes the arrays hold */
    long heapBytes() {
        return ((long) ids.length + kept.length) * Integer.BYTES;
    }

    /**
     * Appends j to the {@code found} candidates.
     *
     * @return their number now
     */
    int add(int found, int j) {
        if (found == ids.length) {
            ids = Arrays.copyOf(ids, found * 2);
        }
        ids[found] = j;
        return found + 1;
    }

    /** @return whether j is among the first {@code found} candidates */
    boolean contains(int j, int found) {
        for (int c = 0; c < found; c++) {
            if (ids[c] == j) {
                return true;
            }
        }
        return false;
    }

    /**
     * Appends the first {@code found} candidates to {@link #kept} from {@code at} on.
     *
     * @return the end of the kept candidates now
     */
    int keep(int at, int found) {
        if (at + found > kept.length) {
            kept = Arrays.copyOf(kept, Math.max(at + found, kept.length * 3 / 2 + 64));
        }
        System.arraycopy(ids, 0, kept, at, found);
        return at + found;
    }
}
