package org.calsim.dem.contact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.calsim.api.contact.ComposedContactLaw;
import org.calsim.api.contact.ContactForce;
import org.calsim.api.contact.ContactGeometry;
import org.calsim.api.contact.ContactLaw;
import org.calsim.api.contact.ContactPart;
import org.calsim.api.contact.PairProperties;
import org.calsim.api.testing.TestSwappable;
import org.junit.jupiter.api.Test;

/**
 * The handle of a law composed of part services: one law until a part changes, a new one from the step a part is
 * swapped, with the history of the unchanged parts carried over and the swapped part's slots started anew.
 */
class ComposedLawHandleTest {
    private static final int SWAP = 10;

    private final HertzNormal hertz = new HertzNormal();
    private final ThorntonNingNormal plastic = new ThorntonNingNormal();
    private final MindlinTangential mindlin = new MindlinTangential();
    private final EpsdRolling epsd = new EpsdRolling();

    /** Normal hertz, from step {@value #SWAP} thornton-ning; tangential mindlin and rolling epsd2 throughout. */
    private ComposedLawHandle handle() {
        return new ComposedLawHandle("{normal: hertz, tangential: mindlin, rolling: epsd2}",
                TestSwappable.byStep(step -> step < SWAP ? hertz : plastic), null, null, TestSwappable.of(mindlin),
                TestSwappable.of(epsd), null);
    }

    @Test
    void theSameLawIsHandedOutUntilAPartChanges() {
        ComposedLawHandle h = handle();
        ContactLaw first = h.acquire(0);
        for (int step = 1; step < SWAP; step++) {
            assertSame(first, h.acquire(step), "step " + step);
        }
        ContactLaw swapped = h.acquire(SWAP);
        assertNotSame(first, swapped);
        assertSame(swapped, h.acquire(SWAP + 1));
        assertEquals(6, first.historySize(), "mindlin 3 + epsd2 3");
        assertEquals(7, swapped.historySize(), "thornton-ning 1 + mindlin 3 + epsd2 3");
    }

    /**
     * At the swap only the normal part changes: the tangential spring and the rolling torque keep their slots (mapped
     * onto the new layout), Thornton–Ning's δ_max starts from zero.
     */
    @Test
    void aPartSwapCarriesTheOtherPartsHistory() {
        ComposedLawHandle h = handle();
        ContactLaw before = h.acquire(SWAP - 1);
        ComposedContactLaw after = assertInstanceOf(ComposedContactLaw.class, h.acquire(SWAP));
        assertArrayEquals(new int[] {-1, 0, 1, 2, 3, 4, 5}, after.historyCarriedFrom(before));
    }

    /** The law a handle composes computes what the same parts composed by hand compute, to the bit. */
    @Test
    void theComposedLawIsTheComposedContactLawOfItsParts() {
        ContactLaw composed = handle().acquire(0);
        ContactLaw byHand = new ComposedContactLaw(hertz, null, null, mindlin, epsd);
        ContactGeometry g = new ContactGeometry();
        g.setBodies(5e-6, 4e-6, 2e-12, 1e-12);
        g.overlap = 3e-8;
        g.nz = 1;
        g.vtx = 1e-3;
        g.wy = 2.0;
        g.normalVelocity = 1e-3;
        g.dt = 1e-9;
        PairProperties pair = PairProperties.mix(140e9, 0.3, 140e9, 0.3, 0.5, 0.3, 0.1, 0, Double.POSITIVE_INFINITY);
        double[] h1 = new double[6];
        double[] h2 = new double[6];
        ContactForce f1 = new ContactForce();
        ContactForce f2 = new ContactForce();
        for (int k = 0; k < 5; k++) {
            composed.compute(g, pair, h1, 0, f1);
            byHand.compute(g, pair, h2, 0, f2);
            assertEquals(f2.normalTotal(), f1.normalTotal(), 0);
            assertEquals(f2.ftx, f1.ftx, 0);
            assertEquals(f2.try_, f1.try_, 0);
        }
        assertArrayEquals(h2, h1, 0);
    }

    /** Acquiring once per step allocates nothing while no part changes. */
    @Test
    void acquiringAllocatesNothing() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        ComposedLawHandle h = new ComposedLawHandle("{normal: hertz, tangential: mindlin, rolling: epsd2}",
                TestSwappable.of(hertz), null, null, TestSwappable.of(mindlin), TestSwappable.of(epsd), null);
        long id = Thread.currentThread().getId();
        for (int round = 0; round < 20; round++) { // warm-up: the loop compiled, the one law built
            acquireSteps(h, 100_000);
        }
        long idle0 = mx.getThreadAllocatedBytes(id);
        long idle1 = mx.getThreadAllocatedBytes(id);
        long before = mx.getThreadAllocatedBytes(id);
        acquireSteps(h, 1_000_000);
        long after = mx.getThreadAllocatedBytes(id);
        assertEquals(idle1 - idle0, after - before, "bytes allocated by a million acquires");
    }

    private static void acquireSteps(ComposedLawHandle h, int steps) {
        for (int step = 0; step < steps; step++) {
            h.acquire(step);
        }
    }

    @Test
    void describesTheCompositionAndEachPart() {
        ComposedLawHandle h = handle();
        h.acquire(0);
        String d = h.describeCurrent();
        assertTrue(d.startsWith("contact {normal: hertz, tangential: mindlin, rolling: epsd2}: normal "), d);
        assertTrue(d.contains("tangential ") && d.contains("rolling "), d);
        assertEquals("contact {normal: hertz, tangential: mindlin, rolling: epsd2}", h.acquire(1).toString());
    }

    @Test
    void aCompositionWithoutANormalPartIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ComposedLawHandle(
                "{tangential: mindlin}", null, null, null, TestSwappable.of(mindlin), null, null));
        assertTrue(e.getMessage().contains("normal part"), e.getMessage());
    }

    /** Each role's part swaps on its own; the handle takes any role's change as a change of the law. */
    @Test
    void everyRoleCanSwap() {
        ContactPart.Damping[] dampers = {new ViscoelasticDamping(), new ViscoelasticDamping()};
        ComposedLawHandle h = new ComposedLawHandle("{normal: hertz, damping: viscoelastic}", TestSwappable.of(hertz),
                TestSwappable.byStep(step -> dampers[step < SWAP ? 0 : 1]), null, null, null, null);
        ContactLaw first = h.acquire(0);
        assertNotSame(first, h.acquire(SWAP));
    }
}
