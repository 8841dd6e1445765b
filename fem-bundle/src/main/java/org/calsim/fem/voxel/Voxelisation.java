package org.calsim.fem.voxel;

import java.util.Arrays;
import org.calsim.api.structure.ParticlePacking;

/** The voxel operations of {@link Voxeliser}: painting spheres and growing CBD around AM contacts. */
final class Voxelisation {
    static final byte PORE = 0;
    static final byte AM = 1;
    static final byte CBD = 2;
    /** The collector's id among the "nearest surfaces". */
    private static final int COLLECTOR = -2;

    private Voxelisation() {
    }

    /**
     * Paints every sphere whose centre-in test passes: AM (type 0) always, other types as CBD when
     * {@code withCbd}; AM wins over CBD. Periodic in x and y; voxels above nz or below 0 are cut off.
     */
    static void spheres(ParticlePacking p, int nx, int ny, int nz, double h, byte[] labels, boolean withCbd) {
        for (int pass = 0; pass < 2; pass++) { // CBD first, AM over it
            for (int s = 0; s < p.size(); s++) {
                boolean am = p.type()[s] == 0;
                if ((pass == 0) == am || (!am && !withCbd)) {
                    continue;
                }
                byte label = am ? AM : CBD;
                double r = p.radius()[s];
                double cx = p.x()[s] / h;
                double cy = p.y()[s] / h;
                double cz = p.z()[s] / h;
                double rv = r / h;
                int k0 = Math.max(0, (int) Math.floor(cz - rv));
                int k1 = Math.min(nz - 1, (int) Math.ceil(cz + rv));
                for (int k = k0; k <= k1; k++) {
                    double dz = k + 0.5 - cz;
                    for (int jj = (int) Math.floor(cy - rv); jj <= (int) Math.ceil(cy + rv); jj++) {
                        double dy = jj + 0.5 - cy;
                        int j = Math.floorMod(jj, ny);
                        for (int ii = (int) Math.floor(cx - rv); ii <= (int) Math.ceil(cx + rv); ii++) {
                            double dx = ii + 0.5 - cx;
                            if (dx * dx + dy * dy + dz * dz < rv * rv) {
                                labels[Math.floorMod(ii, nx) + nx * (j + ny * k)] = label;
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * Turns the pore voxels with the smallest d₁ + d₂ (distances to the two nearest surfaces — AM particles or the
     * current collector at z = 0 — looked for within the largest AM radius) into CBD until the CBD volume
     * fraction reaches {@code fraction}.
     */
    static void cbdAroundContacts(ParticlePacking p, int nx, int ny, int nz, double h, byte[] labels,
                                  double fraction) {
        int total = labels.length;
        double rMax = 0;
        for (int s = 0; s < p.size(); s++) {
            if (p.type()[s] == 0) {
                rMax = Math.max(rMax, p.radius()[s]);
            }
        }
        double reach = rMax / h; // search distance from a surface, in voxels
        float[] d1 = new float[total];
        float[] d2 = new float[total];
        int[] nearest = new int[total];
        Arrays.fill(d1, Float.POSITIVE_INFINITY);
        Arrays.fill(d2, Float.POSITIVE_INFINITY);
        Arrays.fill(nearest, -1);
        for (int s = 0; s < p.size(); s++) {
            if (p.type()[s] == 0) {
                particleDistances(p, s, nx, ny, nz, h, labels, reach, d1, d2, nearest);
            }
        }
        // the current collector (z = 0) is a surface too: binder wets it and bridges particles to it
        int layer = nx * ny;
        for (int k = 0; k < nz && k + 0.5 <= reach; k++) {
            float d = (float) (k + 0.5);
            for (int v = k * layer; v < (k + 1) * layer; v++) {
                if (labels[v] == PORE) {
                    closer(v, d, COLLECTOR, d1, d2, nearest);
                }
            }
        }
        int target = (int) Math.round(fraction * total);
        int pores = 0;
        for (byte b : labels) {
            if (b == PORE) {
                pores++;
            }
        }
        target = Math.min(target, pores);
        if (target == 0) {
            return;
        }
        // rank pore voxels by d1 + d2 (voxels seeing fewer than two particles rank by 2 d1 + reach, after the
        // necks), ties by index: deterministic
        long[] keys = new long[pores];
        int c = 0;
        for (int v = 0; v < total; v++) {
            if (labels[v] == PORE) {
                float score = Float.isInfinite(d2[v]) ? (Float.isInfinite(d1[v]) ? Float.MAX_VALUE
                        : (float) (2 * d1[v] + reach)) : d1[v] + d2[v];
                keys[c++] = ((long) Float.floatToIntBits(Math.max(score, 0f)) << 32) | v;
            }
        }
        Arrays.sort(keys);
        for (int t = 0; t < target; t++) {
            labels[(int) (keys[t] & 0xFFFFFFFFL)] = CBD;
        }
    }

    /**
     * Offers the distance from the surface of AM particle {@code s} to every pore voxel within {@code reach} voxels
     * of it ({@link #closer}).
     */
    private static void particleDistances(ParticlePacking p, int s, int nx, int ny, int nz, double h, byte[] labels,
                                          double reach, float[] d1, float[] d2, int[] nearest) {
        double cx = p.x()[s] / h;
        double cy = p.y()[s] / h;
        double cz = p.z()[s] / h;
        double rv = p.radius()[s] / h;
        double outer = rv + reach;
        int k0 = Math.max(0, (int) Math.floor(cz - outer));
        int k1 = Math.min(nz - 1, (int) Math.ceil(cz + outer));
        for (int k = k0; k <= k1; k++) {
            double dz = k + 0.5 - cz;
            for (int jj = (int) Math.floor(cy - outer); jj <= (int) Math.ceil(cy + outer); jj++) {
                double dy = jj + 0.5 - cy;
                int j = Math.floorMod(jj, ny);
                for (int ii = (int) Math.floor(cx - outer); ii <= (int) Math.ceil(cx + outer); ii++) {
                    double dx = ii + 0.5 - cx;
                    int v = Math.floorMod(ii, nx) + nx * (j + ny * k);
                    if (labels[v] != PORE) {
                        continue;
                    }
                    float d = (float) (Math.sqrt(dx * dx + dy * dy + dz * dz) - rv);
                    if (d > reach || nearest[v] == s) {
                        continue;
                    }
                    closer(v, d, s, d1, d2, nearest);
                }
            }
        }
    }

    /**
     * Keeps the two smallest distances of voxel {@code v} to a surface: {@code d} from {@code surface} becomes the
     * nearest (d₁, the old one moving to d₂) or the second nearest.
     */
    private static void closer(int v, float d, int surface, float[] d1, float[] d2, int[] nearest) {
        if (d < d1[v]) {
            d2[v] = d1[v];
            d1[v] = d;
            nearest[v] = surface;
        } else if (d < d2[v]) {
            d2[v] = d;
        }
    }
}
