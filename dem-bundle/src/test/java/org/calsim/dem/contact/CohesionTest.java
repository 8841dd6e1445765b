package org.calsim.dem.contact;

import static org.calsim.dem.contact.ContactLawTest.E;
import static org.calsim.dem.contact.ContactLawTest.MASS;
import static org.calsim.dem.contact.ContactLawTest.NU;
import static org.calsim.dem.contact.ContactLawTest.RADIUS;
import static org.calsim.dem.contact.ContactLawTest.contact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.calsim.api.contact.ContactForce;
import org.calsim.api.contact.ContactGeometry;
import org.calsim.api.contact.PairProperties;
import org.junit.jupiter.api.Test;

class CohesionTest {

    static PairProperties adhesive(double e, double workOfAdhesion) {
        return PairProperties.mix(E, NU, E, NU, e, 0.3, 0, workOfAdhesion, Double.POSITIVE_INFINITY);
    }

    /** F_c = −√(8πΓE* a³), a = √(R*δ): a handful of floating-point operations, so 1e-12 relative. */
    @Test
    void forceFollowsTheJkrAdhesiveTermAtTheHertzRadius() {
        double gamma = 0.2;
        PairProperties p = adhesive(0.5, gamma);
        double eStar = p.effectiveYoungsModulus();
        double rStar = RADIUS / 2;
        for (double delta : new double[] {1e-10, 1e-9, 2.5e-8, 1e-7}) {
            ContactForce out = new ContactForce();
            new SimplifiedJkrCohesion().apply(contact(delta), p, new double[0], 0, out);
            double a = Math.sqrt(rStar * delta);
            double expected = -Math.sqrt(8 * Math.PI * gamma * eStar * a * a * a);
            assertEquals(expected, out.cohesion, 1e-12 * -expected, "at " + delta);
            assertTrue(out.cohesion < 0, "attractive");
        }
        ContactForce out = new ContactForce();
        new SimplifiedJkrCohesion().apply(contact(-1e-9), p, new double[0], 0, out);
        assertEquals(0, out.cohesion, 0, "no force out of contact");
        new SimplifiedJkrCohesion().apply(contact(1e-8), adhesive(0.5, 0), new double[0], 0, out);
        assertEquals(0, out.cohesion, 0, "no force without adhesion");
    }

    /**
     * Hertz + cohesion cancel at δ_0 = ((3/4)√(8πΓ/E*))^{4/3} R*^{1/3}; the two terms are each computed to
     * ~1e-15 relative, so their difference is asserted to 1e-12 of one of them.
     */
    @Test
    void lawIsInEquilibriumAtTheClosedFormOverlap() {
        double gamma = 1.0;
        PairProperties p = adhesive(0.5, gamma);
        double eStar = p.effectiveYoungsModulus();
        double rStar = RADIUS / 2;
        double delta0 = equilibriumOverlap(gamma, eStar, rStar);
        ContactForce out = new ContactForce();
        new HertzMindlinJkrLaw().compute(contact(delta0), p, new double[3], 0, out);
        assertEquals(0, out.normalTotal(), 1e-12 * out.normalElastic);
        assertTrue(out.normalElastic > 0);
        assertEquals(3, new HertzMindlinJkrLaw().historySize());
    }

    static double equilibriumOverlap(double gamma, double eStar, double rStar) {
        return Math.pow(0.75 * Math.sqrt(8 * Math.PI * gamma / eStar), 4.0 / 3.0) * Math.cbrt(rStar);
    }

    /**
     * A slow (0.01 m/s) head-on collision with Γ = 1 J/m² and e = 0.5: the adhesion well (depth ≈ 3.5e-14 J)
     * is some 500 times the impact energy ½m*v² = 6.3e-17 J, so the damping captures the pair. After ~1000
     * oscillation periods of the well the pair rests at δ_0; the remaining relative speed is below 1e-9 of the
     * impact speed and the overlap equals δ_0 to 1e-9 (measured: 3e-13 and 3e-15 m/s; the damped
     * amplitude e^{−ζωt} is far below rounding).
     */
    @Test
    void slowCollisionWithLargeAdhesionSticks() {
        double gamma = 1.0;
        PairProperties p = adhesive(0.5, gamma);
        double eStar = p.effectiveYoungsModulus();
        double rStar = RADIUS / 2;
        double mStar = MASS / 2;
        double delta0 = equilibriumOverlap(gamma, eStar, rStar);
        // the well: stiffness at δ_0 is half the Hertz stiffness there
        double period = 2 * Math.PI / Math.sqrt(eStar * Math.sqrt(rStar * delta0) / mStar);
        double dt = period / 2000;
        Collision c = Collision.run(new HertzMindlinJkrLaw(), p, RADIUS, MASS, 0.01, dt, 2_000_000L);
        assertFalse(c.separated, "the pair sticks");
        assertEquals(delta0, c.finalOverlap, 1e-9 * delta0, "at rest in the adhesion well");
        assertEquals(0, c.finalApproachSpeed, 1e-9 * 0.01);
    }

    /** Without adhesion the same collision bounces, exactly as hertz-mindlin (the cohesion adds 0). */
    @Test
    void sameCollisionWithoutAdhesionBounces() {
        PairProperties p = adhesive(0.5, 0);
        double rStar = RADIUS / 2;
        double mStar = MASS / 2;
        double eStar = p.effectiveYoungsModulus();
        double tc = 2.87 * Math.pow(mStar * mStar / (rStar * eStar * eStar * 0.01), 0.2);
        Collision c = Collision.run(new HertzMindlinJkrLaw(), p, RADIUS, MASS, 0.01, tc / 4000);
        Collision reference = Collision.run(new HertzMindlinLaw(), p, RADIUS, MASS, 0.01, tc / 4000);
        assertTrue(c.separated);
        assertEquals(reference.restitution, c.restitution, 0);
        assertEquals(0.5, c.restitution, 1e-3, "the realised restitution of hertz-mindlin (ContactLawTest)");
    }

    /**
     * Adhesion must not remove friction. At the adhesive equilibrium overlap δ_0 the elastic and cohesive forces
     * cancel, so μ|F_el + F_damp + F_coh| would be 0 and the contact would slide freely. With LAMMPS's JKR/DMT rule
     * the Coulomb limit is μ|F_ne + 2F_pulloff| = μ · 2 · (3/2)πΓR* = 3μπΓR* at δ_0: a resting contact dragged
     * sideways is elastic (F_t = −k_t s) until its force reaches that limit and then slides at it. F_ne at δ_0 is a
     * difference of two ~1e-15-accurate terms (see the equilibrium test), so the limit holds to 1e-9 relative.
     */
    @Test
    void aRestingAdhesiveContactResistsSlidingUpToTheLammpsLimit() {
        double gamma = 1.0;
        double mu = 0.3;
        PairProperties p = adhesive(0.5, gamma);
        double eStar = p.effectiveYoungsModulus();
        double rStar = RADIUS / 2;
        double delta0 = Math.pow(0.75 * Math.sqrt(8 * Math.PI * gamma / eStar), 4.0 / 3.0) * Math.cbrt(rStar);
        HertzMindlinJkrLaw law = new HertzMindlinJkrLaw();
        ContactGeometry g = contact(delta0);
        g.dt = 1e-9;
        g.vty = 1e-3; // dragged sideways at 1 mm/s, no normal motion
        double[] h = new double[law.historySize()];
        ContactForce out = new ContactForce();
        double limit = mu * 3 * Math.PI * gamma * rStar;
        assertEquals(SimplifiedJkrCohesion.pullOff(gamma, rStar), 1.5 * Math.PI * gamma * rStar, 0);
        boolean slid = false;
        for (int step = 1; step <= 20_000; step++) {
            law.compute(g, p, h, 0, out);
            assertEquals(0, out.normalElastic + out.cohesion, 1e-9 * out.normalElastic, "at the equilibrium overlap");
            double ft = Math.abs(out.fty + out.tangentialDampingCoefficient * g.vty); // the spring's part
            if (Math.abs(out.fty) < limit * (1 - 1e-9)) {
                assertEquals(out.tangentialStiffness * g.vty * g.dt * step, ft, 1e-9 * ft, "elastic at step " + step);
            } else {
                slid = true;
                assertEquals(limit, Math.abs(out.fty), 1e-9 * limit, "sliding at the limit, step " + step);
            }
        }
        assertTrue(slid, "the drag reaches the limit");
    }
}
