package org.calsim.dem.engine;

import java.util.Arrays;

/**
 * An order of the particles by neighbour cell (z, then y, then x), so that particles close in space are close in
 * memory and a contact's two particles share cache lines — the LIGGGHTS {@code atom_modify sort}. Cells are cubes of
 * the interaction range 2 r_max + skin [m], counted in x and y over the periodic box and in z from the lowest
 * particle; within a cell the particles keep their order.
 */
final class CellOrder {
    private CellOrder() {
    }

    /**
     * @param cell cell side [m]
     * @return the order: new index k holds the particle that had index {@code order[k]}
     */
    static int[] of(Particles particles, PeriodicBox box, double cell) {
        int n = particles.size;
        int ncx = Math.max(1, (int) (box.lx() / cell));
        int ncy = Math.max(1, (int) (box.ly() / cell));
        double zMin = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            zMin = Math.min(zMin, particles.z[i]);
        }
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            long cx = Math.min(ncx - 1, (int) (particles.x[i] / box.lx() * ncx));
            long cy = Math.min(ncy - 1, (int) (particles.y[i] / box.ly() * ncy));
            long cz = (long) ((particles.z[i] - zMin) / cell);
            keys[i] = (((cz * ncy + cy) * ncx + cx) << 24) | i; // cell, then the old index (stable, unique)
        }
        if (n >= (1 << 24)) {
            throw new IllegalStateException("sorting supports up to 16,777,215 particles");
        }
        Arrays.sort(keys);
        int[] order = new int[n];
        for (int k = 0; k < n; k++) {
            order[k] = (int) (keys[k] & 0xFFFFFF);
        }
        return order;
    }
}
