package org.calsim.dem.calendering;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.calsim.dem.engine.Particles;

/**
 * Random sequential insertion of spheres without overlap into a periodic column above z = 0, largest first.
 * The column height is chosen for a solid fraction of 0.3 and grows by 10 % whenever a sphere finds no room
 * in 200 attempts. Overlap checks use a uniform grid of cell size 2 r_max, so insertion costs O(N).
 */
final class RandomInsertion {
    private static final double FILL = 0.3;
    private static final int ATTEMPTS = 200;

    private RandomInsertion() {
    }

    /**
     * @param radius  radii [m]
     * @param type    material types
     * @param density density per type [kg/m³]
     * @return particles at rest, in the order inserted (largest first)
     */
    static Particles insert(double[] radius, int[] type, double[] density, double lx, double ly,
                            SplittableRandom random) {
        int n = radius.length;
        Integer[] order = new Integer[n];
        double volume = 0;
        double rMax = 0;
        for (int i = 0; i < n; i++) {
            order[i] = i;
            volume += 4.0 / 3.0 * Math.PI * radius[i] * radius[i] * radius[i];
            rMax = Math.max(rMax, radius[i]);
        }
        Arrays.sort(order, (a, b) -> Double.compare(radius[b], radius[a]));
        double height = Math.max(4 * rMax, volume / (FILL * lx * ly));
        Particles p = new Particles(n);
        double cell = 2 * rMax;
        int ncx = Math.max(1, (int) (lx / cell));
        int ncy = Math.max(1, (int) (ly / cell));
        Map<Long, int[]> grid = new HashMap<>();
        int[] counts = new int[0];
        for (int k = 0; k < n; k++) {
            int i = order[k];
            double r = radius[i];
            boolean placed = false;
            while (!placed) {
                for (int attempt = 0; attempt < ATTEMPTS && !placed; attempt++) {
                    double x = random.nextDouble() * lx;
                    double y = random.nextDouble() * ly;
                    double z = r + random.nextDouble() * (height - 2 * r);
                    if (free(p, grid, x, y, z, r, lx, ly, cell, ncx, ncy)) {
                        int index = p.add(x, y, z, r, density[type[i]], type[i]);
                        long key = key((int) (x / lx * ncx) % ncx, (int) (y / ly * ncy) % ncy, (int) (z / cell));
                        int[] bucket = grid.get(key);
                        bucket = bucket == null ? new int[] {index} : append(bucket, index);
                        grid.put(key, bucket);
                        placed = true;
                    }
                }
                if (!placed) {
                    height *= 1.1;
                }
            }
        }
        return p;
    }

    private static int[] append(int[] a, int v) {
        int[] b = Arrays.copyOf(a, a.length + 1);
        b[a.length] = v;
        return b;
    }

    private static long key(int cx, int cy, int cz) {
        return ((long) cz * 1_000_003L + cy) * 1_000_003L + cx;
    }

    private static boolean free(Particles p, Map<Long, int[]> grid, double x, double y, double z, double r,
                                double lx, double ly, double cell, int ncx, int ncy) {
        int cx = (int) (x / lx * ncx) % ncx;
        int cy = (int) (y / ly * ncy) % ncy;
        int cz = (int) (z / cell);
        for (int dz = -1; dz <= 1; dz++) {
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    int[] bucket = grid.get(key(Math.floorMod(cx + dx, ncx), Math.floorMod(cy + dy, ncy), cz + dz));
                    if (bucket == null) {
                        continue;
                    }
                    for (int j : bucket) {
                        double ex = x - p.x(j);
                        ex -= lx * Math.rint(ex / lx);
                        double ey = y - p.y(j);
                        ey -= ly * Math.rint(ey / ly);
                        double ez = z - p.z(j);
                        double reach = r + p.radius(j);
                        if (ex * ex + ey * ey + ez * ez < reach * reach) {
                            return false;
                        }
                    }
                }
            }
        }
        return true;
    }
}
