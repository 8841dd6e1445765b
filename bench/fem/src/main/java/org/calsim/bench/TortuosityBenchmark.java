package org.calsim.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.calsim.fem.conduction.SteadyConduction;

/**
 * Tortuosity benchmark (issue 4): the pore space of a face-centred cubic packing of touching spheres (4 × 4 × 4
 * unit cells) at n³ voxels; through-plane conduction by the solver of {@code fem.tortuosity}, stopped when τ
 * changes by less than 1e-4 relative: residual 1e-6 and a flux balance of 1e-5, checked against a second solve at 1e-6. Reports
 * seconds, iterations and heap. Arguments: {@code <n,…> <output file> <threads>}.
 */
public final class TortuosityBenchmark {
    private TortuosityBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "# calsim tortuosity benchmark, %s, %d cores, Java %s, max heap %d MiB%n"
                        + "# FCC sphere pore space, 4x4x4 cells, through-plane, periodic sides, PCG, %d threads%n"
                        + "voxels,preconditioner,porosity,tortuosity_factor,flux_tolerance,iterations,seconds,heap_MiB,"
                        + "tau_change_vs_previous_tolerance%n",
                java.time.Instant.now(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20, Integer.parseInt(args[2])));
        int threads = Integer.parseInt(args[2]);
        for (String s : args[0].split(",")) {
            int n = Integer.parseInt(s.trim());
            double[] sigma = fcc(n);
            double porosity = 0;
            for (double v : sigma) {
                porosity += v;
            }
            porosity /= sigma.length;
            for (SteadyConduction.Preconditioning preconditioning : SteadyConduction.Preconditioning.values()) {
                double previous = Double.NaN;
                for (double tolerance : new double[] {1e-5, 1e-6}) {
                    System.gc();
                    long t0 = System.nanoTime();
                    SteadyConduction.Result r = SteadyConduction.solve(new int[] {n, n, n}, sigma, 2,
                            new boolean[] {true, true, false},
                            new SteadyConduction.Settings(1e-6, tolerance, 1_000_000, threads, preconditioning));
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    long heap = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20;
                    double tau = porosity / r.effective();
                    String line = String.format(Locale.ROOT, "%d^3,%s,%.4f,%.6f,%.0e,%d,%.2f,%d,%.2e%n", n,
                            preconditioning.name().toLowerCase(Locale.ROOT), porosity, tau, tolerance,
                            r.iterations(), seconds, heap, Math.abs(tau - previous) / tau);
                    System.out.print(line);
                    out.append(line);
                    previous = tau;
                }
            }
        }
        Files.writeString(Path.of(args[1]), out.toString());
    }

    /** @return conductivity 1 in the pores, 0 in the spheres, of touching FCC spheres, 4 cells per edge */
    static double[] fcc(int n) {
        double cell = n / 4.0;
        double radius = cell / (2 * Math.sqrt(2));
        double[][] basis = {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}};
        double[] sigma = new double[n * n * n];
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    double x = (i + 0.5) / cell;
                    double y = (j + 0.5) / cell;
                    double z = (k + 0.5) / cell;
                    boolean solid = false;
                    for (double[] b : basis) {
                        double dx = x - b[0] - Math.floor(x - b[0] + 0.5);
                        double dy = y - b[1] - Math.floor(y - b[1] + 0.5);
                        double dz = z - b[2] - Math.floor(z - b[2] + 0.5);
                        solid |= (dx * dx + dy * dy + dz * dz) * cell * cell < radius * radius;
                    }
                    sigma[i + n * (j + n * k)] = solid ? 0 : 1;
                }
            }
        }
        return sigma;
    }
}
