package org.calsim.dem.contact;

import static org.calsim.dem.contact.ContactLawTest.E;
import static org.calsim.dem.contact.ContactLawTest.MASS;
import static org.calsim.dem.contact.ContactLawTest.NU;
import static org.calsim.dem.contact.ContactLawTest.RADIUS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.calsim.api.contact.BondSpec;
import org.calsim.api.contact.ContactForce;
import org.calsim.api.contact.ContactGeometry;
import org.calsim.api.contact.PairProperties;
import org.junit.jupiter.api.Test;

/**
 * {@link ParallelBond} against beam theory and the strength criteria of Potyondy and Cundall (2004). Two
 * 5 µm spheres, bond E_b = 10 GPa, ν_b = 0.25, λ = 0.5 (R_b = 2.5 µm). The bond is incremental: after N equal
 * steps its force is a sum of N equal increments, exact up to N rounding errors of 1.1e-16 each; N ≤ 2000
 * here, so 1e-12 relative is asserted for the linear force and moment laws.
 */
class BondTest {
    static final double EB = 10e9;
    static final double NUB = 0.25;
    static final double RB = 0.5 * RADIUS;
    static final double AREA = Math.PI * RB * RB;
    static final double I = Math.PI * Math.pow(RB, 4) / 4;
    static final double J = Math.PI * Math.pow(RB, 4) / 2;
    static final double GB = EB / (2 * (1 + NUB));
    static final double STRONG = 1e15;
    /** The pull-apart case: a 1 µm gap bridged, opened at 0.01 m/s in steps of 10 ns, σ_c 1000.5 increments high. */
    static final double PULL_GAP = 1e-6;
    static final double PULL_LENGTH = 2 * RADIUS + PULL_GAP;
    static final double PULL_SPEED = 0.01;
    static final double PULL_DT = 1e-8;
    static final double PULL_INCREMENT = EB / PULL_LENGTH * AREA * PULL_SPEED * PULL_DT;
    static final double PULL_SIGMA_C = 1000.5 * PULL_INCREMENT / AREA;
    static final PairProperties PAIR = PairProperties.mix(E, NU, E, NU, 0.5, 0.3, 0, 0, Double.POSITIVE_INFINITY);

    static BondSpec spec(double tensile, double shear, double damping) {
        return new BondSpec(EB, NUB, 0.5, tensile, shear, damping);
    }

    /** Two equal spheres, n = x, at the given overlap (negative: a gap). */
    static ContactGeometry pair(double overlap, double dt) {
        ContactGeometry g = new ContactGeometry();
        g.setBodies(RADIUS, RADIUS, MASS, MASS);
        g.overlap = overlap;
        g.nx = 1;
        g.dt = dt;
        return g;
    }

    private static ContactForce step(ParallelBond bond, ContactGeometry g, double[] h) {
        ContactForce out = new ContactForce();
        bond.apply(g, PAIR, h, 0, out);
        return out;
    }

    @Test
    void formStoresTheBondOfTheCurrentGeometry() {
        ParallelBond bond = new ParallelBond();
        double[] h = new double[ParallelBond.SLOTS];
        assertFalse(bond.intact(h, 0), "zeroed history: no bond");
        assertFalse(bond.broken(h, 0));
        ContactGeometry g = pair(-1e-6, 1e-9);
        bond.form(g, spec(1e8, 1e8, 0.2), h, 0);
        assertTrue(bond.intact(h, 0));
        double length = 2 * RADIUS + 1e-6;
        assertEquals(RB, h[ParallelBond.RADIUS], 0);
        assertEquals(length, h[ParallelBond.LENGTH], 0, "centre distance across the gap");
        assertEquals(EB / length, h[ParallelBond.KN], 1e-15 * EB / length);
        assertEquals(GB / length, h[ParallelBond.KT], 1e-15 * GB / length);
        // critical damping fractions: m* for the forces, I* = (2/5) m* r² (equal spheres) for the moments
        double mStar = MASS / 2;
        double iStar = 0.4 * mStar * RADIUS * RADIUS;
        assertEquals(0.4 * Math.sqrt(mStar * EB / length * AREA), h[ParallelBond.ETA_N], 1e-12 * h[ParallelBond.ETA_N]);
        assertEquals(0.4 * Math.sqrt(iStar * GB / length * J), h[ParallelBond.ETA_TWIST],
                1e-12 * h[ParallelBond.ETA_TWIST]);
        // against a wall the bond reaches from the centre to the wall
        ContactGeometry wall = new ContactGeometry();
        wall.setBodies(RADIUS, Double.POSITIVE_INFINITY, MASS, Double.POSITIVE_INFINITY);
        wall.overlap = 1e-7;
        bond.form(wall, spec(1e8, 1e8, 0), h, 0);
        assertEquals(RADIUS - 1e-7, h[ParallelBond.LENGTH], 0);
        assertEquals(RB, h[ParallelBond.RADIUS], 0);
        ContactGeometry through = pair(2 * RADIUS, 1e-9);
        assertThrows(IllegalArgumentException.class, () -> bond.form(through, spec(1e8, 1e8, 0), h, 0));
    }

    /**
     * (a) Pure tension at constant speed: F_n = −k_n A Δl = −(E_b/l_b) A Δl, linear; the bond breaks at the
     * first step whose force exceeds σ_c A, so the last intact force lies within one increment k_n A v Δt
     * below σ_c A. σ_c is set 1000.5 increments high, away from a step boundary, so rounding cannot move the
     * break by a step: it must come at step 1001.
     */
    @Test
    void tensionIsLinearAndBreaksAtTheTensileStrength() {
        double gap = PULL_GAP;
        double length = PULL_LENGTH;
        double v = PULL_SPEED;
        double dt = PULL_DT;
        double increment = PULL_INCREMENT;
        double sigmaC = PULL_SIGMA_C;
        ParallelBond bond = new ParallelBond();
        double[] h = new double[ParallelBond.SLOTS];
        ContactGeometry g = pair(-gap, dt);
        bond.form(g, spec(sigmaC, STRONG, 0), h, 0);
        g.normalVelocity = -v; // separating
        double lastIntact = 0;
        int brokeAt = -1;
        for (int step = 1; step <= 2000 && brokeAt < 0; step++) {
            g.overlap -= v * dt;
            ContactForce out = step(bond, g, h);
            if (bond.intact(h, 0)) {
                double stretch = step * v * dt;
                double expected = -EB / length * AREA * stretch;
                // the force follows the stretch l_b − d, a difference of two lengths of ~2R: rounding of a few ulp of it
                double rounding = EB / length * AREA * 4 * Math.ulp(length);
                assertEquals(expected, out.bondNormal, 1e-12 * -expected + rounding, "linear at step " + step);
                assertEquals(0, out.ftx + out.fty + out.ftz + out.trx + out.try_ + out.trz, 0, "tension only");
                lastIntact = -out.bondNormal;
            } else {
                brokeAt = step;
                assertEquals(0, out.bondNormal, 0, "no force once broken");
            }
        }
        assertEquals(1001, brokeAt, "break step");
        assertTrue(lastIntact <= sigmaC * AREA && sigmaC * AREA - lastIntact < increment,
                "broke within one increment of σ_c A");
        assertTrue(bond.broken(h, 0));
    }

    /**
     * (b) Bending and twisting at a constant relative angular velocity ω (the spheres turn at ±ω/2, so the
     * contact point does not slide): after a rotation θ = ωt the moment is E_b I θ/l_b about an axis ⟂ n (a
     * beam of length l_b in pure bending, M = EIκ with κ = θ/l_b) and G_b J θ/l_b about n (torsion).
     */
    @Test
    void bendingAndTwistingFollowBeamTheory() {
        double omega = 50;
        double dt = 1e-8;
        double length = 2 * RADIUS;
        for (boolean twist : new boolean[] {false, true}) {
            ParallelBond bond = new ParallelBond();
            double[] h = new double[ParallelBond.SLOTS];
            ContactGeometry g = pair(0, dt);
            bond.form(g, spec(STRONG, STRONG, 0), h, 0);
            if (twist) {
                g.wx = omega;
            } else {
                g.wy = omega;
            }
            for (int step = 1; step <= 2000; step++) {
                ContactForce out = step(bond, g, h);
                double theta = omega * step * dt;
                if (twist) {
                    double expected = -GB * J * theta / length;
                    assertEquals(expected, out.trx, 1e-12 * -expected, "torsion at step " + step);
                    assertEquals(0, out.try_, 0);
                } else {
                    double expected = -EB * I * theta / length;
                    assertEquals(expected, out.try_, 1e-12 * -expected, "bending at step " + step);
                    assertEquals(0, out.trx, 0);
                }
                assertEquals(0, out.trz, 0);
                assertEquals(0, out.bondNormal, 0, "no axial force from rotation");
                assertEquals(0, out.fty, 0);
            }
            assertTrue(bond.intact(h, 0));
        }
    }

    /** A bending moment alone breaks the bond when |M| R_b/I passes σ_c (eq 17), within one increment. */
    @Test
    void bendingBreaksAtTheTensileStrength() {
        double omega = 50;
        double dt = 1e-8;
        double momentIncrement = EB * I / (2 * RADIUS) * omega * dt;
        double sigmaC = 500.5 * momentIncrement * RB / I;
        ParallelBond bond = new ParallelBond();
        double[] h = new double[ParallelBond.SLOTS];
        ContactGeometry g = pair(0, dt);
        bond.form(g, spec(sigmaC, STRONG, 0), h, 0);
        g.wz = omega;
        int step = 0;
        while (bond.intact(h, 0)) {
            step++;
            step(bond, g, h);
        }
        assertEquals(501, step);
    }

    /**
     * A ductile bond (failure strain ε_f = 10⁻³) pulled apart as in {@link #tensionIsLinearAndBreaksAtTheTensileStrength}:
     * linear up to σ_c A, then it yields: the force stays at σ_c A (to rounding) while the rest length grows with the
     * stretch, and it breaks once the plastic lengthening, summed as Σ Δl_b/l_b (the true strain ln(l_b/l_b0) to
     * within (Δl_b/l_b)² ≈ 1e-10 per step), passes ε_f: at the stretch σ_c/k_n + l_b0 (e^ε_f − 1), which is
     * 1000.5 + 110.055 increments of v Δt here; the step that first passes it is 1111 (the 0.445 increment margin
     * is far above the per-step rounding).
     */
    @Test
    void aDuctileBondYieldsInTensionAtItsStrengthAndBreaksAtItsFailureStrain() {
        double failure = 1e-3;
        ParallelBond bond = new ParallelBond();
        double[] h = new double[ParallelBond.SLOTS];
        ContactGeometry g = pair(-PULL_GAP, PULL_DT);
        bond.form(g, new BondSpec(EB, NUB, 0.5, PULL_SIGMA_C, STRONG, 0, failure), h, 0);
        g.normalVelocity = -PULL_SPEED;
        int brokeAt = -1;
        int yielded = 0;
        for (int step = 1; step <= 3000 && brokeAt < 0; step++) {
            g.overlap -= PULL_SPEED * PULL_DT;
            ContactForce out = step(bond, g, h);
            if (!bond.intact(h, 0)) {
                brokeAt = step;
                assertEquals(0, out.bondNormal, 0, "no force once broken");
            } else if (step > 1001) {
                yielded++;
                assertEquals(-PULL_SIGMA_C * AREA, out.bondNormal, 1e-9 * PULL_SIGMA_C * AREA,
                        "perfectly plastic at step " + step);
            }
        }
        double plasticSteps = PULL_LENGTH * Math.expm1(failure) / (PULL_SPEED * PULL_DT);
        assertEquals(110.055, plasticSteps, 1e-3);
        assertEquals(1111, brokeAt, "break step");
        assertEquals(109, yielded, "steps at the yield force");
    }

    /**
     * A ductile bridge pushed together yields at the same strength: its force stays at σ_c A while its rest length
     * shortens (the CBD densifies), it does not break however far it is crushed (the shortening is no damage), and
     * it unloads elastically from the shortened length, k_n A per metre. The gap of the pull-apart case is closed
     * 0.2 µm of its 1 µm at the same speed, so the bond yields after 1000.5 steps; then 500 steps back take
     * 500 increments off the force, 1500 steps back leave it 499.5 increments in tension, still elastic. A brittle
     * bond (Potyondy and Cundall's) is elastic in compression: the same push gives 2000 increments.
     */
    @Test
    void aDuctileBondYieldsInCompressionKeepsItsShorteningAndUnloadsElastically() {
        ParallelBond bond = new ParallelBond();
        double[] h = new double[ParallelBond.SLOTS];
        ContactGeometry g = pair(-PULL_GAP, PULL_DT);
        bond.form(g, new BondSpec(EB, NUB, 0.5, PULL_SIGMA_C, STRONG, 0, 1e-3), h, 0);
        double[] brittle = new double[ParallelBond.SLOTS];
        bond.form(g, spec(PULL_SIGMA_C, STRONG, 0), brittle, 0);
        double force = PULL_SIGMA_C * AREA;
        ContactForce out = null;
        ContactForce elastic = null;
        for (int step = 1; step <= 2000; step++) {
            g.overlap += PULL_SPEED * PULL_DT;
            out = step(bond, g, h);
            elastic = step(bond, g, brittle);
            double expected = Math.min(step * PULL_INCREMENT, force);
            assertEquals(expected, out.bondNormal, 1e-9 * force, "compression at step " + step);
        }
        assertTrue(bond.intact(h, 0) && bond.intact(brittle, 0));
        assertEquals(0, h[ParallelBond.PLASTIC_STRAIN], 0, "crushing is no damage");
        assertEquals(PULL_LENGTH - 999.5 * PULL_SPEED * PULL_DT, h[ParallelBond.LENGTH], 1e-9 * PULL_GAP,
                "shortened by the plastic part of the push, 999.5 steps");
        assertEquals(2000 * PULL_INCREMENT, elastic.bondNormal, 1e-9 * force, "a brittle bond stays elastic");
        for (int step = 1; step <= 1500; step++) {
            g.overlap -= PULL_SPEED * PULL_DT;
            out = step(bond, g, h);
            if (step == 500) {
                assertEquals(force - 500 * PULL_INCREMENT, out.bondNormal, 1e-9 * force, "elastic unloading");
            }
        }
        assertEquals(force - 1500 * PULL_INCREMENT, out.bondNormal, 1e-9 * force, "elastic into tension");
        assertTrue(bond.intact(h, 0));
    }

    /**
     * A ductile bond bent at a constant relative angular velocity: the moment grows as E_b I θ/l_b up to σ_c I/R_b and
     * then stays there; the plastic rotation θ_p makes an outer-fibre strain θ_p R_b/l_b, and the bond breaks when
     * that passes ε_f, after θ_p = ε_f l_b/R_b: 8000 steps of ω Δt = 5e-7 rad past the yield step (500.5 steps in)
     * for ε_f = 10⁻³, l_b = 10 µm, R_b = 2.5 µm. A brittle bond of the same strength breaks at step 501.
     */
    @Test
    void aDuctileBondYieldsInBendingAndBreaksAtItsFailureStrain() {
        double omega = 50;
        double dt = 1e-8;
        double length = 2 * RADIUS;
        double momentIncrement = EB * I / length * omega * dt;
        double sigmaC = 500.5 * momentIncrement * RB / I;
        double failure = 1e-3;
        ParallelBond bond = new ParallelBond();
        double[] h = new double[ParallelBond.SLOTS];
        ContactGeometry g = pair(0, dt);
        bond.form(g, new BondSpec(EB, NUB, 0.5, sigmaC, STRONG, 0, failure), h, 0);
        g.wz = omega;
        int step = 0;
        while (bond.intact(h, 0)) {
            step++;
            ContactForce out = step(bond, g, h);
            if (bond.intact(h, 0) && step > 501) {
                assertEquals(sigmaC * I / RB, Math.abs(out.trz), 1e-9 * sigmaC * I / RB, "yield moment at " + step);
            }
        }
        double plasticSteps = failure * length / RB / (omega * dt);
        assertEquals(8000, plasticSteps, 1e-6);
        assertEquals(500.5 + plasticSteps, step, 1.0, "break step");
    }

    /**
     * (c) Shear at constant tangential speed: F_s = −k_t A Δs = −(G_b/l_b) A Δs, linear; the bond breaks when
     * |F_s|/A passes τ_c, at step 751 for τ_c set 750.5 increments high.
     */
    @Test
    void shearIsLinearAndBreaksAtTheShearStrength() {
        double v = 0.01;
        double dt = 1e-8;
        double length = 2 * RADIUS;
        double increment = GB / length * AREA * v * dt;
        double tauC = 750.5 * increment / AREA;
        ParallelBond bond = new ParallelBond();
        double[] h = new double[ParallelBond.SLOTS];
        ContactGeometry g = pair(0, dt);
        bond.form(g, spec(STRONG, tauC, 0), h, 0);
        g.vtz = v;
        double lastIntact = 0;
        int step = 0;
        while (true) {
            step++;
            ContactForce out = step(bond, g, h);
            if (!bond.intact(h, 0)) {
                assertEquals(0, out.ftz, 0);
                break;
            }
            double expected = -GB / length * AREA * step * v * dt;
            assertEquals(expected, out.ftz, 1e-12 * -expected, "linear shear at step " + step);
            assertEquals(0, out.bondNormal, 0);
            lastIntact = -out.ftz;
        }
        assertEquals(751, step);
        assertTrue(lastIntact <= tauC * AREA && tauC * AREA - lastIntact < increment);
    }

    /** (d) A broken bond gives no force, never re-forms, and the law is no longer engaged. */
    @Test
    void brokenBondGivesNothingAndStaysBroken() {
        BondedLaw law = new BondedLaw();
        double[] h = new double[law.historySize()];
        double dt = 1e-8;
        ContactGeometry g = pair(-1e-7, dt);
        assertTrue(law.formBond(g, spec(1e6, 1e6, 0.3), h, 0));
        assertTrue(law.engaged(h, 0));
        assertFalse(law.bondBroken(h, 0));
        ContactForce out = new ContactForce();
        g.normalVelocity = -1; // tear it apart
        int steps = 0;
        while (law.engaged(h, 0)) {
            g.overlap -= dt;
            law.compute(g, PAIR, h, 0, out);
            steps++;
            assertTrue(steps < 10_000, "must break");
        }
        assertTrue(law.bondBroken(h, 0));
        // push back through the rest length, shear and rotate: still nothing from the bond
        g.normalVelocity = 1;
        g.vty = 0.3;
        g.wz = 20;
        for (int k = 0; k < 200; k++) {
            g.overlap += 1e-9;
            law.compute(g, PAIR, h, 0, out);
            assertEquals(0, out.bondNormal, 0);
            if (g.overlap < 0) {
                assertEquals(0, out.normalWithBond(), 0, "apart: no force at all");
                assertEquals(0, out.fty, 0);
                assertEquals(0, out.trz, 0);
            }
            assertFalse(law.engaged(h, 0));
            assertTrue(law.bondBroken(h, 0));
        }
    }

    /** Without a bond the law is hertz-mindlin; with one the bond adds in parallel, also across a gap. */
    @Test
    void bondedLawComposesContactAndBond() {
        BondedLaw law = new BondedLaw();
        assertEquals(3 + ParallelBond.SLOTS, law.historySize());
        ContactGeometry g = pair(1e-7, 1e-9);
        g.normalVelocity = 0.01;
        g.vty = 0.02;
        double[] h = new double[law.historySize()];
        ContactForce bonded = new ContactForce();
        ContactForce plain = new ContactForce();
        law.compute(g, PAIR, h, 0, bonded);
        new HertzMindlinLaw().compute(g, PAIR, new double[3], 0, plain);
        assertFalse(law.engaged(h, 0));
        assertFalse(law.bondBroken(h, 0));
        assertEquals(plain.normalTotal(), bonded.normalWithBond(), 0);
        assertEquals(plain.fty, bonded.fty, 0);

        // bonded across a gap of 100 nm, approaching: only the bond pushes
        double[] hb = new double[law.historySize()];
        ContactGeometry gap = pair(-1e-7, 1e-9);
        law.formBond(gap, spec(1e9, 1e9, 0), hb, 0);
        gap.normalVelocity = 0.01;
        gap.overlap += 0.01 * 1e-9; // one step of the approach: the bond is compressed by v Δt
        ContactForce out = new ContactForce();
        law.compute(gap, PAIR, hb, 0, out);
        double length = 2 * RADIUS + 1e-7;
        double expected = EB / length * AREA * 0.01 * 1e-9;
        assertEquals(expected, out.bondNormal, EB / length * AREA * 4 * Math.ulp(length));
        assertEquals(0, out.normalTotal(), 0);
        assertTrue(law.engaged(hb, 0));
    }

    /**
     * Damping: a bonded pair across a gap (never touching) set oscillating along n is a damped linear
     * oscillator of stiffness k_n A and mass m*; successive maxima of the stretch shrink by
     * exp(−2πζ/√(1−ζ²)). Velocity Verlet with the dashpot evaluated at the half-step velocity, Δt = T/2000:
     * the measured ratio differs by 5.4e-5 (about 0.1 Δt/T, the first-order error of the half-step dashpot
     * velocity; sampling the peaks adds only O((ωΔt)²) ≈ 5e-6); asserted 2Δt/T = 1e-3, the bound
     * ContactLawTest uses for the linear dashpot.
     */
    @Test
    void dampingRatioGivesTheLogarithmicDecrement() {
        double zeta = 0.1;
        double gap = 1e-7;
        double length = 2 * RADIUS + gap;
        double mStar = MASS / 2;
        double omega = Math.sqrt(EB / length * AREA / mStar);
        double period = 2 * Math.PI / (omega * Math.sqrt(1 - zeta * zeta));
        double dt = period / 2000;
        BondedLaw law = new BondedLaw();
        double[] h = new double[law.historySize()];
        ContactGeometry g = pair(-gap, dt);
        law.formBond(g, spec(STRONG, STRONG, zeta), h, 0);
        ContactForce out = new ContactForce();
        double x = 0; // stretch l − l_b [m]
        double u = 1.0; // dx/dt [m/s]: amplitude ≈ u/ω ≈ 8 nm, well inside the gap
        double a = 0;
        double previous = 0;
        double rising = 0;
        double[] maxima = new double[3];
        int found = 0;
        for (int step = 0; step < 20_000 && found < 3; step++) {
            double uh = u + 0.5 * a * dt;
            x += uh * dt;
            g.overlap = -gap - x;
            g.normalVelocity = -uh;
            out.clear();
            law.compute(g, PAIR, h, 0, out);
            a = out.normalWithBond() / mStar; // repulsive force lengthens
            u = uh + 0.5 * a * dt;
            if (rising > 0 && x < previous) {
                maxima[found++] = previous;
            }
            rising = x - previous;
            previous = x;
            assertTrue(g.overlap < 0, "never touching");
        }
        assertEquals(3, found);
        double expected = Math.exp(-2 * Math.PI * zeta / Math.sqrt(1 - zeta * zeta));
        assertEquals(expected, maxima[1] / maxima[0], 2 * dt / period);
        assertEquals(expected, maxima[2] / maxima[1], 2 * dt / period);
    }
}
