package org.calsim.dem.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.calsim.api.contact.BondSpec;
import org.calsim.api.contact.ComposedContactLaw;
import org.calsim.api.contact.ContactLaw;
import org.calsim.api.contact.PairProperties;
import org.calsim.api.testing.TestSwappable;
import org.calsim.dem.contact.BondedLaw;
import org.calsim.dem.contact.ComposedLawHandle;
import org.calsim.dem.contact.HertzMindlinLaw;
import org.calsim.dem.contact.HertzNormal;
import org.calsim.dem.contact.MindlinTangential;
import org.calsim.dem.contact.ParallelBond;
import org.calsim.dem.contact.ThorntonNingNormal;
import org.calsim.dem.contact.ViscoelasticDamping;
import org.junit.jupiter.api.Test;

/**
 * A contact law swapped into a running engine at a step boundary, with particles touching the collector and a
 * pressing plate, with bonds, on one and two threads: the run goes on, forces from the swap on follow the new law,
 * history is kept exactly where the two laws share a part, and bonds are kept or counted as released.
 */
class HotSwapEngineTest {
    private static final double E = 1e7;
    private static final double NU = 0.3;

    /**
     * Two settled layers of Pour's spheres (r = 1 mm) under gravity, every pair within 5 % of R bonded, a plate coming
     * down at 5 cm/s until it presses on the top layer: contacts with the collector, the plate and each other, bonds.
     */
    private static DemEngine pressedBondedBed(int threads) {
        DemEngine e = Pour.create(2, 0.5, 0.3, threads, 5);
        e.useLaw(new BondedLaw());
        PairProperties pp = PairProperties.mix(E, NU, E, NU, 0.5, 0.3, 0, 0, Double.POSITIVE_INFINITY);
        PlaneWall plate = new PlaneWall("plate", 5.2 * Pour.R, false, new PairProperties[] {pp});
        e.addWall(plate);
        e.run(3000);
        int formed = e.formBonds(new BondSpec(1e7, 0.3, 0.5, 1e9, 1e9, 0.1), 0.05 * Pour.R, (i, j) -> true);
        assertTrue(formed > 30, "bonds formed: " + formed);
        plate.setVelocity(-0.05);
        while (plate.forceZ == 0) {
            e.advance();
        }
        e.run(200);
        assertTrue(touching(e, 0) > 10 && touching(e, 1) > 3, "collector and plate contacts");
        return e;
    }

    private static int touching(DemEngine e, int wall) {
        int n = 0;
        for (int i = 0; i < e.particles.size; i++) {
            n += e.wallForceOn(i, wall, 2) != 0 ? 1 : 0;
        }
        return n;
    }

    /**
     * The reproduction of the crash of a hot swap into dem.calender: a law with other history slots (here a bare
     * Thornton–Ning normal part, 1 slot, after the bonded law's 22) swapped in while particles touch the walls. The run
     * goes on; the bonds (which the new law cannot hold) are released and counted; the forces of the next evaluation
     * are the new law's: with an infinite yield stress Thornton–Ning is Hertz, F = 4/3 E*√R* δ^{3/2} along n and no
     * tangential force, to round-off, for every particle pair and wall contact; and one and two threads agree to
     * the bit.
     */
    @Test
    void aLawWithOtherHistoryTakesOverWithWallsAndBondsOnOneAndTwoThreads() {
        double[][] positions = new double[2][];
        for (int threads = 1; threads <= 2; threads++) {
            try (DemEngine e = pressedBondedBed(threads)) {
                int intact = e.bondsIntact();
                assertTrue(intact > 30, "intact bonds before the swap: " + intact);
                ContactLaw bare = new ComposedContactLaw(new ThorntonNingNormal(), null, null, null, null);
                assertEquals(intact, e.useLaw(bare), "released by the swap");
                assertEquals(0, e.bondsIntact());
                assertEquals(intact, e.bondsReleased());
                e.advance();
                assertHertz(e);
                e.run(500);
                assertHertz(e);
                positions[threads - 1] = Arrays.copyOf(e.particles.z, e.particles.size);
            }
        }
        assertArrayEquals(positions[0], positions[1], "1 and 2 threads");
    }

    private static void assertHertz(DemEngine e) {
        double eStar = E / (2 * (1 - NU * NU));
        double eWall = E / (2 * (1 - NU * NU));
        int[] pairs = {0};
        e.forEachContact((i, j, dx, dy, dz, fx, fy, fz) -> {
            double d = Math.sqrt(dx * dx + dy * dy + dz * dz);
            double delta = 2 * Pour.R - d;
            double expected = 4.0 / 3.0 * eStar * Math.sqrt(Pour.R / 2) * Math.pow(delta, 1.5);
            double fn = (fx * dx + fy * dy + fz * dz) / d;
            assertEquals(expected, fn, 1e-9 * expected, "pair " + i + "-" + j);
            assertEquals(0, Math.sqrt(Math.max(0, fx * fx + fy * fy + fz * fz - fn * fn)), 1e-6 * expected,
                    "no tangential force");
            pairs[0]++;
        });
        assertTrue(pairs[0] > 20, "pair contacts: " + pairs[0]);
        double[] g = new double[6];
        for (int w = 0; w < 2; w++) {
            for (int i = 0; i < e.particles.size; i++) {
                double delta = e.walls.get(w).contact(e.particles, e.box, i, g);
                double fn = -(e.wallForceOn(i, w, 0) * g[0] + e.wallForceOn(i, w, 1) * g[1]
                        + e.wallForceOn(i, w, 2) * g[2]);
                double expected = delta > 0 ? 4.0 / 3.0 * eWall * Math.sqrt(Pour.R) * Math.pow(delta, 1.5) : 0;
                assertEquals(expected, fn, 1e-9 * expected + 1e-300, "wall " + w + ", particle " + i);
            }
        }
    }

    /**
     * Another instance of the same law keeps every slot (bonds, tangential springs), so a swap changes nothing: the
     * run continues bit for bit as one without the swap.
     */
    @Test
    void theSameLawAgainKeepsAllHistory() {
        try (DemEngine swapped = pressedBondedBed(2); DemEngine straight = pressedBondedBed(2)) {
            assertEquals(0, swapped.useLaw(new BondedLaw()));
            swapped.run(1000);
            straight.run(1000);
            assertArrayEquals(Arrays.copyOf(straight.particles.x, straight.particles.size),
                    Arrays.copyOf(swapped.particles.x, swapped.particles.size));
            assertArrayEquals(Arrays.copyOf(straight.particles.wz, straight.particles.size),
                    Arrays.copyOf(swapped.particles.wz, swapped.particles.size));
            assertEquals(straight.bondsIntact(), swapped.bondsIntact());
        }
    }

    /**
     * A law sharing the normal, damping and tangential parts but no bond part (hertz-mindlin after bonded) keeps each
     * contact's tangential spring exactly (the same three slots) and releases the bonds; swapping back to bonded does
     * not bring them back.
     */
    @Test
    void sharedPartsKeepTheirHistoryAndBondsAreReleased() {
        try (DemEngine e = pressedBondedBed(1)) {
            int intact = e.bondsIntact();
            int hs = e.list.historySize;
            double[] springs = new double[e.list.entries * 3];
            byte[] touching = Arrays.copyOf(e.list.touching, e.list.entries);
            for (int k = 0; k < e.list.entries; k++) {
                System.arraycopy(e.list.history, k * hs, springs, 3 * k, 3); // Hertz has no slots: the spring is first
            }
            HertzMindlinLaw plain = new HertzMindlinLaw();
            assertEquals(3, plain.historySize());
            assertEquals(intact, e.useLaw(plain));
            for (int k = 0; k < e.list.entries; k++) {
                for (int s = 0; s < 3; s++) {
                    assertEquals(springs[3 * k + s], e.list.history[3 * k + s], 0, "entry " + k + " slot " + s);
                }
                assertEquals(touching[k], e.list.touching[k], "entry " + k + " stays in contact");
            }
            e.run(300);
            assertEquals(0, e.useLaw(new BondedLaw()), "no bond left to release");
            e.run(300);
            assertEquals(0, e.bondsIntact(), "released bonds do not come back");
            assertEquals(intact, e.bondsReleased());
        }
    }

    /**
     * A law composed of part services ({@code contact: {normal: hertz, damping: viscoelastic, tangential: mindlin,
     * bond: parallel}}) whose normal part alone is swapped, to thornton-ning and back, while the plate presses the
     * bonded bed, on one and two threads. Only that part changes: the handle hands out a new law with the same
     * damping, tangential and bond instances, each contact keeps its tangential spring and its bond (none is
     * released), Thornton–Ning's δ_max starts anew. With an infinite yield stress Thornton–Ning is Hertz to the last
     * bit, so the run is the one of the bonded preset without any swap, bit for bit.
     */
    @Test
    void aPartSwapChangesOnlyThatPartAndKeepsTheOthersHistory() {
        int swapIn = 50;
        int swapOut = 400;
        for (int threads = 1; threads <= 2; threads++) {
            ViscoelasticDamping damping = new ViscoelasticDamping();
            MindlinTangential tangential = new MindlinTangential();
            ParallelBond bond = new ParallelBond();
            HertzNormal hertz = new HertzNormal();
            ThorntonNingNormal plastic = new ThorntonNingNormal();
            try (DemEngine swapped = pressedBondedBed(threads); DemEngine straight = pressedBondedBed(threads)) {
                long start = swapped.steps();
                ComposedLawHandle handle = new ComposedLawHandle("{normal: hertz, damping: viscoelastic, tangential: "
                        + "mindlin, bond: parallel}", TestSwappable.byStep(step -> step >= start + swapIn
                        && step < start + swapOut ? plastic : hertz), TestSwappable.of(damping), null,
                        TestSwappable.of(tangential), null, TestSwappable.of(bond));
                int intact = swapped.bondsIntact();
                ContactLaw before = null;
                int laws = 0;
                for (int k = 0; k < 600; k++) {
                    ContactLaw law = handle.acquire(swapped.steps());
                    if (law != before) {
                        laws++;
                        assertEquals(0, swapped.useLaw(law), "no bond released at step " + swapped.steps());
                        before = law;
                    }
                    swapped.advance();
                    straight.advance();
                }
                assertEquals(3, laws, "bonded parts, the swap in, the swap out");
                assertEquals(0, swapped.bondsReleased());
                assertEquals(straight.bondsIntact(), swapped.bondsIntact());
                assertTrue(swapped.bondsIntact() > intact / 2, "bonds kept: " + swapped.bondsIntact());
                assertArrayEquals(Arrays.copyOf(straight.particles.z, straight.particles.size),
                        Arrays.copyOf(swapped.particles.z, swapped.particles.size), threads + " threads");
                assertArrayEquals(Arrays.copyOf(straight.particles.wx, straight.particles.size),
                        Arrays.copyOf(swapped.particles.wx, swapped.particles.size), threads + " threads");
            }
        }
    }
}
