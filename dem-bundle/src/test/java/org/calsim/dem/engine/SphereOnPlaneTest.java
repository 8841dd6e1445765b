package org.calsim.dem.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.calsim.api.contact.ContactLaw;
import org.calsim.api.contact.PairProperties;
import org.calsim.dem.contact.HertzMindlinLaw;
import org.calsim.dem.contact.HertzMindlinRollingLaw;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 §5 items 2 and 3: a sphere (r = 1 mm, ρ = 2500 kg/m³, E = 100 MPa, ν = 0.3) on the collector plane under
 * gravity g = 9.81 m/s², through the engine.
 *
 * <p><b>Geometry of the contact.</b> The sphere rests at the Hertz overlap δ_s of its weight,
 * mg = (4/3) E* √r δ_s^{3/2} (δ_s ≈ 1.3e-7 m = 1.3e-4 r), and starts there at rest vertically, so the normal force is
 * mg from the first step. The engine applies the friction force at the contact point, a distance a = r − δ_s below
 * the centre (the branch length), and the contact-point velocity is v − a ω (x velocity v, spin ω about +y; ω a = v
 * is rolling without slip). Every expected value below is written with a, and also compared with its a = r limit,
 * which differs by O(δ_s/r) ≈ 1e-4.
 */
class SphereOnPlaneTest {
    static final double R = 1e-3;
    static final double RHO = 2500;
    static final double E = 1e8;
    static final double NU = 0.3;
    static final double G = 9.81;
    /** Deceleration [m/s²] of the rolling case in LIGGGHTS 3.8.0, from verify/liggghts/run-rolling.sh. */
    static final double LIGGGHTS_ROLLING_DECELERATION = -0.350366548;

    static PairProperties pair(double e, double mu, double muR) {
        return PairProperties.mix(E, NU, E, NU, e, mu, muR, 0, Double.POSITIVE_INFINITY);
    }

    /** Overlap at which the Hertz force of the plane carries the weight. */
    static double restingOverlap(double mass, PairProperties pp) {
        return Math.pow(3 * mass * G / (4 * pp.effectiveYoungsModulus() * Math.sqrt(R)), 2.0 / 3.0);
    }

    static DemEngine sphereOnPlane(PairProperties pp, ContactLaw law, double v0, double omega0) {
        Particles p = new Particles(1);
        p.add(10 * R, 10 * R, R, R, RHO, 0);
        double delta = restingOverlap(p.mass(0), pp);
        p.z[0] = R - delta;
        p.setVelocity(0, v0, 0, 0);
        p.wy[0] = omega0;
        DemEngine engine = new DemEngine(p, new PeriodicBox(20 * R, 20 * R), 1, new PairProperties[] {pp}, law, 1);
        engine.addWall(new PlaneWall("collector", 0, true, new PairProperties[] {pp}));
        engine.setGravity(-G);
        engine.setTimeStep(1e-6); // the normal contact period 2π√(m/k_n) ≈ 5.8e-4 s: ~600 steps per period
        engine.setSkin(0.2 * R);
        engine.initialise();
        return engine;
    }

    /**
     * Item 2: launched sliding at v_0 = 0.1 m/s with ω = 0, μ = 0.3. While it slides, the Coulomb force μmg decelerates
     * it, v = v_0 − μgt, and spins it up, I ω̇ = a μ m g; the contact point stops slipping when v = a ω, at
     * t* = v_0 / (μ g (1 + m a²/I)) = 2 v_0 / (7 μ g) for a = r. After that the sphere rolls: the friction and
     * normal forces act at the contact point and gravity on the vertical through it, so the angular momentum about
     * the contact point, m a v + I ω, is conserved throughout (whatever the tangential spring does when sticking
     * starts), and rolling (v = a ω) then gives v = v_0 m a²/(m a² + I) = (5/7) v_0 for a = r.
     *
     * <p>Tolerances. (i) Final speed: the conservation above is exact in the Verlet kicks (force and torque come from
     * the same a), so only changes of a, from the normal oscillation the start excites (δ_s is the exact resting
     * overlap, so this is rounding) and the residual tangential oscillation after sticking matter; the latter starts
     * at the spring energy μ²m²g²/(2k_t) (velocity amplitude μmg/√(k_t m_eff) ≈ 6e-3 v_0 with m_eff = 2/7 m, k_t the
     * Mindlin stiffness) and is damped by the tangential dashpot (e = 0.5) at the rate η_t/(2m_eff) ≈ 6.7e3/s, so
     * after the 0.09 s that follow it is e^{−600}: nothing. What is left is rounding of some 1e5 kicks (1e-11
     * relative). Asserted: v = v_0 m a²/(m a² + I) to 1e-9 relative (measured 6e-13), v = a ω to 1e-9 v_0 (measured
     * 0), and 5/7 v_0 to 2δ_s/r (measured −7.2e-5 relative: the a = r − δ_s correction). (ii) Slip time. The tangential part is a spring–dashpot whose total (−k_t s − η_t v_t) is limited to
     * μF_n; while sliding, the spring is reset to s = −(F_t + η_t v_t)/k_t, so the next trial force is
     * F_t + η_t(v_t,old − v_t) − k_t v_t Δt: it drops below the limit, and the contact sticks, once the slip speed v_t
     * (falling at the constant rate |v̇_t| = v_0/t*) is below (η_t/k_t)|v̇_t|, i.e. at t* − η_t/k_t, not at the
     * rigid-body t*. With η_t/k_t = 2√(5/6)|β|√(m/k_t) (ViscoelasticDamping, k_t = 8G*√(rδ_s)) this is 40 µs,
     * 0.4 % of t*: measured 9.670 ms against t* = 9.710 ms, the difference η_t/k_t to the step. After that the
     * spring–dashpot takes the slip to zero and the rolling speed is (i), unaffected. Asserted: the last step at the
     * Coulomb limit is t* − η_t/k_t within 2Δt (the crossing is seen at steps). (iii) During sliding, |F_t|/F_n = μ
     * exactly (the Coulomb limit with F_n = mg): 1e-9 asserted, and v − (v_0 − μgt) to 1e-9 v_0.
     */
    @Test
    void slidingSphereEndsRollingAtFiveSevenths() {
        double mu = 0.3;
        double v0 = 0.1;
        PairProperties pp = pair(0.5, mu, 0);
        try (DemEngine engine = sphereOnPlane(pp, new HertzMindlinLaw(), v0, 0)) {
            Particles p = engine.particles();
            double m = p.mass(0);
            double inertia = 0.4 * m * R * R;
            double a = R - restingOverlap(m, pp);
            double tStar = v0 / (mu * G * (1 + m * a * a / inertia));
            assertEquals(2 * v0 / (7 * mu * G), tStar, 2 * (R - a) / R * tStar, "t* = 2v_0/(7μg) for a = r");
            double lastSliding = -1;
            double worstRatio = 0;
            double worstLinear = 0;
            for (int s = 0; s < 100_000; s++) {
                engine.advance();
                double ft = p.force(0, 0);
                double fn = p.force(0, 2) + m * G; // the wall's normal force (the total includes gravity)
                double ratio = Math.abs(ft) / fn;
                if (ratio > mu * (1 - 1e-9)) {
                    lastSliding = engine.time();
                    worstRatio = Math.max(worstRatio, Math.abs(ratio - mu));
                    worstLinear = Math.max(worstLinear, Math.abs(p.velocity(0, 0) - (v0 - mu * G * engine.time())));
                }
            }
            double lnE = Math.log(0.5);
            double beta = lnE / Math.sqrt(lnE * lnE + Math.PI * Math.PI);
            double kt = 8 * pp.effectiveShearModulus() * Math.sqrt(R * (R - a));
            double lead = 2 * Math.sqrt(5.0 / 6.0) * -beta * Math.sqrt(m / kt);
            assertEquals(tStar - lead, lastSliding, 2 * engine.timeStep(), "end of sliding t* − η_t/k_t, t* = "
                    + tStar + " s");
            assertTrue(worstRatio < 1e-9 * mu, "sliding at the Coulomb limit: " + worstRatio);
            assertTrue(worstLinear < 1e-9 * v0, "v = v_0 − μgt while sliding: " + worstLinear);
            double v = p.velocity(0, 0);
            double omega = p.angularVelocity(0, 1);
            double expected = v0 * m * a * a / (m * a * a + inertia);
            assertEquals(expected, v, 1e-9 * expected, "v = v_0 m a²/(m a² + I)");
            assertEquals(5.0 / 7.0 * v0, v, 2 * (R - a) / R * v0, "v = 5/7 v_0");
            assertEquals(v, omega * a, 1e-9 * v0, "rolling: ω a = v");
            assertEquals(m * a * v0, m * a * v + inertia * omega, 1e-9 * m * a * v0,
                    "angular momentum about the contact point");
        }
    }

    /**
     * Item 3: rolling resistance through the engine, {@code hertz-mindlin-rolling} (EPSD rolling part), μ_r = 0.05,
     * μ = 0.5 (no sliding). A sphere launched rolling (v_0 = 0.1 m/s, ω_0 = v_0/a) builds up its rolling torque within
     * a rotation of M_m/k_r (below 1e-3 rad with the current k_r = 2.25 k_n μ_r² R*² and smaller with the coming
     * k_r = k_t R*², so the test does not depend on k_r), then rolls on with the torque at the plastic limit
     * M = μ_r R* F_n, R* = r against a plane, F_n = mg, opposing ω.
     *
     * <p>Derivation (x along the motion, ω about +y, rolling means v = a ω; friction F_t along x at the contact point
     * a below the centre gives the torque −a F_t about y; the rolling torque is −M while ω &gt; 0):
     * m v̇ = F_t, I ω̇ = −a F_t − M. With ω̇ = v̇/a: (I/a) v̇ = −a m v̇ − M, so
     * v̇ = −M a / (I + m a²) = −μ_r r m g a / (I + m a²) = −(5/7) μ_r g for a = r: a constant deceleration, independent
     * of the rolling stiffness, with the friction F_t = m v̇ = −(5/7) μ_r m g well below μ m g. The sign: the torque
     * opposes the spin, so the sphere slows down.
     *
     * <p>Measured: the slope of a least-squares line through v(t) over t = 2 … 12 ms. When the rolling torque appears
     * (within 1e-5 s) the friction must jump to −(5/7)μ_r m g; the tangential spring answers with an oscillation of
     * velocity amplitude (5/7)μ_r m g/√(k_t m_eff) ≈ 7e-4 v_0 (m_eff = 2/7 m) that the tangential dashpot (e = 0.5)
     * damps at η_t/(2m_eff) ≈ 6.7e3/s: by 2 ms it is e^{−13} ≈ 2e-6 of that, 1e-10 m/s, and a residual oscillation
     * of amplitude A over a 10 ms window moves a fitted slope by about A/10 ms ≈ 1e-8 m/s², 3e-8 relative. The
     * δ_s/r corrections are inside the a-exact formula. Asserted: 1e-6 relative (measured 2e-10), and rolling
     * without slip (v = a ω to 1e-9 v_0; measured 0) at the end.
     */
    @Test
    void rollingResistanceDeceleratesAtFiveSeventhsMuRG() {
        double muR = 0.05;
        double v0 = 0.1;
        PairProperties pp = pair(0.5, 0.5, muR);
        Particles probe = new Particles(1);
        probe.add(0, 0, 0, R, RHO, 0);
        double m = probe.mass(0);
        double a = R - restingOverlap(m, pp);
        double inertia = 0.4 * m * R * R;
        try (DemEngine engine = sphereOnPlane(pp, new HertzMindlinRollingLaw(), v0, v0 / a)) {
            Particles p = engine.particles();
            double st = 0;
            double sv = 0;
            double stt = 0;
            double stv = 0;
            int n = 0;
            while (engine.time() < 12e-3) {
                engine.advance();
                double t = engine.time();
                if (t >= 2e-3) {
                    double v = p.velocity(0, 0);
                    st += t;
                    sv += v;
                    stt += t * t;
                    stv += t * v;
                    n++;
                }
            }
            double slope = (n * stv - st * sv) / (n * stt - st * st);
            double expected = -muR * R * m * G * a / (inertia + m * a * a);
            assertEquals(-5.0 / 7.0 * muR * G, expected, 2 * (R - a) / R * 5.0 / 7.0 * muR * G, "a = r limit");
            assertEquals(expected, slope, 1e-6 * -expected, "deceleration (5/7) μ_r g");
            // the same case in LIGGGHTS 3.8.0 (epsd2): verify/liggghts/run-rolling.sh, rolling-results.txt. LIGGGHTS
            // puts the contact point at r − δ_s/2 from the centre where calsim puts it at r − δ_s (its v/(aω) at 12 ms
            // is 1 + 6e-5 ≈ 1 + δ_s/2r): the two agree to O(δ_s/r) = 1.3e-4, asserted to 2 δ_s/r
            assertEquals(LIGGGHTS_ROLLING_DECELERATION, slope, 2 * (R - a) / R * -expected, "LIGGGHTS epsd2");
            double v = p.velocity(0, 0);
            assertTrue(v < v0 && v > 0.9 * v0, "slows down: " + v);
            assertEquals(v, a * p.angularVelocity(0, 1), 1e-9 * v0, "still rolling without slip");
        }
    }
}
