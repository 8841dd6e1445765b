package org.calsim.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.SplittableRandom;
import org.calsim.fem.conduction.SteadyConduction;

/**
 * Scan-size benchmark (issue 19): the tortuosity factor through the plane (z; x and y periodic) and in the plane
 * (x; y periodic, no flux at z = 0 and z = n) of an n³ two-phase image made in-process: overlapping spheres of
 * radius n/32 placed uniformly at random (seed 19) in the periodic cube until the pore porosity is about 0.40
 * (the same geometry at every n, so times and τ can be compared across sizes). Solver settings are
 * {@code fem.tortuosity}'s defaults: relative residual 1e-6, flux balance 1e-5, multigrid, the given threads.
 * Per direction it appends size, seconds, iterations, peak heap (the sum of the heap memory pools' peak usage
 * since the start of that solve, the image included: an upper bound of the live peak), the solver's own estimate
 * ({@link SteadyConduction#memoryNeeded}, the image excluded) and τ to the results file.
 * Arguments: {@code <n> <threads> <results file> [<label> [<raw file>]]}; with a raw file it also writes the image
 * there (one byte per voxel, 1 pore, 0 solid, x fastest), for TauFactor beside it ({@code taufactor_scan.py}).
 */
public final class ScanSizeBenchmark {
    private ScanSizeBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int n = Integer.parseInt(args[0]);
        int threads = Integer.parseInt(args[1]);
        Path out = Path.of(args[2]);
        long t0 = System.nanoTime();
        byte[] labels = spheres(n, 19);
        double generate = (System.nanoTime() - t0) / 1e9;
        long pores = 0;
        for (byte b : labels) {
            pores += b == 0 ? 1 : 0;
        }
        double porosity = pores / (double) labels.length;
        if (args.length > 4) {
            byte[] pore = new byte[labels.length];
            for (int v = 0; v < labels.length; v++) {
                pore[v] = (byte) (labels[v] == 0 ? 1 : 0);
            }
            Files.write(Path.of(args[4]), pore);
        }
        if (!Files.exists(out)) {
            Files.writeString(out, String.format(Locale.ROOT, "# calsim scan-size benchmark (bench/fem/scan-size.sh): "
                    + "overlapping spheres of radius n/32, seed 19, pore porosity ~0.40; residual 1e-6, flux 1e-5, "
                    + "multigrid%nversion,date,cores,threads,max_heap_MiB,voxels,porosity,direction,seconds,"
                    + "iterations,peak_heap_MiB,estimated_heap_MiB,tortuosity_factor%n"));
        }
        System.out.printf(Locale.ROOT, "%d^3: image made in %.1f s, porosity %.4f%n", n, generate, porosity);
        int[] dims = {n, n, n};
        String[] names = {"through", "in-plane"};
        int[] axes = {2, 0};
        boolean[][] periodic = {{true, true, false}, {false, true, false}};
        double[] sigma = {1, 0};
        long needed = SteadyConduction.memoryNeeded(dims, pores, SteadyConduction.Preconditioning.MULTIGRID);
        for (int d = 0; d < 2; d++) {
            System.gc();
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                pool.resetPeakUsage();
            }
            long start = System.nanoTime();
            SteadyConduction.Result r = SteadyConduction.solve(dims, labels, sigma, axes[d], periodic[d],
                    new SteadyConduction.Settings(1e-6, 1e-5, 100_000, threads));
            double seconds = (System.nanoTime() - start) / 1e9;
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            String line = String.format(Locale.ROOT, "%s,%s,%d,%d,%d,%d^3,%.4f,%s,%.2f,%d,%d,%d,%.6f%n",
                    args.length > 3 ? args[3] : "dev", java.time.Instant.now(),
                    Runtime.getRuntime().availableProcessors(), threads, Runtime.getRuntime().maxMemory() >> 20, n,
                    porosity, names[d], seconds, r.iterations(), peak >> 20, needed >> 20, porosity / r.effective());
            System.out.print(line);
            Files.writeString(out, line, StandardOpenOption.APPEND);
        }
    }

    /**
     * @return labels (0 pore, 1 solid) of n³ voxels: overlapping spheres of radius n/32 at uniformly random
     *         centres in the periodic cube, as many as make the expected porosity exp(−ρV) = 0.40
     */
    static byte[] spheres(int n, long seed) {
        double radius = n / 32.0;
        double volume = 4 * Math.PI / 3 * radius * radius * radius;
        int count = (int) Math.round(-Math.log(0.40) * (double) n * n * n / volume);
        SplittableRandom random = new SplittableRandom(seed);
        byte[] labels = new byte[n * n * n];
        int reach = (int) Math.ceil(radius);
        for (int s = 0; s < count; s++) {
            double cx = random.nextDouble() * n;
            double cy = random.nextDouble() * n;
            double cz = random.nextDouble() * n;
            for (int dk = -reach - 1; dk <= reach; dk++) {
                int k = (int) Math.floor(cz) + dk;
                double z = k + 0.5 - cz;
                for (int dj = -reach - 1; dj <= reach; dj++) {
                    int j = (int) Math.floor(cy) + dj;
                    double y = j + 0.5 - cy;
                    double r2 = radius * radius - z * z - y * y;
                    if (r2 < 0) {
                        continue;
                    }
                    int row = n * (Math.floorMod(j, n) + n * Math.floorMod(k, n));
                    for (int di = -reach - 1; di <= reach; di++) {
                        int i = (int) Math.floor(cx) + di;
                        double x = i + 0.5 - cx;
                        if (x * x < r2) {
                            labels[row + Math.floorMod(i, n)] = 1;
                        }
                    }
                }
            }
        }
        return labels;
    }
}
