package org.calsim.dem.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.calsim.api.contact.PairProperties;
import org.calsim.dem.contact.HertzMindlinLaw;
import org.calsim.parallel.WorkerTeam;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 §5 item 4: the linked-cell {@link NeighbourList} against a brute-force O(N²) search with the minimum
 * image, on random polydisperse spheres in a periodic box, over several rebuilds with the particles moving.
 *
 * <p>Reference: the list must hold every pair i &lt; j whose minimum-image centre distance is below
 * r_i + r_j + skin, exactly once, and nothing else (the list's contract, see its javadoc); the brute force
 * evaluates the same floating-point expression (same minimum-image function, same comparison {@code d² < reach²}),
 * so the two sets must be identical: no tolerance is involved. Pairs within a relative 1e-12 of the reach would be
 * decided by rounding only if the two searches computed d² differently; they do not, and the sets are compared
 * exactly.
 */
class NeighbourListBruteForceTest {

    /** Brute force: all pairs i &lt; j within r_i + r_j + skin (minimum image), as "i,j" keys. */
    static TreeSet<Long> bruteForce(Particles p, PeriodicBox box, double skin) {
        TreeSet<Long> pairs = new TreeSet<>();
        for (int i = 0; i < p.size; i++) {
            for (int j = i + 1; j < p.size; j++) {
                double dx = box.imageX(p.x[i] - p.x[j]);
                double dy = box.imageY(p.y[i] - p.y[j]);
                double dz = p.z[i] - p.z[j];
                double reach = p.radius[i] + p.radius[j] + skin;
                if (dx * dx + dy * dy + dz * dz < reach * reach) {
                    pairs.add(key(i, j));
                }
            }
        }
        return pairs;
    }

    static long key(int i, int j) {
        return ((long) i << 32) | j;
    }

    /** The list's pairs, checking the layout on the way: i &lt; j, partners strictly ascending (so no duplicate). */
    static TreeSet<Long> listed(NeighbourList list, int n) {
        TreeSet<Long> pairs = new TreeSet<>();
        assertEquals(0, list.start[0]);
        assertEquals(list.entries, list.start[n], "start[n] = number of entries");
        for (int i = 0; i < n; i++) {
            int previous = i;
            for (int k = list.start[i]; k < list.start[i + 1]; k++) {
                int j = list.partner[k];
                assertTrue(j > previous, "partners of " + i + " ascending and > i (entry " + k + ", partner " + j + ")");
                previous = j;
                assertTrue(pairs.add(key(i, j)), "pair listed once");
            }
        }
        return pairs;
    }

    /** Random polydisperse spheres (r in [0.4, 1.6] r0) anywhere in the box, z over a few cutoffs. */
    static Particles random(int n, double lx, double ly, double height, double r0, long seed) {
        Particles p = new Particles(n);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            p.add(random.nextDouble() * lx, random.nextDouble() * ly, random.nextDouble() * height,
                    r0 * (0.4 + 1.2 * random.nextDouble()), 2500, 0);
        }
        return p;
    }

    /**
     * Direct builds: after each build the particles make a random move of up to 0.6 r0 per axis (more than the
     * half skin, as a rebuild in the engine would follow such a move), wrapped into the box, and the list is
     * rebuilt; 8 rebuilds per box. Boxes: 2 cells in x (the offsets −1, 0, +1 wrap onto the same cell), a
     * non-square box with 3 × 5 cells, and a larger one. Each pair's history is stamped with a code before a
     * rebuild; pairs listed before and after keep it (the carry-over the list promises), new pairs start at 0. The
     * builds search on 1, 2 or 3 workers (the entries of the workers above the first placed after the count).
     */
    @ParameterizedTest
    @CsvSource({"2.3, 2.6, 60, 1", "3.4, 5.2, 150, 3", "6.5, 6.5, 500, 1", "6.5, 6.5, 500, 2"})
    void everyPairWithinReachIsListedOnceAfterRebuilds(double cellsX, double cellsY, int n, int threads) {
        double r0 = 1e-3;
        double skin = 0.3 * r0;
        double cutoff = 2 * 1.6 * r0 + skin;
        double lx = cellsX * cutoff;
        double ly = cellsY * cutoff;
        Particles p = random(n, lx, ly, 3 * cutoff, r0, 42 + n);
        PeriodicBox box = new PeriodicBox(lx, ly);
        NeighbourList list = new NeighbourList();
        list.resetHistory(1);
        SplittableRandom random = new SplittableRandom(7);
        int across = 0;
        Map<Long, Double> stamped = new HashMap<>();
        WorkerTeam team = new WorkerTeam(threads, "list-test");
        for (int build = 0; build < 9; build++) {
            list.build(p, box, skin, null, false, team);
            TreeSet<Long> expected = bruteForce(p, box, skin);
            TreeSet<Long> got = listed(list, p.size);
            assertEquals(expected, got, "build " + build + ": list against brute force");
            assertTrue(expected.size() > n / 2, "the test has pairs to find: " + expected.size());
            // history carried over for pairs present before and after
            for (int i = 0; i < p.size; i++) {
                for (int k = list.start[i]; k < list.start[i + 1]; k++) {
                    long key = key(i, list.partner[k]);
                    Double code = stamped.get(key);
                    assertEquals(code == null ? 0.0 : code, list.history[k], 0.0, "history of pair " + i + ","
                            + list.partner[k] + " at build " + build);
                }
            }
            stamped.clear();
            for (int i = 0; i < p.size; i++) {
                for (int k = list.start[i]; k < list.start[i + 1]; k++) {
                    double code = 1 + i * 100_000.0 + list.partner[k];
                    list.history[k] = code;
                    list.touching[k] = 1;
                    stamped.put(key(i, list.partner[k]), code);
                }
            }
            // count pairs that interact through a periodic boundary (the minimum image matters)
            for (long key : expected) {
                int i = (int) (key >>> 32);
                int j = (int) key;
                if (Math.abs(p.x[i] - p.x[j]) > 0.5 * lx || Math.abs(p.y[i] - p.y[j]) > 0.5 * ly) {
                    across++;
                }
            }
            for (int i = 0; i < p.size; i++) {
                p.x[i] = box.wrapX(p.x[i] + 0.6 * r0 * (2 * random.nextDouble() - 1));
                p.y[i] = box.wrapY(p.y[i] + 0.6 * r0 * (2 * random.nextDouble() - 1));
                p.z[i] += 0.6 * r0 * (2 * random.nextDouble() - 1);
            }
        }
        team.close();
        assertTrue(across > 0, "some pairs are found only through the periodic image");
    }

    /**
     * Through the engine: polydisperse spheres in free flight (no gravity, no walls, frictionless e = 1 contacts),
     * random velocities; every time the engine rebuilds its list (a particle moved more than half the skin) the list
     * must equal the brute-force set at the positions of that build (the drift of the step is the last position
     * change before the end of the step, so the positions at the end of the step are those of the build).
     */
    @Test
    void engineRebuildsMatchBruteForce() {
        double r0 = 1e-3;
        double skin = 0.2 * r0;
        double l = 14e-3;
        Particles p = new Particles(200);
        SplittableRandom random = new SplittableRandom(3);
        while (p.size < 200) {
            double x = random.nextDouble() * l;
            double y = random.nextDouble() * l;
            double z = random.nextDouble() * 10e-3;
            double r = r0 * (0.5 + random.nextDouble());
            boolean free = true;
            for (int i = 0; i < p.size && free; i++) {
                double dx = x - p.x[i];
                dx -= l * Math.rint(dx / l);
                double dy = y - p.y[i];
                dy -= l * Math.rint(dy / l);
                double dz = z - p.z[i];
                double min = 1.001 * (r + p.radius[i]);
                free = dx * dx + dy * dy + dz * dz > min * min;
            }
            if (free) {
                int i = p.add(x, y, z, r, 2500, 0);
                p.setVelocity(i, random.nextDouble() - 0.5, random.nextDouble() - 0.5, random.nextDouble() - 0.5);
            }
        }
        PairProperties pp = PairProperties.mix(1e7, 0.3, 1e7, 0.3, 1.0, 0.0, 0, 0, Double.POSITIVE_INFINITY);
        try (DemEngine engine = new DemEngine(p, new PeriodicBox(l, l), 1, new PairProperties[] {pp},
                new HertzMindlinLaw(), 1)) {
            engine.setTimeStep(0.1 * TimeStep.rayleigh(0.5 * r0, 2500, 1e7, 0.3));
            engine.setSkin(skin);
            engine.initialise();
            long builds = engine.neighbourBuilds();
            int checked = 0;
            for (int s = 0; s < 3000 && checked < 10; s++) {
                engine.advance();
                if (engine.neighbourBuilds() != builds) {
                    builds = engine.neighbourBuilds();
                    assertEquals(bruteForce(p, engine.box(), skin), listed(engine.list, p.size),
                            "rebuild at step " + engine.steps());
                    checked++;
                }
            }
            assertTrue(checked >= 5, "the particles moved enough to rebuild several times: " + checked);
        }
    }
}
