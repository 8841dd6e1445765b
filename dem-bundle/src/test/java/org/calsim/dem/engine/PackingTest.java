package org.calsim.dem.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import org.calsim.dem.analysis.SolidFraction;
import org.junit.jupiter.api.Test;

/** Many-particle behaviour: poured packing, determinism across threads, checkpoint–resume, allocation, blow-up. */
class PackingTest {

    private static double[] snapshot(DemEngine e) {
        Particles p = e.particles();
        int n = p.size();
        double[] s = new double[9 * n];
        for (int i = 0; i < n; i++) {
            s[9 * i] = p.x(i);
            s[9 * i + 1] = p.y(i);
            s[9 * i + 2] = p.z(i);
            for (int a = 0; a < 3; a++) {
                s[9 * i + 3 + a] = p.velocity(i, a);
                s[9 * i + 6 + a] = p.angularVelocity(i, a);
            }
        }
        return s;
    }

    /**
     * Frictional monodisperse spheres poured under gravity settle to a random packing: the solid fraction of
     * the bulk (a slab clear of the wall-ordered bottom layers and the loose top) lies between random loose
     * packing with friction (≈ 0.55, Onoda &amp; Liniger, PRL 64 (1990) 2727) and random close packing
     * (≈ 0.64, Scott &amp; Kilgour 1969).
     */
    @Test
    void pouredPackingReachesTheRandomPackingRange() {
        try (DemEngine e = Pour.create(14, 0.5, 0.3, 2, 1)) {
            e.run(45_000);
            Particles p = e.particles();
            double kinetic = p.kineticEnergy();
            double potentialScale = p.size() * p.mass(0) * 9.81 * Pour.R;
            assertTrue(kinetic < 1e-4 * potentialScale, "settled: kinetic energy " + kinetic);
            double top = p.top();
            double fraction = SolidFraction.slab(p, 4 * Pour.R, top - 4 * Pour.R, Pour.L * Pour.L);
            assertTrue(fraction > 0.55 && fraction < 0.645, "bulk solid fraction " + fraction);
            // the collector carries the weight of the bed
            double weight = p.size() * p.mass(0) * 9.81;
            assertEquals(-weight, e.walls().get(0).forceZ(), 1e-3 * weight, "the collector carries the weight");
        }
    }

    @Test
    void oneTwoAndThreeThreadsGiveIdenticalNumbers() {
        double[] one;
        double[] two;
        try (DemEngine e = Pour.create(8, 0.5, 0.3, 1, 7)) {
            e.run(6000);
            one = snapshot(e);
        }
        try (DemEngine e = Pour.create(8, 0.5, 0.3, 2, 7)) {
            e.run(6000);
            two = snapshot(e);
        }
        assertArrayEquals(one, two, 0.0);
        // three workers: a particle of the third takes entries from both lower ranges
        try (DemEngine e = Pour.create(8, 0.5, 0.3, 3, 7)) {
            e.run(6000);
            assertArrayEquals(one, snapshot(e), 0.0, "three threads");
        }
    }

    @Test
    void resumedFromACheckpointEqualsAnUninterruptedRun() throws IOException {
        double[] straight;
        try (DemEngine e = Pour.create(8, 0.5, 0.3, 2, 3)) {
            e.run(6000);
            straight = snapshot(e);
        }
        byte[] saved;
        try (DemEngine e = Pour.create(8, 0.5, 0.3, 2, 3)) {
            e.run(3000);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                Checkpoint.write(e, out);
            }
            saved = bytes.toByteArray();
        }
        try (DemEngine e = Pour.create(8, 0.5, 0.3, 1, 99)) { // other start positions: all replaced
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(saved))) {
                Checkpoint.read(e, in);
            }
            assertEquals(3000, e.steps());
            e.run(3000);
            assertArrayEquals(straight, snapshot(e), 0.0);
        }
    }

    @Test
    void aCheckpointOfAnotherFormatIsRefused() {
        byte[] junk = "not a checkpoint".getBytes();
        try (DemEngine e = Pour.create(2, 0.5, 0.3, 1, 3)) {
            IOException x = assertThrows(IOException.class,
                    () -> Checkpoint.read(e, new DataInputStream(new ByteArrayInputStream(junk))));
            assertTrue(x.getMessage().contains("checkpoint"), x.getMessage());
        }
    }

    /**
     * The step loop allocates nothing, on the calling thread or the worker, rebuilds included (after warm-up and
     * the first growth of the list's buffers).
     */
    @Test
    void theStepLoopAllocatesNothing() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (DemEngine e = Pour.create(8, 0.5, 0.3, 2, 5)) {
            e.run(3000);
            long[] ids = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("calsim-dem") || t == Thread.currentThread())
                    .mapToLong(Thread::getId).toArray();
            // the measurement itself allocates its result array on this thread: measure that first
            long[] idle0 = mx.getThreadAllocatedBytes(ids);
            long[] idle1 = mx.getThreadAllocatedBytes(ids);
            long overhead = Arrays.stream(idle1).sum() - Arrays.stream(idle0).sum();
            long builds = e.neighbourBuilds();
            long[] before = mx.getThreadAllocatedBytes(ids);
            e.run(2000);
            long[] after = mx.getThreadAllocatedBytes(ids);
            assertTrue(e.neighbourBuilds() > builds, "the interval includes neighbour-list rebuilds");
            assertTrue(ids.length == 2, "caller and one worker");
            assertEquals(overhead, Arrays.stream(after).sum() - Arrays.stream(before).sum(),
                    "bytes allocated in 2000 steps (beyond the measurement's own result array)");
        }
    }

    /**
     * A step 50 times the Rayleigh step makes the stiffest contact's ω·Δt far larger than 0.3: the engine reduces the
     * step at the first contact that exceeds it and names the pair; the pour then runs without blowing up.
     */
    @Test
    void aTooLargeTimeStepIsReducedAndExplained() {
        try (DemEngine e = Pour.create(6, 0.5, 0.3, 1, 5)) {
            double rayleigh = e.timeStep();
            e.setTimeStep(50 * rayleigh);
            e.run(20_000);
            assertTrue(e.timeStepReductions() > 0, "reduced");
            assertTrue(e.timeStep() < 50 * rayleigh, "smaller than the step given: " + e.timeStep());
            assertTrue(e.stiffestContact().contains("particle ") && e.stiffestContact().contains("omega*dt"),
                    e.stiffestContact());
        }
    }

    /** With the reduction disabled in effect (limit just below 2), a step 50 times too large blows up, explained. */
    @Test
    void aTooLargeTimeStepBeyondTheLimitIsCaughtAndExplained() {
        try (DemEngine e = Pour.create(6, 0.5, 0.3, 1, 5)) {
            e.setStabilityLimit(1.99);
            e.setTimeStep(50 * e.timeStep());
            BlowUpException x = assertThrows(BlowUpException.class, () -> e.run(20_000));
            assertTrue(x.getMessage().contains("step " + x.step()), x.getMessage());
            assertTrue(x.getMessage().contains("particle " + x.particle()), x.getMessage());
            assertTrue(x.getMessage().contains("time step"), x.getMessage());
        }
    }
}
