package org.calsim.dem.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.calsim.api.contact.ContactLaw;
import org.calsim.api.contact.PairProperties;
import org.calsim.dem.contact.HertzMindlinLaw;
import org.calsim.dem.contact.HertzMindlinRollingLaw;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 §5 item 1: oblique impact of two unequal spheres through the engine. Sphere A: r_A = 1 mm,
 * ρ = 2500 kg/m³ (m_A = 1.05e-5 kg); sphere B: r_B = 0.6 mm, ρ = 7800 kg/m³ (m_B = 7.06e-6 kg); E = 100 GPa, ν = 0.3.
 * The line of centres at impact, n_0 (from B to A), and the tangent t_0 are oblique to every axis.
 */
class ObliqueImpactTest {
    static final double RA = 1e-3;
    static final double RB = 0.6e-3;
    static final double RHO_A = 2500;
    static final double RHO_B = 7800;
    static final double E = 1e11;
    static final double NU = 0.3;
    static final double L = 20e-3;
    /** n_0 = (1, 2, 2)/3, t_0 = n_0 × ẑ normalised, s_0 = n_0 × t_0 */
    static final double[] N0 = {1.0 / 3, 2.0 / 3, 2.0 / 3};
    static final double[] T0 = unit(cross(N0, new double[] {0, 0, 1}));
    static final double[] S0 = cross(N0, T0);

    static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    static double[] unit(double[] a) {
        double n = Math.sqrt(dot(a, a));
        return new double[] {a[0] / n, a[1] / n, a[2] / n};
    }

    /**
     * Two spheres 1 nm apart along n_0 around the box centre, relative velocity of A with respect to B
     * −v_n n_0 + v_t t_0, the centre of mass drifting at u; spins as given.
     */
    static Particles pair(double vn, double vt, double[] u, double[] wA, double[] wB) {
        Particles p = new Particles(2);
        double c = L / 2;
        double d = RA + RB + 1e-9;
        p.add(c + d * N0[0], c + d * N0[1], c + d * N0[2], RA, RHO_A, 0);
        p.add(c, c, c, RB, RHO_B, 0);
        double ma = p.mass(0);
        double mb = p.mass(1);
        double[] rel = new double[3];
        for (int k = 0; k < 3; k++) {
            rel[k] = -vn * N0[k] + vt * T0[k];
        }
        p.setVelocity(0, u[0] + mb / (ma + mb) * rel[0], u[1] + mb / (ma + mb) * rel[1], u[2] + mb / (ma + mb) * rel[2]);
        p.setVelocity(1, u[0] - ma / (ma + mb) * rel[0], u[1] - ma / (ma + mb) * rel[1], u[2] - ma / (ma + mb) * rel[2]);
        p.wx[0] = wA[0];
        p.wy[0] = wA[1];
        p.wz[0] = wA[2];
        p.wx[1] = wB[0];
        p.wy[1] = wB[1];
        p.wz[1] = wB[2];
        return p;
    }

    /** Hertz contact duration of the pair at approach speed v_n. */
    static double contactTime(Particles p, PairProperties pp, double vn) {
        double mStar = p.mass(0) * p.mass(1) / (p.mass(0) + p.mass(1));
        double rStar = RA * RB / (RA + RB);
        double eStar = pp.effectiveYoungsModulus();
        return 2.87 * Math.pow(mStar * mStar / (rStar * eStar * eStar * vn), 0.2);
    }

    /** Runs until the spheres have touched and separated again; returns the number of steps in contact. */
    static int collide(DemEngine engine, StepObserver observer) {
        Particles p = engine.particles();
        boolean touched = false;
        int inContact = 0;
        for (int s = 0; s < 100_000; s++) {
            engine.advance();
            boolean touching = p.forceMagnitude(0) != 0;
            if (touching) {
                touched = true;
                inContact++;
            }
            observer.step();
            if (touched && !touching) {
                return inContact;
            }
        }
        throw new AssertionError("the spheres did not separate");
    }

    interface StepObserver {
        void step();
    }

    /** Linear momentum Σ m v, component k. */
    static double momentum(Particles p, int k) {
        return p.mass(0) * p.velocity(0, k) + p.mass(1) * p.velocity(1, k);
    }

    /** Angular momentum about the fixed point O = box centre: Σ m (x − O) × v + I ω, component k. */
    static double angularMomentum(Particles p, int k) {
        double total = 0;
        double c = L / 2;
        for (int i = 0; i < 2; i++) {
            double[] r = {p.x(i) - c, p.y(i) - c, p.z(i) - c};
            double[] v = {p.velocity(i, 0), p.velocity(i, 1), p.velocity(i, 2)};
            total += p.mass(i) * cross(r, v)[k] + 0.4 * p.mass(i) * p.radius(i) * p.radius(i) * p.angularVelocity(i, k);
        }
        return total;
    }

    /**
     * Conservation, with friction (μ = 0.4), damping (e = 0.6), rolling resistance (hertz-mindlin-rolling,
     * μ_r = 0.1), spins on both spheres and a drifting centre of mass. The engine applies +F to A and −F to B, so
     * Σ m v is conserved by every kick up to rounding. About a fixed point O the contact's total moment is
     * (x_A − x_B) × F − (a_A + a_B) n × F_t + M − M with x_A − x_B = d n and a_A + a_B = (r_A − δ/2) + (r_B − δ/2) = d:
     * zero, so each kick conserves Σ m (x − O) × v + I ω, and a drift x ← x + Δt v changes no (x − O) × m v. So both
     * are conserved by the discrete scheme itself, up to rounding: each step rounds positions and velocities at
     * ε = 1.1e-16 relative, i.e. at most a few ε of the scale S = Σ (m|v| … m|x − O||v| + I|ω|) per step; asserted
     * 4 ε per step of the run, N × 4ε ≈ 2e-13 for the ~430 steps. Measured: 8e-16 (momentum) and 2e-15 (angular
     * momentum) of S.
     */
    @Test
    void momentumAndAngularMomentumAreConservedToRoundOff() {
        PairProperties pp = PairProperties.mix(E, NU, E, NU, 0.6, 0.4, 0.1, 0, Double.POSITIVE_INFINITY);
        Particles p = pair(0.3, 0.4, new double[] {0.05, -0.02, 0.03}, new double[] {120, -80, 40},
                new double[] {-60, 200, 90});
        try (DemEngine engine = new DemEngine(p, new PeriodicBox(L, L), 1, new PairProperties[] {pp},
                new HertzMindlinRollingLaw(), 1)) {
            engine.setTimeStep(contactTime(p, pp, 0.3) / 400);
            engine.setSkin(0.1 * RB);
            engine.initialise();
            double[] p0 = new double[3];
            double[] l0 = new double[3];
            for (int k = 0; k < 3; k++) {
                p0[k] = momentum(p, k);
                l0[k] = angularMomentum(p, k);
            }
            double pScale = 0;
            double lScale = 0;
            for (int i = 0; i < 2; i++) {
                double v = Math.sqrt(Math.pow(p.velocity(i, 0), 2) + Math.pow(p.velocity(i, 1), 2)
                        + Math.pow(p.velocity(i, 2), 2));
                double w = Math.sqrt(Math.pow(p.angularVelocity(i, 0), 2) + Math.pow(p.angularVelocity(i, 1), 2)
                        + Math.pow(p.angularVelocity(i, 2), 2));
                pScale += p.mass(i) * v;
                lScale += p.mass(i) * v * 2 * (RA + RB) + 0.4 * p.mass(i) * p.radius(i) * p.radius(i) * w;
            }
            double[] worst = new double[2];
            double ps = pScale;
            double ls = lScale;
            int steps = collide(engine, () -> {
                for (int k = 0; k < 3; k++) {
                    worst[0] = Math.max(worst[0], Math.abs(momentum(p, k) - p0[k]) / ps);
                    worst[1] = Math.max(worst[1], Math.abs(angularMomentum(p, k) - l0[k]) / ls);
                }
            });
            assertTrue(steps > 300, "the contact is resolved: " + steps + " steps");
            assertTrue(p.angularVelocity(0, 0) != 120, "the contact changed the spins");
            double kinetic = p.kineticEnergy();
            double roundOff = 4 * Math.ulp(1.0) / 2 * engine.steps();
            assertTrue(worst[0] < roundOff, "linear momentum, relative error " + worst[0] + ", bound " + roundOff);
            assertTrue(worst[1] < roundOff, "angular momentum about O, relative error " + worst[1] + ", bound "
                    + roundOff);
            assertTrue(kinetic > 0);
        }
    }

    /**
     * Frictional impact without spin, e = 1 (so the normal impulse is J_n = 2m*v_n), μ = 0.3, at v_t/v_n = ψ.
     * Rigid-body analysis (Walton; Foerster, Louge, Chang, Allia, Phys. Fluids 6 (1994) 1108): a tangential impulse
     * J_t changes the slip velocity of the contact point by J_t (1/m_A + 1/m_B + r_A²/I_A + r_B²/I_B) = (7/2) J_t/m*,
     * so the contact slides throughout iff (7/2) μ J_n/m* = 7μ v_n &lt; v_t, i.e. ψ &gt; 7μ = 2.1. Then J_t = μ J_n, and
     * the tangential coefficient of restitution β = −v_s'/v_s = −1 + 7μ/ψ (Foerster's −1 + μ(1+e)(1+1/K)/ψ with
     * K = 2/5, e = 1); both spheres spin up the same way, I Δω = r μ J_n (n × ŝ). For ψ &lt; 7μ the contact sticks
     * part of the time: 0 &lt; J_t &lt; μ J_n and −1 &lt; β &lt; −1 + 7μ/ψ (Maw, Barber, Fawcett 1976; tangential compliance
     * can make β positive, up to 1), with the kinetic energy not increased.
     *
     * <p>Tolerances, gross sliding. The rigid-body result assumes a fixed normal; in the engine the normal turns while
     * the spheres slide past each other, by at most θ = v_t t_c/(r_A + r_B) (1.7e-3 at ψ = 6), which moves impulse
     * between the normal and tangential directions by θ J_n, and the pair's orbiting adds a centripetal change of the
     * normal relative speed of at most ∫ v_t²/d dt ≤ v_t θ, i.e. (ψθ/2) J_n of normal impulse (measured: 1.0e-3 J_n
     * at ψ = 3, 4.6e-3 J_n at ψ = 6, against bounds 1.6e-3 and 5.7e-3). The normal rebound carries the Hertz
     * discretisation error of Δt = t_c/400, 1e-4 (EngineCollisionTest), and the arms a = r − δ/2 differ from r by
     * δ_max/(2r) (1e-4). The friction impulse is μ times the normal impulse actually delivered, so it shares the
     * latter's (ψθ/2) deficit. So: J·n_0 = J_n to ((ψ/2 + μ)θ + 1e-4) J_n; J·t_0 = −μ J_n to
     * ((μψ/2 + 1)θ + 1e-4) J_n (measured −7.5e-4 J_n and −2.3e-3 J_n at ψ = 3 and 6); I_A|Δω_A| and I_B|Δω_B| equal
     * r μ J_n to ψθ/2 + θ + δ_max/r_B + 1e-4 relative (measured −1.2e-3, −5.0e-3); β to
     * (7/2)((μψ/2 + 1)θ + 1e-4) J_n/(m* v_t) + 1e-4 (measured β = −0.3011 and −0.6520 against −0.3 and −0.65).
     * Partial sticking (measured): J_t/(μJ_n) = 0.23 and 0.64, β = −0.02 and +0.35 at ψ = 0.5 and 1.
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.5, 1.0, 3.0, 6.0})
    void frictionalImpactOfUnequalSpheres(double psi) {
        double mu = 0.3;
        double vn = 0.05;
        double vt = psi * vn;
        PairProperties pp = PairProperties.mix(E, NU, E, NU, 1.0, mu, 0, 0, Double.POSITIVE_INFINITY);
        double[] zero = {0, 0, 0};
        Particles p = pair(vn, vt, zero, zero, zero);
        double ma = p.mass(0);
        double mb = p.mass(1);
        double mStar = ma * mb / (ma + mb);
        double ia = 0.4 * ma * RA * RA;
        double ib = 0.4 * mb * RB * RB;
        double[] va0 = {p.velocity(0, 0), p.velocity(0, 1), p.velocity(0, 2)};
        double before = p.kineticEnergy();
        ContactLaw law = new HertzMindlinLaw();
        try (DemEngine engine = new DemEngine(p, new PeriodicBox(L, L), 1, new PairProperties[] {pp}, law, 1)) {
            double tc = contactTime(p, pp, vn);
            engine.setTimeStep(tc / 400);
            engine.setSkin(0.1 * RB);
            collide(engine, () -> { });
            double jn = 2 * mStar * vn;
            double[] impulse = new double[3]; // on A
            for (int k = 0; k < 3; k++) {
                impulse[k] = ma * (p.velocity(0, k) - va0[k]);
            }
            double[] wa = {p.angularVelocity(0, 0), p.angularVelocity(0, 1), p.angularVelocity(0, 2)};
            double[] wb = {p.angularVelocity(1, 0), p.angularVelocity(1, 1), p.angularVelocity(1, 2)};
            // slip velocity of A's contact point relative to B's, along t_0, after the impact
            double[] relV = new double[3];
            for (int k = 0; k < 3; k++) {
                relV[k] = p.velocity(0, k) - p.velocity(1, k);
            }
            double[] spin = new double[3];
            for (int k = 0; k < 3; k++) {
                spin[k] = RA * wa[k] + RB * wb[k];
            }
            double[] spinSlip = cross(spin, N0);
            double slipAfter = dot(relV, T0) - dot(spinSlip, T0);
            double beta = -slipAfter / vt;
            double theta = vt * tc / (RA + RB);
            double rStar = RA * RB / (RA + RB);
            double eStar = pp.effectiveYoungsModulus();
            double deltaMax = Math.pow(15 * mStar * vn * vn / (16 * eStar * Math.sqrt(rStar)), 0.4);
            double jt = -dot(impulse, T0);
            assertTrue(p.kineticEnergy() <= before * (1 + 1e-4), "no energy gained");
            assertEquals(jn, dot(impulse, N0), ((psi / 2 + mu) * theta + 1e-4) * jn, "normal impulse 2m*v_n");
            if (psi > 7 * mu) {
                assertEquals(mu * jn, jt, ((mu * psi / 2 + 1) * theta + 1e-4) * jn, "gross sliding: J_t = μ J_n");
                // n × ŝ with ŝ = t_0 (A slides along +t_0 relative to B): A and B both spin about n_0 × t_0 = s_0
                double spinTol = psi * theta / 2 + theta + deltaMax / RB + 1e-4;
                assertEquals(RA * mu * jn, ia * dot(wa, S0), spinTol * RA * mu * jn, "spin of A");
                assertEquals(RB * mu * jn, ib * dot(wb, S0), spinTol * RB * mu * jn, "spin of B");
                double betaTol = 3.5 * ((mu * psi / 2 + 1) * theta + 1e-4) * jn / (mStar * vt) + 1e-4;
                assertEquals(-1 + 7 * mu / psi, beta, betaTol, "tangential restitution −1 + 7μ/ψ");
            } else {
                assertTrue(jt > 0 && jt < mu * jn * (1 - 1e-3), "partial sticking: 0 < J_t < μ J_n, J_t/J_n = "
                        + jt / jn);
                assertTrue(beta > -1 && beta < Math.min(1, -1 + 7 * mu / psi), "−1 < β < min(1, −1 + 7μ/ψ): " + beta);
            }
        }
    }
}
