package org.calsim.dem.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.calsim.api.contact.PairProperties;
import org.calsim.dem.contact.HertzMindlinLaw;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 §5 item 5: the contact geometry of {@link RollWall} against hand-computed values. A roll of radius
 * R = 50 mm, axis along y through (x_c, z_c), rolling without slip on a strip below it: translation v along x,
 * ω = v/R about +y. A particle of radius r whose centre lies at distance d = R + r − δ from the axis, in the
 * direction n = (sin φ, 0, −cos φ) (φ measured from the lowest point of the roll towards +x), must get
 *
 * <pre>
 *   normal   n (from the axis to the particle),   overlap δ = R + r − d,
 *   surface velocity at the contact point R n:  u = v x̂ + ω ŷ × R n = (v − ωR cos φ, 0, −ωR sin φ)
 *                                               = v (1 − cos φ, 0, −sin φ)   for ω = v/R
 * </pre>
 * (ŷ × (n_x, 0, n_z) = (n_z, 0, −n_x)). So the lowest point (φ = 0) is at rest (no slip on the strip), the
 * front point (φ = 90°) moves at (v, 0, −v), the top (φ = 180°) at 2v, the back (φ = −90°) at (v, 0, +v):
 * the textbook velocities of a rolling wheel. Values are a handful of operations on numbers of order 1e-2, so
 * they are asserted to 1e-12 relative (1e-15 m absolute for the overlap, whose inputs are ~5e-2 m: a few ulps of
 * 7e-18 m).
 */
class RollWallKinematicsTest {
    static final double RR = 0.05;
    static final double R = 1e-3;
    static final double LX = 0.4;
    static final PairProperties PP = PairProperties.mix(1e8, 0.3, 1e8, 0.3, 0.5, 0.3, 0, 0, Double.POSITIVE_INFINITY);

    private static Particles one(double x, double z) {
        Particles p = new Particles(1);
        p.add(x, 0.01, z, R, 2500, 0);
        return p;
    }

    @Test
    void contactPointNormalOverlapAndSurfaceVelocityOfARollingRoll() {
        double v = 0.3;
        double xc = 0.1;
        double zc = 0.07;
        PeriodicBox box = new PeriodicBox(LX, 0.02);
        RollWall roll = new RollWall("roll", RR, xc, zc, new PairProperties[] {PP});
        roll.setMotion(v, 0, v / RR);
        double delta = 2e-5;
        for (double degrees : new double[] {0, 30, 90, 135, 180, -90, -45}) {
            double phi = Math.toRadians(degrees);
            double nx = Math.sin(phi);
            double nz = -Math.cos(phi);
            double d = RR + R - delta;
            Particles p = one(xc + d * nx, zc + d * nz);
            double[] out = new double[6];
            double overlap = roll.contact(p, box, 0, out);
            assertEquals(delta, overlap, 1e-15, "overlap at φ = " + degrees);
            assertEquals(nx, out[0], 1e-12, "n_x at φ = " + degrees);
            assertEquals(0, out[1], 0, "n_y");
            assertEquals(nz, out[2], 1e-12, "n_z at φ = " + degrees);
            assertEquals(v * (1 - Math.cos(phi)), out[3], 1e-12 * v, "u_x at φ = " + degrees);
            assertEquals(0, out[4], 0, "u_y");
            assertEquals(-v * Math.sin(phi), out[5], 1e-12 * v, "u_z at φ = " + degrees);
            // the branch vector from the contact point on the roll to the particle centre is (r − δ) n
            double[] b = roll.branch(p, box, 0);
            assertEquals((R - delta) * nx, b[0], 1e-15);
            assertEquals((R - delta) * nz, b[2], 1e-15);
        }
        // textbook points, written out
        double[] out = new double[6];
        double d = RR + R - delta;
        roll.contact(one(xc, zc - d), box, 0, out);
        assertEquals(0, out[3], 1e-15, "lowest point at rest: no slip");
        assertEquals(0, out[5], 1e-15);
        roll.contact(one(xc, zc + d), box, 0, out);
        assertEquals(2 * v, out[3], 1e-12 * v, "top point at 2v");
        roll.contact(one(xc + d, zc), box, 0, out);
        assertEquals(v, out[3], 1e-12 * v, "front point: (v, 0, −v)");
        assertEquals(-v, out[5], 1e-12 * v);
        // a particle clear of the roll has a negative overlap: the gap
        assertEquals(-3e-4, roll.contact(one(xc, zc - (RR + R + 3e-4)), box, 0, out), 1e-15, "gap");
    }

    /**
     * Periodic images in x: the roll is seen through the minimum image of the strip. With the axis at
     * x_c = 3 L_x + 0.01 (after the roll has travelled three strip lengths) a particle at x = L_x − 0.015 is 0.025 m
     * behind the axis (image distance), not 3.x L_x away; one at 0.03 is 0.02 ahead. The normal and overlap follow
     * from those image distances.
     */
    @Test
    void rollIsSeenThroughTheNearestPeriodicImageInX() {
        PeriodicBox box = new PeriodicBox(LX, 0.02);
        double xc = 3 * LX + 0.01;
        double zc = 0.06;
        RollWall roll = new RollWall("roll", RR, xc, zc, new PairProperties[] {PP});
        double v = 0.2;
        roll.setMotion(v, 0, v / RR);
        for (double dx : new double[] {-0.025, 0.02}) {
            double x = box.wrapX(0.01 + dx);
            double dz = -Math.sqrt(Math.pow(RR + R - 1e-5, 2) - dx * dx);
            double[] out = new double[6];
            double overlap = roll.contact(one(x, zc + dz), box, 0, out);
            double d = Math.hypot(dx, dz);
            assertEquals(RR + R - d, overlap, 1e-14, "overlap through the image, dx = " + dx);
            assertEquals(dx / d, out[0], 1e-12, "n_x through the image");
            assertEquals(dz / d, out[2], 1e-12);
            assertEquals(v + (v / RR) * RR * (dz / d), out[3], 1e-12 * v, "u_x");
            assertEquals(-(v / RR) * RR * (dx / d), out[5], 1e-12 * v, "u_z");
        }
        // moving the roll by one step of Δt advances its axis by v Δt; the image is found from the new position
        roll.move(1e-3, box);
        assertEquals(xc + v * 1e-3, roll.centreX(), 1e-15);
    }

    /**
     * Through the engine: a particle at rest directly below the axis, pressed by the roll (δ = 1e-6 m). A roll
     * rolling without slip (ω = v/R) has its lowest point at rest, so the contact sees no tangential slip: after one
     * step the tangential (x) force is only what the small change of the contact angle over the step gives, O(vΔt/R)
     * of the normal force and far below the Coulomb force. The same roll sliding (translating without turning)
     * drags the particle: the tangential spring k_t v Δt after one step, in the direction of the roll's motion.
     */
    @Test
    void noSlipRollDoesNotDragTheParticleBelowItsLowestPoint() {
        double v = 0.1;
        double delta = 1e-6;
        double[] tangentialOverNormal = new double[2];
        for (int c = 0; c < 2; c++) {
            Particles p = one(0.1, 0.01);
            try (DemEngine engine = new DemEngine(p, new PeriodicBox(LX, 0.02), 1, new PairProperties[] {PP},
                    new HertzMindlinLaw(), 1)) {
                RollWall roll = new RollWall("roll", RR, 0.1, 0.01 + RR + R - delta, new PairProperties[] {PP});
                roll.setMotion(v, 0, c == 0 ? v / RR : 0);
                engine.addWall(roll);
                engine.setTimeStep(1e-7);
                engine.setSkin(0.1 * R);
                engine.run(2);
                double fn = -p.force(0, 2);
                assertTrue(fn > 0, "the roll pushes the particle down");
                tangentialOverNormal[c] = p.force(0, 0) / fn;
            }
        }
        assertTrue(Math.abs(tangentialOverNormal[0]) < 1e-3, "rolling without slip: F_t/F_n = "
                + tangentialOverNormal[0]);
        assertTrue(tangentialOverNormal[1] > 100 * Math.abs(tangentialOverNormal[0]),
                "sliding roll drags the particle along +x: F_t/F_n = " + tangentialOverNormal[1]);
    }

    /**
     * A roll turning in place (v = 0, ω = 20 rad/s) on a particle pressed against it: its surface at the lowest
     * point moves at ωR along −x and friction drags the particle along, so the roll does work through its turning
     * alone. The engine's energy bookkeeping must count it: the wall's power is the contact force on the particle
     * times the velocity of the roll's surface at the contact, F·u (not F·v of the translation, which is 0 here and
     * made the runaway check stop such a run as "blown up"). Over the run the work done bounds the kinetic energy
     * the particle gained (the rest is in the springs or dissipated), and the run is not stopped.
     */
    @Test
    void aTurningRollDoesWorkThroughItsSurfaceVelocity() {
        double omega = 20;
        Particles p = one(0.1, 0.01);
        try (DemEngine engine = new DemEngine(p, new PeriodicBox(LX, 0.02), 1, new PairProperties[] {PP},
                new HertzMindlinLaw(), 1)) {
            RollWall roll = new RollWall("roll", RR, 0.1, 0.01 + RR + R - 1e-6, new PairProperties[] {PP});
            roll.setMotion(0, 0, omega);
            engine.addWall(roll);
            engine.setTimeStep(1e-7);
            engine.setSkin(0.1 * R);
            engine.run(1);
            double[] out = new double[6];
            roll.contact(p, engine.box(), 0, out);
            double power = -(roll.forceX() * out[3] + roll.forceY() * out[4] + roll.forceZ() * out[5]);
            assertTrue(power > 0, "the turning roll drives the particle: " + power + " W");
            assertEquals(power, roll.power(), 1e-12 * power, "F·u at the contact");
            assertEquals(-omega * RR, out[3], 1e-12 * omega * RR, "the lowest point moves at ωR along −x");
            engine.run(3 * 1000); // beyond the runaway check's interval (which threw here before)
            assertTrue(p.velocity(0, 0) < 0, "dragged along −x");
            assertTrue(engine.wallWork >= p.kineticEnergy(), "work " + engine.wallWork + " J, kinetic energy "
                    + p.kineticEnergy() + " J");
        }
    }
}
