package org.calsim.fem.conduction;

import java.util.Arrays;

/**
 * The conducting voxels connected (6-connectivity) to both faces normal to an axis: the part of an image that
 * carries current between them. Found by two floods over whole rows of bits (the {@link Occupancy} layout, 64
 * voxels to a word): a row reached from a neighbouring row takes the conducting runs its new voxels lie in (a
 * Kogge–Stone fill along the row, six shifts per word), and the rows it changed are visited again; nothing is
 * stored per voxel but the bits (a queue of voxels, as a breadth-first search keeps, would take 4 bytes per
 * conducting voxel). The second flood starts from the outlet face inside what the first reached from the inlet.
 */
final class Percolation {
    private final int nx;
    private final int ny;
    private final int nz;
    private final int words;
    private final int rows;
    private final boolean[] periodic;
    /** Rows waiting to pass their voxels to their neighbours, a ring of all rows, and whether a row waits. */
    private final int[] queue;
    private final long[] waiting;
    private int head;
    private int size;
    /** One row being filled. */
    private final long[] row;

    private Percolation(int[] n, boolean[] periodic) {
        this.nx = n[0];
        this.ny = n[1];
        this.nz = n[2];
        this.words = Occupancy.rowWords(nx);
        this.rows = ny * nz;
        this.periodic = periodic;
        this.queue = new int[rows];
        this.waiting = new long[(rows + 63) >>> 6];
        this.row = new long[words];
    }

    /** @return bytes the search needs for an image of n voxels: three bit sets (the conducting voxels and the two
     *          floods) and the queue of rows */
    static long bytes(int[] n) {
        long rowCount = (long) n[1] * n[2];
        return 3 * 8L * Occupancy.rowWords(n[0]) * rowCount + 4 * rowCount + (rowCount + 63) / 64 * 8;
    }

    /**
     * @param n          voxels along x, y, z
     * @param conducting one bit per conducting voxel, in the {@link Occupancy} layout
     * @param axis       the axis normal to the two faces
     * @param periodic   per axis whether the image wraps along it ({@code periodic[axis]} is false)
     * @return the conducting voxels connected to both faces, in the {@link Occupancy} layout
     */
    static long[] connectingFaces(int[] n, long[] conducting, int axis, boolean[] periodic) {
        Percolation search = new Percolation(n, periodic);
        long[] fromInlet = search.flood(conducting, axis, 0);
        return search.flood(fromInlet, axis, n[axis] - 1);
    }

    /** @return the voxels of {@code conducting} connected to the face at {@code layer} along {@code axis} */
    private long[] flood(long[] conducting, int axis, int layer) {
        long[] seen = new long[conducting.length];
        for (int r = 0; r < rows; r++) {
            int j = r % ny;
            int k = r / ny;
            if (axis == 0) {
                long bit = conducting[Occupancy.word(layer, r, words)] & (1L << layer);
                if (bit != 0) {
                    Arrays.fill(row, 0);
                    row[layer >>> 6] = bit;
                    reach(conducting, seen, r);
                }
            } else if ((axis == 1 ? j : k) == layer) {
                System.arraycopy(conducting, r * words, row, 0, words);
                reach(conducting, seen, r);
            }
        }
        while (size > 0) {
            int r = queue[head];
            head = head + 1 == rows ? 0 : head + 1;
            size--;
            waiting[r >>> 6] &= ~(1L << r);
            for (int axisOfRows = 1; axisOfRows <= 2; axisOfRows++) {
                for (int step = -1; step <= 1; step += 2) {
                    int next = Occupancy.neighbourRow(r, axisOfRows, step, periodic[axisOfRows], ny, nz);
                    if (next < 0) {
                        continue;
                    }
                    boolean any = false;
                    for (int w = 0; w < words; w++) {
                        long seeds = seen[r * words + w] & conducting[next * words + w] & ~seen[next * words + w];
                        row[w] = seeds;
                        any |= seeds != 0;
                    }
                    if (any) {
                        reach(conducting, seen, next);
                    }
                }
            }
        }
        return seen;
    }

    /** Adds to row r of {@code seen} the conducting runs of that row that hold a voxel of {@code row} (the
     *  seeds, all conducting), and queues r if that added any voxel. */
    private void reach(long[] conducting, long[] seen, int r) {
        int base = r * words;
        for (int w = 0; w < words; w++) {
            row[w] |= seen[base + w];
        }
        fillRow(conducting, base);
        boolean grew = false;
        for (int w = 0; w < words; w++) {
            grew |= row[w] != seen[base + w];
            seen[base + w] = row[w];
        }
        if (grew && (waiting[r >>> 6] & (1L << r)) == 0) {
            waiting[r >>> 6] |= 1L << r;
            int tail = head + size;
            queue[tail >= rows ? tail - rows : tail] = r;
            size++;
        }
    }

    /** Fills {@link #row} along x: every run of conducting voxels (words from {@code base} of {@code conducting})
     *  that holds a bit of {@link #row}, across word boundaries and, on a periodic x axis, across the wrap. */
    private void fillRow(long[] conducting, int base) {
        int last = nx - 1;
        while (true) {
            long carry = 0;
            for (int w = 0; w < words; w++) {
                long m = conducting[base + w];
                row[w] = fillUp(row[w] | (carry & m & 1L), m);
                carry = row[w] >>> 63;
            }
            carry = 0;
            for (int w = words - 1; w >= 0; w--) {
                long m = conducting[base + w];
                row[w] = fillDown(row[w] | (carry << 63 & m), m);
                carry = row[w] & 1L;
            }
            if (!periodic[0]) {
                return;
            }
            long firstBit = 1L;
            long lastBit = 1L << last;
            int lastWord = last >>> 6;
            boolean first = (row[0] & firstBit) != 0;
            boolean end = (row[lastWord] & lastBit) != 0;
            if (first && !end && (conducting[base + lastWord] & lastBit) != 0) {
                row[lastWord] |= lastBit;
            } else if (end && !first && (conducting[base] & firstBit) != 0) {
                row[0] |= firstBit;
            } else {
                return;
            }
        }
    }

    /** @return g and the bits of m reached from g towards higher bits through set bits of m (g ⊆ m) */
    private static long fillUp(long g, long m) {
        long p = m;
        g |= p & (g << 1);
        p &= p << 1;
        g |= p & (g << 2);
        p &= p << 2;
        g |= p & (g << 4);
        p &= p << 4;
        g |= p & (g << 8);
        p &= p << 8;
        g |= p & (g << 16);
        p &= p << 16;
        return g | (p & (g << 32));
    }

    /** @return g and the bits of m reached from g towards lower bits through set bits of m (g ⊆ m) */
    private static long fillDown(long g, long m) {
        long p = m;
        g |= p & (g >>> 1);
        p &= p >>> 1;
        g |= p & (g >>> 2);
        p &= p >>> 2;
        g |= p & (g >>> 4);
        p &= p >>> 4;
        g |= p & (g >>> 8);
        p &= p >>> 8;
        g |= p & (g >>> 16);
        p &= p >>> 16;
        return g | (p & (g >>> 32));
    }
}
