package org.calsim.dem.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.calsim.api.contact.PairProperties;
import org.calsim.dem.contact.HertzMindlinLaw;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Binary collisions through the whole engine (list, passes, walls), against Hertz's closed forms. */
class EngineCollisionTest {
    static final double R = 1e-3;
    static final double RHO = 2500;
    static final double E = 1e8;
    static final double NU = 0.3;

    static PairProperties pair(double e, double mu) {
        return PairProperties.mix(E, NU, E, NU, e, mu, 0, 0, Double.POSITIVE_INFINITY);
    }

    /** Two equal spheres approach head-on at relative speed v along x; returns {restitution, duration, max force}. */
    static double[] headOn(double e, double speed, int threads) {
        Particles p = new Particles(2);
        double box = 20 * R;
        p.add(5 * R, 10 * R, 10 * R, R, RHO, 0);
        p.add(7 * R + 1e-9, 10 * R, 10 * R, R, RHO, 0);
        p.setVelocity(0, speed / 2, 0, 0);
        p.setVelocity(1, -speed / 2, 0, 0);
        double mass = p.mass(0);
        try (DemEngine engine = new DemEngine(p, new PeriodicBox(box, box), 1, new PairProperties[] {pair(e, 0.3)},
                new HertzMindlinLaw(), threads)) {
            double rStar = R / 2;
            double mStar = mass / 2;
            double eStar = pair(e, 0).effectiveYoungsModulus();
            double tc = 2.87 * Math.pow(mStar * mStar / (rStar * eStar * eStar * speed), 0.2);
            engine.setTimeStep(tc / 400);
            engine.setSkin(0.1 * R);
            double start = -1;
            double end = -1;
            double peak = 0;
            for (int s = 0; s < 4000 && end < 0; s++) {
                engine.advance();
                double fx = Math.abs(p.force(0, 0));
                peak = Math.max(peak, fx);
                if (start < 0 && fx > 0) {
                    start = engine.time();
                }
                if (start > 0 && fx == 0) {
                    end = engine.time();
                }
            }
            double rebound = p.velocity(1, 0) - p.velocity(0, 0);
            return new double[] {rebound / speed, end - start, peak, tc, engine.timeStep()};
        }
    }

    /**
     * Restitution realised through the engine against the target, e = 0.1 … 0.9, within 2 % (the issue's
     * bound). The mapping of {@code ViscoelasticDamping} is not exact for Hertz, so 2 % is the physics
     * tolerance, not the numerics (Δt = t_c/400 adds O(1e-3)).
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.3, 0.5, 0.7, 0.9})
    void restitutionMatchesTheTarget(double e) {
        double[] r = headOn(e, 0.5, 1);
        assertEquals(e, r[0], 0.02 * e, "restitution");
    }

    /**
     * Elastic impact: duration t_c = 2.87 (m*²/(R* E*² v))^{1/5} and peak force
     * F = 4/3 E* √R* δ_max^{3/2}, δ_max = (15 m* v² / (16 E* √R*))^{2/5} (Johnson 1985 §11.4). The contact is
     * detected at step resolution, so the duration carries ±2Δt; the peak is sampled at steps, so it is low by at
     * most (Δt/t_c)² relative times a constant of order π²: 1e-4 bounds it at Δt = t_c/400.
     */
    @Test
    void elasticImpactFollowsHertz() {
        double speed = 0.5;
        double[] r = headOn(1.0, speed, 1);
        double tc = r[3];
        assertEquals(tc, r[1], 2 * r[4], "contact duration");
        double mass = RHO * 4.0 / 3.0 * Math.PI * R * R * R;
        double mStar = mass / 2;
        double rStar = R / 2;
        double eStar = pair(1, 0).effectiveYoungsModulus();
        double deltaMax = Math.pow(15 * mStar * speed * speed / (16 * eStar * Math.sqrt(rStar)), 0.4);
        double peak = 4.0 / 3.0 * eStar * Math.sqrt(rStar) * Math.pow(deltaMax, 1.5);
        assertEquals(peak, r[2], 1e-4 * peak, "peak force");
        assertEquals(1.0, r[0], 1e-4, "elastic rebound");
    }

    @Test
    void oneAndTwoThreadsGiveTheSameCollision() {
        double[] one = headOn(0.5, 0.5, 1);
        double[] two = headOn(0.5, 0.5, 2);
        assertEquals(one[0], two[0], 0.0);
        assertEquals(one[2], two[2], 0.0);
    }

    /**
     * A sphere hits the collector plane obliquely (no gravity, e = 1 so the normal impulse is exactly 2 m v_n).
     * Exact for every angle: the contact force acts at the contact point, so the angular momentum about it,
     * m d v_t + I ω_y (ω about y, v_t along x) is conserved, d = r − δ the arm; with the arm between r − δ_max
     * and r, m r v_t + I ω_y is conserved to within δ_max ∫|F_t| dt ≤ δ_max μ J_n (δ_max from Hertz), and ω'
     * lies between (1 − δ_max/r) and 1 times the rigid-sphere value. In the gross-sliding regime, v_t/v_n &gt; 7μ
     * (the contact point never sticks), the impulses are J_n = 2 m v_n, J_t = μ J_n: v_t' = v_t − 2μ v_n,
     * ω' = 5μ v_n / r. At small angles the contact sticks part of the time and the tangential impulse stays
     * below μ J_n (Maw, Barber, Fawcett, Wear 38 (1976) 101).
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.2, 0.5, 1.0, 3.0, 5.0})
    void obliqueImpactOnAWall(double tangentialOverNormal) {
        double mu = 0.3;
        double vn = 0.2;
        double vt = tangentialOverNormal * vn;
        Particles p = new Particles(1);
        double box = 20 * R;
        p.add(10 * R, 10 * R, R + 1e-9, R, RHO, 0);
        p.setVelocity(0, vt, 0, -vn);
        PairProperties wall = pair(1.0, mu);
        try (DemEngine engine = new DemEngine(p, new PeriodicBox(box, box), 1, new PairProperties[] {wall},
                new HertzMindlinLaw(), 1)) {
            engine.addWall(new PlaneWall("collector", 0, true, new PairProperties[] {wall}));
            double mass = p.mass(0);
            double eStar = wall.effectiveYoungsModulus();
            double tc = 2.87 * Math.pow(mass * mass / (R * eStar * eStar * vn), 0.2);
            engine.setTimeStep(tc / 500);
            engine.setSkin(0.1 * R);
            boolean touched = false;
            for (int s = 0; s < 5000; s++) {
                engine.advance();
                touched |= p.force(0, 2) != 0;
                if (touched && p.force(0, 2) == 0) {
                    break;
                }
            }
            double inertia = 0.4 * mass * R * R;
            double vtAfter = p.velocity(0, 0);
            double wAfter = p.angularVelocity(0, 1);
            double before = mass * R * vt;
            double after = mass * R * vtAfter + inertia * wAfter;
            double deltaMax = Math.pow(15 * mass * vn * vn / (16 * eStar * Math.sqrt(R)), 0.4);
            assertEquals(before, after, deltaMax * mu * 2 * mass * vn,
                    "angular momentum about the contact point");
            assertEquals(vn, p.velocity(0, 2), 1e-3 * vn, "normal rebound with e = 1");
            double impulseT = mass * (vt - vtAfter);
            if (tangentialOverNormal > 7 * mu) {
                assertEquals(vt - 2 * mu * vn, vtAfter, 2e-3 * vn, "gross sliding: v_t'");
                double rigid = 5 * mu * vn / R;
                assertTrue(wAfter <= rigid && wAfter >= rigid * (1 - deltaMax / R), "gross sliding: ω' " + wAfter);
            } else {
                assertTrue(impulseT < 2 * mu * mass * vn * (1 - 1e-3), "partial sticking: J_t < μ J_n");
                assertTrue(impulseT > 0, "friction opposes the slip");
            }
        }
    }
}
