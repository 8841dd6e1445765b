package org.calsim.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.calsim.cfd.lattice.Permeability;

/**
 * Lattice Boltzmann benchmark (issue 6): million fluid-lattice updates per second (MLUPS) of the D3Q19 TRT
 * solver of {@code cfd.permeability} on a 128³ image of a random pack of overlapping spheres (radius 8 voxels,
 * porosity about 0.4, periodic), flow along z, on 1 and 2 threads. The loop alone is timed: the difference of a
 * 400-step and a 100-step run (set-up cancels). Arguments: {@code <output file>}.
 */
public final class LbmBenchmark {
    private LbmBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = 128;
        boolean[] solid = spheres(n, 8, 0.4);
        int fluid = 0;
        for (boolean s : solid) {
            fluid += s ? 0 : 1;
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "# calsim LBM benchmark, %s, %d cores, Java %s, max heap %d MiB%n"
                        + "# 128^3 random overlapping spheres (r = 8 voxels), porosity %.3f, %d fluid nodes, D3Q19 TRT,"
                        + " pull scheme, flow along z%n"
                        + "threads,MLUPS,seconds_per_300_steps%n",
                java.time.Instant.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20, fluid / (double) solid.length, fluid));
        for (int threads : new int[] {1, 2}) {
            time(n, solid, 50, threads); // warm-up
            double short100 = time(n, solid, 100, threads);
            double long400 = time(n, solid, 400, threads);
            double seconds = long400 - short100;
            String line = String.format(Locale.ROOT, "%d,%.1f,%.2f%n", threads, fluid * 300.0 / seconds / 1e6, seconds);
            System.out.print(line);
            out.append(line);
        }
        Files.writeString(Path.of(args[0]), out.toString());
    }

    private static double time(int n, boolean[] solid, int steps, int threads) throws InterruptedException {
        long t0 = System.nanoTime();
        Permeability.solve(new int[] {n, n, n}, solid, 2, new boolean[] {true, true, true}, 0.6, 1e-30, steps,
                steps, threads, (f, c) -> { });
        return (System.nanoTime() - t0) / 1e9;
    }

    /** @return overlapping spheres of the given radius placed at random until the porosity falls to the target */
    static boolean[] spheres(int n, double radius, double porosity) {
        boolean[] solid = new boolean[n * n * n];
        SplittableRandom random = new SplittableRandom(7);
        int open = solid.length;
        int r = (int) Math.ceil(radius);
        while (open > porosity * solid.length) {
            double cx = random.nextDouble() * n;
            double cy = random.nextDouble() * n;
            double cz = random.nextDouble() * n;
            for (int z = (int) cz - r; z <= (int) cz + r; z++) {
                for (int y = (int) cy - r; y <= (int) cy + r; y++) {
                    for (int x = (int) cx - r; x <= (int) cx + r; x++) {
                        double dx = x + 0.5 - cx;
                        double dy = y + 0.5 - cy;
                        double dz = z + 0.5 - cz;
                        if (dx * dx + dy * dy + dz * dz < radius * radius) {
                            int v = Math.floorMod(x, n) + n * (Math.floorMod(y, n) + n * Math.floorMod(z, n));
                            if (!solid[v]) {
                                solid[v] = true;
                                open--;
                            }
                        }
                    }
                }
            }
        }
        return solid;
    }
}
