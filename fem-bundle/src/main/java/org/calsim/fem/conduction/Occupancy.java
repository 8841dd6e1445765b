package org.calsim.fem.conduction;

import org.calsim.parallel.WorkerTeam;

/**
 * The occupied cells of a structured grid (nx × ny × nz, x fastest) as a bit set with a rank index: the unknowns
 * are the occupied cells in grid order, and the unknown of a cell is found from its bit by counting the bits
 * before it ({@link #slot}), so no cell-to-unknown table (4 bytes per cell) or neighbour list (24 bytes per
 * unknown) is stored: about 0.19 bytes per cell. Cells are grouped in rows (fixed y and z); every row starts on a
 * new 64-bit word, so the cell of a bit is the word's row and the bit's column.
 */
final class Occupancy {
    final int nx;
    final int ny;
    final int nz;
    /** Rows: ny · nz, row index j + ny · k. */
    final int rows;
    /** 64-bit words per row. */
    final int rowWords;
    /** One bit per cell, row by row. */
    final long[] bits;
    /** Occupied cells in the words before word w ({@code rank[words] = count}). */
    private final int[] rank;
    /** Occupied cells: the number of unknowns. */
    final int count;

    /** @param bits one bit per cell, {@link #rowWords(int)} words per row, as {@link #empty} lays them out */
    Occupancy(int nx, int ny, int nz, long[] bits) {
        this.nx = nx;
        this.ny = ny;
        this.nz = nz;
        this.rows = ny * nz;
        this.rowWords = rowWords(nx);
        this.bits = bits;
        this.rank = new int[bits.length + 1];
        long total = 0;
        for (int w = 0; w < bits.length; w++) {
            rank[w] = (int) total;
            total += Long.bitCount(bits[w]);
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(total + " unknowns: more than an array can index");
        }
        rank[bits.length] = (int) total;
        this.count = (int) total;
    }

    /** @return words of one row of nx cells */
    static int rowWords(int nx) {
        return (nx + 63) >>> 6;
    }

    /** @return an empty bit set for an nx × ny × nz grid, in the layout of {@link #bits} */
    static long[] empty(int nx, int ny, int nz) {
        return new long[Math.multiplyExact(rowWords(nx), Math.multiplyExact(ny, nz))];
    }

    /** @return the word of cell (i, row) in the layout of {@link #empty} */
    static int word(int i, int row, int rowWords) {
        return row * rowWords + (i >>> 6);
    }

    /** @return bytes this occupancy holds for an nx × ny × nz grid */
    static long bytes(int nx, int ny, int nz) {
        return 12L * rowWords(nx) * ny * nz;
    }

    /** @return the unknown of cell i of row {@code row}, or −1 when that cell is empty */
    int slot(int i, int row) {
        int w = row * rowWords + (i >>> 6);
        long b = bits[w];
        long bit = 1L << i;
        return (b & bit) == 0 ? -1 : rank[w] + Long.bitCount(b & (bit - 1));
    }

    /** @return the first unknown of row {@code row} (the count of all unknowns for {@code row = rows}) */
    int rowStart(int row) {
        return rank[row * rowWords];
    }

    /**
     * @param row   a row
     * @param axis  1 (y) or 2 (z)
     * @param step  −1 or +1
     * @param wraps whether the grid is periodic along {@code axis}
     * @return the neighbouring row along {@code axis}, or −1 past a face that does not wrap
     */
    int neighbourRow(int row, int axis, int step, boolean wraps) {
        return neighbourRow(row, axis, step, wraps, ny, nz);
    }

    /** @return as {@link #neighbourRow(int, int, int, boolean)}, on a grid of ny × nz rows */
    static int neighbourRow(int row, int axis, int step, boolean wraps, int ny, int nz) {
        int j = row % ny;
        int k = row / ny;
        if (axis == 1) {
            int jj = j + step;
            if (jj < 0 || jj >= ny) {
                if (!wraps) {
                    return -1;
                }
                jj = jj < 0 ? ny - 1 : 0;
            }
            return jj + ny * k;
        }
        int kk = k + step;
        if (kk < 0 || kk >= nz) {
            if (!wraps) {
                return -1;
            }
            kk = kk < 0 ? nz - 1 : 0;
        }
        return j + ny * kk;
    }

    /** @return the occupancy of the grid of 2 × 2 × 2 blocks (half the size, rounded up): a block is occupied
     *          when any of its cells is */
    Occupancy coarsen(WorkerTeam team) {
        int cx = (nx + 1) / 2;
        int cy = (ny + 1) / 2;
        int cz = (nz + 1) / 2;
        long[] coarse = empty(cx, cy, cz);
        int coarseWords = rowWords(cx);
        int coarseRows = cy * cz;
        // the workers share the coarse rows: each writes only its own rows' words
        team.run((worker, workers) -> {
            for (int coarseRow = Stencil.share(coarseRows, worker, workers),
                 last = Stencil.share(coarseRows, worker + 1, workers); coarseRow < last; coarseRow++) {
                int j0 = 2 * (coarseRow % cy);
                int k0 = 2 * (coarseRow / cy);
                for (int k = k0; k < Math.min(k0 + 2, nz); k++) {
                    for (int j = j0; j < Math.min(j0 + 2, ny); j++) {
                        int row = j + ny * k;
                        for (int w = 0; w < rowWords; w++) {
                            long b = bits[row * rowWords + w];
                            while (b != 0) {
                                int i = (w << 6) + Long.numberOfTrailingZeros(b);
                                b &= b - 1;
                                coarse[word(i / 2, coarseRow, coarseWords)] |= 1L << (i / 2);
                            }
                        }
                    }
                }
            }
        });
        return new Occupancy(cx, cy, cz, coarse);
    }
}
