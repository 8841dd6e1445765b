package org.calsim.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.calsim.api.testing.TestStageContext;
import org.calsim.fem.p2d.P2dStage;
import org.calsim.materials.Chen2020;

/**
 * P2D benchmark (issues 5 and 18): the six-rate sweep 0.2C, 0.5C, 1C, 2C, 3C, 5C of the LG M50 cell (Chen et al.
 * 2020) by {@code fem.p2d}, in process, at its default discretisation and on one refined in space (120 cells per
 * electrode, 48 shells): the first (cold) sweep and the best of the following warm ones,
 * beside PyBaMM's sweep timed in the same run ({@code pybamm_sweep.py}), and the capacities of all of them against
 * PyBaMM's converged DFN ({@code verify/pybamm/rates-results.txt}, 160 finite volumes per domain).
 * Arguments: {@code <output file> <repetitions> <PyBaMM sweep output> <verify/pybamm/rates-results.txt>}.
 */
public final class RateSweepBenchmark {
    private static final String[] RATES = {"0p2", "0p5", "1", "2", "3", "5"};
    private static final double[] C = {0.2, 0.5, 1, 2, 3, 5};
    /** LG M50 electrode area [cm²]: mAh/cm² to A h. */
    private static final double AREA_CM2 = 0.065 * 1.58 * 1e4;

    private RateSweepBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int repetitions = Integer.parseInt(args[1]);
        List<String> pybamm = Files.readAllLines(Path.of(args[2]));
        double[] converged = converged(Files.readAllLines(Path.of(args[3])));
        Map<String, Object> refined = new HashMap<>();
        refined.put("cells_per_region", 120);
        refined.put("particle_shells", 48);
        double[][] defaults = new double[3][];
        double[][] fine = new double[3][];
        time(Map.of(), repetitions, defaults);
        time(refined, Math.min(repetitions, 2), fine);
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "# P2D rate-sweep benchmark, %s, %d cores, Java %s, load average %s; command: bench/p2d/run.sh%n"
                        + "# Chen2020 (LG M50) full cell, constant-current discharges at 0.2 0.5 1 2 3 5C to 2.5 V%n"
                        + "# calsim: fem.p2d in process; PyBaMM: a pybamm.Simulation per rate (model build included),"
                        + " IDAKLU default tolerances%n"
                        + "sweep,cold seconds,warm seconds (best)%n",
                java.time.Instant.now(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), load()));
        out.append(String.format(Locale.ROOT, "calsim defaults (60 cells, 24 shells, 30 steps, 20 mV),%.3f,%.3f%n",
                defaults[0][0], defaults[0][1]));
        out.append(String.format(Locale.ROOT, "calsim refined (120 cells, 48 shells, 30 steps, 20 mV),%.3f,%.3f%n",
                fine[0][0], fine[0][1]));
        double[][] py = new double[pybamm.size()][];
        for (int k = 0; k < pybamm.size(); k++) {
            String[] f = pybamm.get(k).split(",");
            out.append(String.format(Locale.ROOT, "PyBaMM %s points per domain,%s,%s%n", f[0], f[1], f[2]));
            py[k] = new double[6];
            for (int r = 0; r < 6; r++) {
                py[k][r] = Double.parseDouble(f[3 + r]);
            }
        }
        out.append("# capacities [A h], and their difference from PyBaMM converged (160 points per domain)\n");
        out.append("C-rate,PyBaMM converged,calsim defaults,%,calsim refined,%");
        for (String line : pybamm) {
            out.append(",PyBaMM ").append(line.split(",")[0]).append(" points,%");
        }
        out.append('\n');
        for (int r = 0; r < 6; r++) {
            out.append(String.format(Locale.ROOT, "%g,%.4f", C[r], converged[r]));
            for (double v : new double[] {defaults[1][r], fine[1][r]}) {
                out.append(String.format(Locale.ROOT, ",%.4f,%+.2f", v, 100 * (v - converged[r]) / converged[r]));
            }
            for (double[] p : py) {
                out.append(String.format(Locale.ROOT, ",%.4f,%+.2f", p[r], 100 * (p[r] - converged[r]) / converged[r]));
            }
            out.append('\n');
        }
        System.out.print(out);
        Files.writeString(Path.of(args[0]), out.toString());
    }

    /** Fills result[0] = {cold, best warm} seconds and result[1] = capacities [A h] of the sweep with these settings. */
    private static void time(Map<String, Object> settings, int repetitions, double[][] result) throws Exception {
        Map<String, Object> with = new HashMap<>(settings);
        with.put("c_rates", List.of(0.2, 0.5, 1.0, 2.0, 3.0, 5.0));
        double cold = Double.NaN;
        double best = Double.POSITIVE_INFINITY;
        TestStageContext last = null;
        for (int k = 0; k <= repetitions; k++) {
            long t0 = System.nanoTime();
            last = new TestStageContext().material(new Chen2020()).run(new P2dStage(), with);
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (k == 0) {
                cold = seconds;
            } else {
                best = Math.min(best, seconds);
            }
        }
        result[0] = new double[] {cold, best};
        result[1] = new double[6];
        for (int r = 0; r < 6; r++) {
            result[1][r] = last.sink().get("capacity_" + RATES[r] + "C_mAh_per_cm2") * AREA_CM2 / 1000;
        }
    }

    /** @return the 1-minute load average (other jobs on the machine), or "unknown" */
    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** @return the capacities of the finest mesh in verify/pybamm/rates-results.txt */
    private static double[] converged(List<String> table) throws IOException {
        String finest = null;
        for (String line : table) {
            if (!line.startsWith("#") && !line.startsWith("points") && !line.isBlank()) {
                finest = line;
            }
        }
        if (finest == null) {
            throw new IOException("no capacities in verify/pybamm/rates-results.txt");
        }
        String[] f = finest.split(",");
        double[] c = new double[6];
        for (int r = 0; r < 6; r++) {
            c[r] = Double.parseDouble(f[1 + r]);
        }
        return c;
    }
}
