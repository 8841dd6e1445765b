package org.calsim.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.calsim.api.testing.TestStageContext;
import org.calsim.fem.p2d.P2dStage;
import org.calsim.materials.Chen2020;

/**
 * P2D benchmark (issue 5): the six-rate sweep 0.2C, 0.5C, 1C, 2C, 3C, 5C of the LG M50 cell (Chen et al. 2020)
 * by {@code fem.p2d} with its default discretisation (20 cells per electrode, 10 in the separator, 12 shells,
 * at least 100 steps per nominal duration, 5 mV per step), run in process: the first (cold) sweep and the best of
 * the following warm ones. Arguments: {@code <output file> <repetitions>}.
 */
public final class RateSweepBenchmark {
    private RateSweepBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int repetitions = Integer.parseInt(args[1]);
        double cold = Double.NaN;
        double best = Double.POSITIVE_INFINITY;
        TestStageContext last = null;
        for (int k = 0; k <= repetitions; k++) {
            long t0 = System.nanoTime();
            last = new TestStageContext().material(new Chen2020()).run(new P2dStage(),
                    Map.of("c_rates", List.of(0.2, 0.5, 1.0, 2.0, 3.0, 5.0)));
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (k == 0) {
                cold = seconds;
            } else {
                best = Math.min(best, seconds);
            }
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "# calsim P2D rate-sweep benchmark, %s, %d cores, Java %s%n"
                        + "# Chen2020 (LG M50) full cell, fem.p2d defaults, C-rates 0.2 0.5 1 2 3 5, in process%n"
                        + "sweep,seconds%ncold (first in the JVM),%.3f%nwarm (best of %d),%.3f%n",
                java.time.Instant.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                cold, repetitions, best));
        out.append("# capacities [mAh/cm2]:");
        for (String rate : new String[] {"0p2", "0p5", "1", "2", "3", "5"}) {
            out.append(String.format(Locale.ROOT, " %sC %.4f", rate,
                    last.sink().get("capacity_" + rate + "C_mAh_per_cm2")));
        }
        out.append(System.lineSeparator());
        System.out.print(out);
        write(Path.of(args[0]), out.toString());
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text);
    }
}
