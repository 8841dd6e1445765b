package org.calsim.dem.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.calsim.api.contact.ComposedContactLaw;
import org.calsim.api.contact.ContactForce;
import org.calsim.api.contact.ContactGeometry;
import org.calsim.api.contact.ContactLaw;
import org.calsim.api.contact.PairProperties;
import org.calsim.dem.contact.HertzMindlinLaw;
import org.calsim.dem.contact.HertzMindlinRollingLaw;
import org.calsim.dem.contact.HertzNormal;
import org.calsim.dem.contact.MindlinTangential;
import org.calsim.dem.contact.TangentialSpring;
import org.calsim.dem.contact.ViscoelasticDamping;
import org.junit.jupiter.api.Test;

/**
 * The specialised Hertz–Mindlin pair kernel gives the numbers of the general path to the last bit: a polydisperse bed
 * of two materials poured onto a collector and pressed by a plate held at 20 kPa, on two threads, once with the preset (the
 * specialised kernel) and once with the same parts where the tangential one is not {@link MindlinTangential} itself
 * (the general path).
 */
class HertzMindlinKernelTest {

    /** Mindlin's spring through the general path: same stiffness, another class. */
    private static final class GeneralMindlin extends TangentialSpring {
        @Override
        protected double stiffness(ContactGeometry g, PairProperties p, ContactForce out) {
            return 8.0 * p.effectiveShearModulus() * g.contactRadius();
        }
    }

    private static DemEngine bed(ContactLaw law, int threads) {
        PairProperties soft = PairProperties.mix(1e7, 0.3, 1e7, 0.3, 0.4, 0.5, 0, 0, Double.POSITIVE_INFINITY);
        PairProperties mixed = PairProperties.mix(1e7, 0.3, 3e7, 0.25, 0.6, 0.3, 0, 0, Double.POSITIVE_INFINITY);
        PairProperties hard = PairProperties.mix(3e7, 0.25, 3e7, 0.25, 0.8, 0.2, 0, 0, Double.POSITIVE_INFINITY);
        PairProperties[] pairs = {soft, mixed, mixed, hard};
        double l = 12e-3;
        Particles p = new Particles(400);
        SplittableRandom random = new SplittableRandom(20);
        double pitch = l / 5;
        for (int k = 0; k < 400; k++) {
            double r = 0.75e-3 + 0.4e-3 * random.nextDouble();
            p.add((k % 5 + 0.5) * pitch, (k / 5 % 5 + 0.5) * pitch, 1.5e-3 + (k / 25) * pitch, r, 2500,
                    k % 3 == 0 ? 1 : 0);
            p.setVelocity(p.size() - 1, 0.05 * (random.nextDouble() - 0.5), 0.05 * (random.nextDouble() - 0.5), 0);
        }
        DemEngine e = new DemEngine(p, new PeriodicBox(l, l), 2, pairs, law, threads);
        e.addWall(new PlaneWall("collector", 0, true, new PairProperties[] {soft, hard}));
        PlaneWall plate = new PlaneWall("plate", 42e-3, false, new PairProperties[] {soft, hard});
        plate.servo(2e4, 0.3);
        e.addWall(plate);
        e.setGravity(-9.81);
        e.setTimeStep(0.15 * TimeStep.rayleigh(0.75e-3, 2500, 3e7, 0.25));
        e.setSkin(0.2e-3);
        return e;
    }

    private static double[] state(DemEngine e) {
        Particles p = e.particles();
        double[] s = new double[12 * p.size()];
        for (int i = 0; i < p.size(); i++) {
            s[12 * i] = p.x(i);
            s[12 * i + 1] = p.y(i);
            s[12 * i + 2] = p.z(i);
            for (int a = 0; a < 3; a++) {
                s[12 * i + 3 + a] = p.velocity(i, a);
                s[12 * i + 6 + a] = p.angularVelocity(i, a);
                s[12 * i + 9 + a] = p.force(i, a);
            }
        }
        return s;
    }

    @Test
    void specialisedKernelGivesTheGeneralPathsNumbersToTheLastBit() {
        double[] fused;
        double[] general;
        int contacts;
        try (DemEngine e = bed(new HertzMindlinLaw(), 2)) {
            assertNotNull(e.kernel.hertzMindlin, "the preset takes the specialised kernel");
            e.run(20_000);
            fused = state(e);
            int[] count = {0};
            e.forEachContact((i, j, dx, dy, dz, fx, fy, fz) -> count[0]++);
            contacts = count[0];
        }
        try (DemEngine e = bed(new ComposedContactLaw(new HertzNormal(), new ViscoelasticDamping(), null,
                new GeneralMindlin(), null), 2)) {
            assertNull(e.kernel.hertzMindlin, "another tangential class takes the general path");
            e.run(20_000);
            general = state(e);
        }
        assertTrue(contacts > 400, "a pressed bed with sliding and rolling contacts, was " + contacts + " contacts");
        assertArrayEquals(general, fused, 0.0);
    }

    @Test
    void onlyExactlyTheHertzMindlinPartsTakeTheSpecialisedKernel() {
        double[] preset;
        try (DemEngine e = bed(new HertzMindlinLaw(), 1)) {
            e.run(3000);
            preset = state(e);
        }
        try (DemEngine e = bed(new ComposedContactLaw(new HertzNormal(), new ViscoelasticDamping(), null,
                new MindlinTangential(), null), 1)) {
            assertNotNull(e.kernel.hertzMindlin, "the same parts named in a job");
            e.run(3000);
            assertArrayEquals(preset, state(e), 0.0, "the parts named in a job move the bed as the preset does");
        }
        try (DemEngine e = bed(new HertzMindlinRollingLaw(), 1)) {
            assertNull(e.kernel.hertzMindlin, "a rolling part as well");
        }
        try (DemEngine e = bed(new ComposedContactLaw(new HertzNormal(), null, null, new MindlinTangential(), null),
                1)) {
            assertNull(e.kernel.hertzMindlin, "no damping part");
        }
    }

    /** Four spheres: 0 touches 1 with a distance that rounds to the sum of the radii (overlap 0), and 2 and 3. */
    private static DemEngine touchingAtRounding(ContactLaw law) {
        PairProperties pp = PairProperties.mix(1e7, 0.3, 1e7, 0.3, 0.5, 0.4, 0, 0, Double.POSITIVE_INFINITY);
        Particles p = new Particles(4);
        p.add(0.005, 0.006, 0.01, RA, 2500, 0);
        p.add(XB, 0.006, ZB, RB, 2500, 0);
        p.add(0.005, 0.006, 0.01 - 1.6e-3, 0.8e-3, 2500, 0);
        p.add(0.005 - 1.5e-3, 0.006 + 0.2e-3, 0.01 + 0.3e-3, 0.7e-3, 2500, 0);
        for (int i = 0; i < 4; i++) {
            p.setVelocity(i, 0.01 * (i - 1.5), 0.02 * (i % 2), -0.01 * i);
        }
        DemEngine e = new DemEngine(p, new PeriodicBox(0.012, 0.012), 1, new PairProperties[] {pp}, law, 1);
        e.setTimeStep(1e-7);
        e.setSkin(0.2e-3);
        return e;
    }

    private static final double RA = 0.0008773966025289561;
    private static final double RB = 0.0009623509103465599;
    private static final double XB = 0.006523384770178229;
    private static final double ZB = 0.011031489095008121;

    @Test
    void aContactThatRoundsToNoOverlapAndTheParticlesLaterEntriesGoTheGeneralPath() {
        double dx = 0.005 - XB;
        double dz = 0.01 - ZB;
        double r2 = dx * dx + 0.0 * 0.0 + dz * dz;
        assertTrue(r2 < (RA + RB) * (RA + RB) && RA + RB - Math.sqrt(r2) <= 0,
                "the pair is listed as touching while its overlap rounds to zero");
        double[] fused;
        try (DemEngine e = touchingAtRounding(new HertzMindlinLaw())) {
            assertNotNull(e.kernel.hertzMindlin);
            e.run(20);
            fused = state(e);
        }
        try (DemEngine e = touchingAtRounding(new ComposedContactLaw(new HertzNormal(), new ViscoelasticDamping(), null,
                new GeneralMindlin(), null))) {
            e.run(20);
            assertArrayEquals(state(e), fused, 0.0);
        }
        assertTrue(Math.abs(fused[9 + 2]) > 0, "particle 0 carries the forces of its other contacts");
    }
}
