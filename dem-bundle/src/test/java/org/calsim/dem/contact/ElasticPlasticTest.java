package org.calsim.dem.contact;

import static org.calsim.dem.contact.ContactLawTest.E;
import static org.calsim.dem.contact.ContactLawTest.MASS;
import static org.calsim.dem.contact.ContactLawTest.NU;
import static org.calsim.dem.contact.ContactLawTest.RADIUS;
import static org.calsim.dem.contact.ContactLawTest.contact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.calsim.api.contact.ContactForce;
import org.calsim.api.contact.ContactGeometry;
import org.calsim.api.contact.PairProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link ThorntonNingNormal} against the closed forms of Thornton and Ning (1998), written out here
 * independently of the implementation. Two 5 µm NMC-like spheres, limiting contact pressure p_y = 1 GPa:
 * δ_y ≈ 1.0 nm, yield velocity ≈ 0.06 m/s.
 */
class ElasticPlasticTest {
    static final double PY = 1e9;
    static final PairProperties PAIR = PairProperties.mix(E, NU, E, NU, 1.0, 0.3, 0, 0, PY);
    static final double E_STAR = PAIR.effectiveYoungsModulus();
    static final double R_STAR = RADIUS / 2;
    static final double M_STAR = MASS / 2;
    static final double DELTA_Y = Math.PI * Math.PI * R_STAR * PY * PY / (4 * E_STAR * E_STAR);
    static final double F_Y = hertz(DELTA_Y);

    static double hertz(double delta) {
        return delta <= 0 ? 0 : 4.0 / 3.0 * E_STAR * Math.sqrt(R_STAR) * Math.pow(delta, 1.5);
    }

    static double loading(double delta) {
        return delta <= DELTA_Y ? hertz(delta) : F_Y + Math.PI * PY * R_STAR * (delta - DELTA_Y);
    }

    static double unloadingRadius(double deltaMax) {
        return 4 * E_STAR * Math.pow(R_STAR * deltaMax, 1.5) / (3 * loading(deltaMax));
    }

    static double plasticOverlap(double deltaMax) {
        return deltaMax - R_STAR * deltaMax / unloadingRadius(deltaMax);
    }

    static double unloading(double delta, double deltaMax) {
        double s = delta - plasticOverlap(deltaMax);
        return s <= 0 ? 0 : 4.0 / 3.0 * E_STAR * Math.sqrt(unloadingRadius(deltaMax)) * Math.pow(s, 1.5);
    }

    /** Drives the part to overlap δ and returns its force; the history array carries δ_max. */
    private static ContactForce at(double delta, double[] history) {
        ContactForce out = new ContactForce();
        new ThorntonNingNormal().apply(contact(delta), PAIR, history, 0, out);
        return out;
    }

    /** Loading: Hertz to δ_y, then the line F_y + πp_yR*(δ − δ_y); a few operations each, so 1e-12. */
    @Test
    void loadingCurve() {
        double[] h = new double[1];
        for (int k = 1; k <= 400; k++) {
            double delta = k * 20 * DELTA_Y / 400;
            ContactForce out = at(delta, h);
            double f = loading(delta);
            assertEquals(f, out.normalElastic, 1e-12 * f, "force at " + delta / DELTA_Y + " δ_y");
            double k0 = 2 * E_STAR * Math.sqrt(R_STAR * delta);
            assertEquals(k0, out.normalStiffness, 1e-12 * k0, "elastic stiffness 2E*a");
            assertEquals(delta, h[0], 0, "δ_max");
        }
        // the plastic slope equals the Hertz tangent at yield: 2E*a_y = π p_y R*
        assertEquals(Math.PI * PY * R_STAR, 2 * E_STAR * Math.sqrt(R_STAR * DELTA_Y), 1e-12 * Math.PI * PY * R_STAR);
    }

    /**
     * Unloading from δ_max = 20 δ_y follows 4/3 E*√R_p (δ − δ_p)^{3/2} with R_p = 4E*a_max³/(3F_max); the
     * force vanishes at δ_p, and the spring-back δ_max − δ_p equals (3F_max/(4E*√R_p))^{2/3} (the other
     * way of writing the continuity of force). Rounding only: 1e-12 (1e-9 where two nearly equal overlaps
     * are subtracted).
     */
    @Test
    void unloadingCurveAndResidualOverlap() {
        double deltaMax = 20 * DELTA_Y;
        double[] h = new double[1];
        double fMax = at(deltaMax, h).normalElastic;
        double rp = unloadingRadius(deltaMax);
        double deltaP = plasticOverlap(deltaMax);
        assertTrue(rp > R_STAR, "enlarged radius");
        assertTrue(deltaP > 0 && deltaP < deltaMax, "a permanent overlap");
        double springBack = Math.pow(3 * fMax / (4 * E_STAR * Math.sqrt(rp)), 2.0 / 3.0);
        assertEquals(deltaMax - deltaP, springBack, 1e-12 * springBack, "spring-back");

        // just below δ_max: the force is continuous and the stiffness is 2E*a_max
        ContactForce top = at(deltaMax * (1 - 1e-12), h);
        assertEquals(fMax, top.normalElastic, 1e-9 * fMax);
        double aMax = Math.sqrt(R_STAR * deltaMax);
        assertEquals(2 * E_STAR * aMax, top.normalStiffness, 1e-9 * 2 * E_STAR * aMax);

        for (int k = 1; k <= 200; k++) {
            double delta = deltaMax - k * (deltaMax + DELTA_Y) / 200; // down to −δ_y
            ContactForce out = at(delta, h);
            double f = unloading(delta, deltaMax);
            assertEquals(f, out.normalElastic, 1e-12 * fMax, "unloading force at " + delta / DELTA_Y + " δ_y");
            if (delta <= deltaP) {
                assertEquals(0, out.normalElastic, 0, "no force below the plastic overlap");
                assertEquals(0, out.normalStiffness, 0);
            } else {
                assertTrue(out.normalElastic > 0);
            }
            assertEquals(deltaMax, h[0], 0, "δ_max kept");
        }
        assertTrue(at(deltaP * (1 + 1e-9), h).normalElastic > 0, "force returns to zero at δ_p, not before");
        assertEquals(0, at(deltaP * (1 - 1e-9), h).normalElastic, 0);
    }

    /** Reloading below δ_max retraces the unloading curve; past δ_max the plastic line resumes. */
    @Test
    void reloadingBelowTheLargestOverlapIsElastic() {
        double deltaMax = 10 * DELTA_Y;
        double[] h = new double[1];
        at(deltaMax, h);
        double deltaP = plasticOverlap(deltaMax);
        double low = 0.5 * (deltaP + deltaMax);
        for (int k = 0; k <= 100; k++) { // unload to low
            at(deltaMax - k * (deltaMax - low) / 100, h);
        }
        for (int k = 0; k < 100; k++) { // reload to just below δ_max
            double delta = low + k * (deltaMax - low) / 100;
            double f = unloading(delta, deltaMax);
            assertEquals(f, at(delta, h).normalElastic, 1e-12 * f, "reloading at " + delta / DELTA_Y + " δ_y");
        }
        assertEquals(deltaMax, h[0], 0);
        double beyond = 1.5 * deltaMax;
        assertEquals(loading(beyond), at(beyond, h).normalElastic, 1e-12 * loading(beyond), "plastic again");
        assertEquals(beyond, h[0], 0);
    }

    /** With p_y = +∞ the part is Hertz, bit for bit, on loading, unloading and reloading. */
    @Test
    void infiniteYieldStressIsHertz() {
        PairProperties elastic = PairProperties.mix(E, NU, E, NU, 1.0, 0.3, 0, 0, Double.POSITIVE_INFINITY);
        double[] h = new double[1];
        double[] path = {1e-9, 1e-8, 1e-7, 5e-7, 2e-7, 1e-9, -1e-9, 3e-7, 6e-7};
        for (double delta : path) {
            ContactGeometry g = contact(delta);
            ContactForce plastic = new ContactForce();
            ContactForce hertz = new ContactForce();
            new ThorntonNingNormal().apply(g, elastic, h, 0, plastic);
            new HertzNormal().apply(g, elastic, new double[0], 0, hertz);
            assertEquals(hertz.normalElastic, plastic.normalElastic, 0, "force at " + delta);
            assertEquals(hertz.normalStiffness, plastic.normalStiffness, 0, "stiffness at " + delta);
        }
    }

    /** ½m*v_y² = ∫0^δ_y F dδ = (2/5) F_y δ_y. */
    static double yieldVelocity() {
        return Math.sqrt(2 * 0.4 * F_Y * DELTA_Y / M_STAR);
    }

    /**
     * Restitution of an impact at v &gt; v_y: the impact energy ½m*v² is the work of loading to δ_max,
     * (2/5)F_yδ_y + F_y x + ½πp_yR* x² with x = δ_max − δ_y; the rebound energy is the elastic energy of the
     * unloading curve, (2/5) F_max (δ_max − δ_p); e = √(rebound / impact).
     */
    static double[] closedFormImpact(double speed) {
        double energy = 0.5 * M_STAR * speed * speed;
        double kp = Math.PI * PY * R_STAR;
        double x = (-F_Y + Math.sqrt(F_Y * F_Y - 2 * kp * (0.4 * F_Y * DELTA_Y - energy))) / kp;
        double deltaMax = DELTA_Y + x;
        double rebound = 0.4 * loading(deltaMax) * (deltaMax - plasticOverlap(deltaMax));
        return new double[] {Math.sqrt(rebound / energy), deltaMax};
    }

    /**
     * An {@code elastic-plastic} impact with e = 1 (no damping) dissipates only by yielding. Δt = t_c/2000
     * with t_c the Hertz duration at that speed (the plastic contact lasts longer, so the step is finer
     * still). Velocity Verlet conserves the Hertz energy to O((Δt/t_c)²) (1e-4 asserted, as for Hertz in
     * ContactLawTest); the force is C¹ at yield and switches from the loading line to the unloading curve
     * where the velocity passes zero, so no O(Δt) error is made there either. (Δt/t_c)² = 2.5e-7; measured
     * |Δe| ≤ 1e-7 and |Δδ_max|/δ_max ≤ 1e-7 (the sampled peak) for v/v_y from 0.1 to 50; asserted
     * 4 (Δt/t_c)² = 1e-6 for both. The closed form is also checked against Thornton and Ning's published
     * e(v_y/v) (their eq. for the coefficient of restitution), which it must equal up to rounding.
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.5, 0.9, 2, 10, 50})
    void impactDissipatesOnlyAboveTheYieldVelocity(double speedOverYield) {
        double vy = yieldVelocity();
        assertEquals(0.06, vy, 0.01, "yield velocity of these spheres");
        double speed = speedOverYield * vy;
        double tc = 2.87 * Math.pow(M_STAR * M_STAR / (R_STAR * E_STAR * E_STAR * speed), 0.2);
        Collision c = Collision.run(new ElasticPlasticLaw(), PAIR, RADIUS, MASS, speed, tc / 2000);
        double tolerance = 4 * Math.pow(1.0 / 2000, 2);
        if (speedOverYield < 1) {
            assertEquals(1.0, c.restitution, tolerance, "elastic below the yield velocity");
            double deltaMax = Math.pow(15 * M_STAR * speed * speed / (16 * E_STAR * Math.sqrt(R_STAR)), 0.4);
            assertEquals(deltaMax, c.maxOverlap, tolerance * deltaMax);
        } else {
            double[] expected = closedFormImpact(speed);
            assertTrue(expected[0] < 1);
            assertEquals(thorntonNingRestitution(vy / speed), expected[0], 1e-12, "published e(v)");
            assertEquals(expected[0], c.restitution, tolerance, "restitution of Thornton-Ning");
            assertEquals(expected[1], c.maxOverlap, tolerance * expected[1], "largest overlap");
        }
    }

    /**
     * Thornton and Ning (1998): e = (6√3/5)^{1/2} [1 − (1/6)(v_y/v)²]^{1/2}
     * [(v_y/v) / ((v_y/v) + 2√(6/5 − (1/5)(v_y/v)²))]^{1/4} for v &gt; v_y.
     */
    static double thorntonNingRestitution(double r) {
        return Math.sqrt(6 * Math.sqrt(3) / 5) * Math.sqrt(1 - r * r / 6)
                * Math.pow(r / (r + 2 * Math.sqrt(1.2 - 0.2 * r * r)), 0.25);
    }
}
