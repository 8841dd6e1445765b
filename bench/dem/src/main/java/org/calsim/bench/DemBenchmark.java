package org.calsim.bench;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.calsim.api.contact.PairProperties;
import org.calsim.dem.contact.HertzMindlinLaw;
import org.calsim.dem.engine.DemEngine;
import org.calsim.dem.engine.Particles;
import org.calsim.dem.engine.PeriodicBox;
import org.calsim.dem.engine.PlaneWall;

/**
 * The DEM benchmark of issue 3, the same case as bench/liggghts/in.bench: 10,000 spheres (r = 3/5/8 mm,
 * 60/34/6 % by number), ρ = 4650 kg/m³, E = 5e7 Pa, ν = 0.3, e = 0.3, μ = 0.3, Hertz–Mindlin with history,
 * box 0.25 × 0.25 m periodic in x and y, collector plane at z = 0, gravity, and a top plate moving down at
 * 0.1 m/s, Δt = 1e-5 s, skin 2 mm. Both codes start from the packing LIGGGHTS settled
 * ({@code bench/liggghts/settled.dump}), so the timed compression phase is the same physical run.
 *
 * <p>Arguments: {@code <settled.dump> <steps> <threads,…> <tiles> <output file>}; {@code tiles} > 1 repeats the
 * packing tiles × tiles times in x and y (for the memory figure at 10⁶ particles). Each entry of the threads list is
 * one engine, run one after the other in this JVM: the first runs on code the JIT compiler has not yet shaped (a
 * command-line job's DEM stage), a later one in a warm JVM (a lab server's later jobs). Each row gives the engine's
 * place in the JVM and the milliseconds the JIT compilers spent during its timed steps
 * ({@link CompilationMXBean#getTotalCompilationTime()}): on two cores and two threads that time is taken from the
 * workers.
 */
public final class DemBenchmark {
    private DemBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path dump = Path.of(args[0]);
        int steps = Integer.parseInt(args[1]);
        String[] threadList = args[2].split(",");
        int tiles = Integer.parseInt(args[3]);
        Path out = Path.of(args[4]);
        List<double[]> spheres = read(dump);
        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "# calsim DEM benchmark, %s, %d cores, Java %s, max heap %d MiB%n",
                java.time.Instant.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20));
        report.append("threads,particles,steps,wall_s,particle_steps_per_s,per_thread,neighbour_builds,"
                + "heap_bytes_per_particle,engine_estimate_bytes_per_particle,plate_force_N,engine_in_jvm,jit_ms\n");
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        boolean jitTimed = jit != null && jit.isCompilationTimeMonitoringSupported();
        for (int k = 0; k < threadList.length; k++) {
            int threads = Integer.parseInt(threadList[k].trim());
            System.gc();
            long heapBefore = usedHeap();
            DemEngine engine = build(spheres, tiles, threads);
            PlaneWall plate = (PlaneWall) engine.walls().get(1);
            engine.initialise();
            System.gc();
            long heapAfter = usedHeap();
            int n = engine.particles().size();
            int warm = Math.min(steps / 10, 1000);
            engine.run(warm);
            long jit0 = jitTimed ? jit.getTotalCompilationTime() : 0;
            long t0 = System.nanoTime();
            engine.run(steps);
            double seconds = (System.nanoTime() - t0) / 1e9;
            long jitMs = jitTimed ? jit.getTotalCompilationTime() - jit0 : -1;
            double rate = (double) n * steps / seconds;
            String line = String.format(Locale.ROOT, "%d,%d,%d,%.3f,%.4g,%.4g,%d,%.0f,%.0f,%.6g,%d,%d%n", threads, n,
                    steps, seconds, rate, rate / threads, engine.neighbourBuilds(), (double) (heapAfter - heapBefore) / n,
                    engine.bytesPerParticle(), plate.forceZ(), k + 1, jitMs);
            System.out.print(line);
            report.append(line);
            engine.close();
        }
        Files.writeString(out, report.toString());
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    /** Reads "id type x y z radius" rows of a LIGGGHTS dump. */
    static List<double[]> read(Path dump) throws IOException {
        List<double[]> rows = new ArrayList<>();
        boolean atoms = false;
        for (String line : Files.readAllLines(dump)) {
            if (line.startsWith("ITEM: ATOMS")) {
                atoms = true;
                continue;
            }
            if (atoms && !line.isBlank()) {
                String[] f = line.trim().split("\\s+");
                rows.add(new double[] {Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4]),
                    Double.parseDouble(f[5])});
            }
        }
        return rows;
    }

    static DemEngine build(List<double[]> spheres, int tiles, int threads) {
        double l = 0.25;
        PairProperties pp = PairProperties.mix(5e7, 0.3, 5e7, 0.3, 0.3, 0.3, 0, 0, Double.POSITIVE_INFINITY);
        Particles p = new Particles(spheres.size() * tiles * tiles);
        double top = 0;
        for (int a = 0; a < tiles; a++) {
            for (int b = 0; b < tiles; b++) {
                for (double[] s : spheres) {
                    p.add(s[0] + a * l, s[1] + b * l, s[2], s[3], 4650, 0);
                    top = Math.max(top, s[2] + s[3]);
                }
            }
        }
        DemEngine engine = new DemEngine(p, new PeriodicBox(l * tiles, l * tiles), 1, new PairProperties[] {pp},
                new HertzMindlinLaw(), threads);
        engine.addWall(new PlaneWall("bottom", 0, true, new PairProperties[] {pp}));
        PlaneWall plate = new PlaneWall("plate", top + 0.001, false, new PairProperties[] {pp});
        plate.setVelocity(-0.1);
        engine.addWall(plate);
        engine.setGravity(-9.81);
        engine.setTimeStep(1e-5);
        engine.setSkin(0.002);
        engine.setMaxOverlapFraction(0.5);
        engine.sortParticles();
        return engine;
    }
}
