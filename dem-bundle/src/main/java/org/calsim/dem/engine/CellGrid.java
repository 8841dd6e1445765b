package org.calsim.dem.engine;

import java.util.Arrays;

/**
 * The linked cells of a neighbour-list build: the particles binned into cubic cells of the interaction range
 * 2 r_max + skin [m], periodic in x and y over the box and counted in z from the lowest particle, and the candidate
 * partners of a particle gathered from its cell and the neighbouring ones ({@link #near}), into the
 * {@link Candidates} of the worker at hand, which the {@link NeighbourList} sorts and merges. After {@link #bin} the
 * cells are only read: several workers may gather at once. The buffers grow as needed and are kept between builds.
 */
final class CellGrid {
    private int[] cellHead = new int[0];
    private int[] cellNext = new int[0];
    // the cells of the last binning: cells per axis, lowest z [m], cells per metre
    private int ncx, ncy, ncz;
    private double zMin, sx, sy, sz;

    /** @return bytes the cell lists hold */
    long heapBytes() {
        return ((long) cellHead.length + cellNext.length) * Integer.BYTES;
    }

    /**
     * Sorts the particles into cubic cells of the interaction range 2 r_max + skin (linked lists, each in descending
     * particle order), checking that the box holds one periodic image of every pair.
     */
    void bin(Particles p, PeriodicBox box, double skin) {
        int n = p.size;
        double rMax = p.maxRadius();
        double cutoff = 2 * rMax + skin;
        if (box.lx() < 2 * cutoff || box.ly() < 2 * cutoff) {
            throw new IllegalArgumentException(String.format(
                    "the periodic box %.4g x %.4g m is too small for particles of radius up to %.4g m: it must be at "
                            + "least twice the interaction range (2 x (2 r_max + skin) = %.4g m) wide in x and y, so "
                            + "that every pair has one nearest periodic image",
                    box.lx(), box.ly(), rMax, 2 * cutoff));
        }
        ncx = Math.max(1, (int) Math.floor(box.lx() / cutoff));
        ncy = Math.max(1, (int) Math.floor(box.ly() / cutoff));
        double zMax = Double.NEGATIVE_INFINITY;
        zMin = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            zMin = Math.min(zMin, p.z[i]);
            zMax = Math.max(zMax, p.z[i]);
        }
        ncz = n == 0 ? 1 : (int) Math.floor((zMax - zMin) / cutoff) + 1;
        long cells = (long) ncx * ncy * ncz;
        if (cells > Integer.MAX_VALUE / 2) {
            throw new IllegalStateException("particles spread over " + (zMax - zMin) + " m in z: too many cells ("
                    + cells + "); a particle has probably escaped the domain");
        }
        if (cellHead.length < cells) {
            cellHead = new int[(int) Math.max(cells, cellHead.length * 3L / 2)];
        }
        Arrays.fill(cellHead, 0, (int) cells, -1);
        if (cellNext.length < n) {
            cellNext = new int[n + n / 2];
        }
        sx = ncx / box.lx();
        sy = ncy / box.ly();
        sz = 1.0 / cutoff;
        for (int i = 0; i < n; i++) {
            int c = cellOf(p.x[i], p.y[i], p.z[i], zMin, sx, sy, sz, ncx, ncy, ncz);
            cellNext[i] = cellHead[c];
            cellHead[c] = i;
        }
    }

    /**
     * Collects in {@code into} the particles j &gt; i whose centres are closer to i's than r_i + r_j + skin, from i's
     * cell and its neighbours (with fewer than 3 cells in x or y the offsets −1, 0, +1 wrap onto the same cell: each
     * cell is visited once).
     *
     * @return how many
     */
    int near(Particles p, PeriodicBox box, int i, double skin, Candidates into) {
        int spanX = Math.min(3, ncx);
        int spanY = Math.min(3, ncy);
        int found = 0;
        double xi = p.x[i];
        double yi = p.y[i];
        double zi = p.z[i];
        double ri = p.radius[i];
        int cx = Math.min(ncx - 1, (int) (xi * sx));
        int cy = Math.min(ncy - 1, (int) (yi * sy));
        int cz = Math.min(ncz - 1, (int) ((zi - zMin) * sz));
        for (int dz = -1; dz <= 1; dz++) {
            int czz = cz + dz;
            if (czz < 0 || czz >= ncz) {
                continue;
            }
            for (int dy = 0; dy < spanY; dy++) {
                int cyy = Math.floorMod(cy + dy - (spanY == 3 ? 1 : 0), ncy);
                for (int dx = 0; dx < spanX; dx++) {
                    int cxx = Math.floorMod(cx + dx - (spanX == 3 ? 1 : 0), ncx);
                    // each cell's list descends: it ends for i at the first j <= i
                    for (int j = cellHead[(czz * ncy + cyy) * ncx + cxx]; j > i; j = cellNext[j]) {
                        double ddx = box.imageX(xi - p.x[j]);
                        double ddy = box.imageY(yi - p.y[j]);
                        double ddz = zi - p.z[j];
                        double reach = ri + p.radius[j] + skin;
                        if (ddx * ddx + ddy * ddy + ddz * ddz < reach * reach) {
                            found = into.add(found, j);
                        }
                    }
                }
            }
        }
        return found;
    }

    private static int cellOf(double x, double y, double z, double zMin, double sx, double sy, double sz, int ncx,
                              int ncy, int ncz) {
        int cx = Math.min(ncx - 1, (int) (x * sx));
        int cy = Math.min(ncy - 1, (int) (y * sy));
        int cz = Math.min(ncz - 1, (int) ((z - zMin) * sz));
        return (cz * ncy + cy) * ncx + cx;
    }
}
